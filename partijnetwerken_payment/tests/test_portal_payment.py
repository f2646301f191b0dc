# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import html
import re

from odoo import http
from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from odoo.addons.partijnetwerken.tests.portal_common import PartyNetworkPortalCommon

from .common import CONTRIBUTION, ContributionPaymentCommon


@tagged("post_install", "-at_install")
class TestPortalPayment(ContributionPaymentCommon, PartyNetworkPortalCommon, HttpCase):
    """The whole path as ``payment_form.js`` takes it: pledge, the payment form's
    data attributes, the transaction route, the provider's report, the pledge
    page; and what a member may not do."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.url = f"/my/networks/{cls.network_a.id}/contribute"

    def _form_data(self, response):
        """The payment form's data attributes and the first payment option, as
        payment_form.js reads them."""
        self.assertEqual(response.status_code, 200)
        form = re.search(r'<form[^>]*id="o_payment_form"[^>]*>', response.text)
        self.assertTrue(form, "the payment form is rendered")
        data = {
            key: html.unescape(value)
            for key, value in re.findall(r'data-([\w-]+)="([^"]*)"', form.group(0))
        }
        radio = re.search(r'<input[^>]*name="o_payment_radio"[^>]*>', response.text)
        self.assertTrue(radio, "a payment method is offered")
        option = dict(re.findall(r'data-([\w-]+)="([^"]*)"', radio.group(0)))
        data["provider-id"] = int(option["provider-id"])
        data["payment-option-id"] = int(option["payment-option-id"])
        return data

    def _route_params(self, data, **changes):
        params = {
            "provider_id": data["provider-id"],
            "payment_method_id": data["payment-option-id"],
            "token_id": None,
            "amount": float(data["amount"]),
            "flow": "direct",
            "tokenization_requested": False,
            "landing_route": data["landing-route"],
            "is_validation": False,
            "access_token": data["access-token"],
            "csrf_token": self.csrf_token(),
        }
        params.update(changes)
        return params

    def csrf_token(self):
        return http.Request.csrf_token(self)

    def _report(self, processing_values, state):
        """The provider reports the payment's outcome."""
        reference = processing_values["reference"]
        if self.demo_installed:
            self.make_jsonrpc_request(
                "/payment/demo/simulate_payment",
                {
                    "reference": reference,
                    "payment_details": "4242",
                    "simulated_state": state,
                },
            )
        else:
            tx = self.env["payment.transaction"].search([("reference", "=", reference)])
            {"done": tx._set_done, "cancel": tx._set_canceled}[state]()

    def _pledge_and_open_the_form(self, amount="12,50"):
        self.login(self.member_user)
        answer = self.post(self.url, {"amount": amount})
        pledge = self.env[CONTRIBUTION].search(
            [("partner_id", "=", self.member_user.partner_id.id)], limit=1
        )
        self.assertRedirect(answer, f"{self.url}/{pledge.id}/pay")
        return pledge, self._form_data(self.get(answer.headers["Location"]))

    def test_member_pays_a_pledge_online(self):
        self.network_a.invalidate_recordset(["contribution_total"])
        total = self.network_a.contribution_total
        pledge, data = self._pledge_and_open_the_form()
        self.assertEqual(float(data["amount"]), 12.5)
        self.assertEqual(int(data["currency-id"]), pledge.currency_id.id)
        self.assertEqual(int(data["partner-id"]), self.member_user.partner_id.id)
        self.assertEqual(data["reference-prefix"], pledge.reference)
        self.assertEqual(
            data["transaction-route"], f"{self.url}/{pledge.id}/transaction"
        )
        values = self.make_jsonrpc_request(
            data["transaction-route"], self._route_params(data)
        )
        tx = self.env["payment.transaction"].search(
            [("reference", "=", values["reference"])]
        )
        self.assertEqual(tx.contribution_id, pledge)
        self.assertEqual(tx.amount, 12.5)
        self.assertEqual(tx.partner_id, self.member_user.partner_id)
        self._report(values, "done")
        self.assertEqual(pledge.state, "paid")
        self.network_a.invalidate_recordset(["contribution_total"])
        self.assertEqual(self.network_a.contribution_total, total + 12.5)
        page = self.get(f"{self.url}?pledge={pledge.id}")
        self.assertIn("o_pn_payment_done", page.text)
        self.assertNotIn("o_pn_pay_online", page.text)
        # a paid pledge is not offered again
        again = self.get(f"{self.url}/{pledge.id}/pay")
        self.assertRedirect(again, f"{self.url}?pledge={pledge.id}")
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                data["transaction-route"], self._route_params(data)
            )

    def test_cancelled_payment_leaves_the_pledge_with_a_message(self):
        pledge, data = self._pledge_and_open_the_form()
        values = self.make_jsonrpc_request(
            data["transaction-route"], self._route_params(data)
        )
        self._report(values, "cancel")
        self.assertEqual(pledge.state, "pledged")
        page = self.get(data["landing-route"])
        self.assertIn("o_pn_payment_failed", page.text)
        self.assertIn("o_pn_pay_online", page.text)
        # trying again works
        values = self.make_jsonrpc_request(
            data["transaction-route"], self._route_params(data)
        )
        self._report(values, "done")
        self.assertEqual(pledge.state, "paid")

    def test_a_pending_payment_is_not_started_twice(self):
        pledge, data = self._pledge_and_open_the_form()
        values = self.make_jsonrpc_request(
            data["transaction-route"], self._route_params(data)
        )
        tx = self.env["payment.transaction"].search(
            [("reference", "=", values["reference"])]
        )
        tx._set_pending()
        page = self.get(data["landing-route"])
        self.assertIn("o_pn_payment_pending", page.text)
        self.assertNotIn("o_pn_pay_online", page.text)
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                data["transaction-route"], self._route_params(data)
            )
        self.assertEqual(pledge.state, "pledged")

    def test_the_form_cannot_change_amount_currency_partner_or_landing(self):
        pledge, data = self._pledge_and_open_the_form()
        values = self.make_jsonrpc_request(
            data["transaction-route"],
            self._route_params(
                data,
                amount=0.01,
                landing_route="https://example.com/phish",
            ),
        )
        tx = self.env["payment.transaction"].search(
            [("reference", "=", values["reference"])]
        )
        self.assertEqual(tx.amount, 12.5)
        self.assertTrue(tx.landing_route.startswith(f"{self.url}?pledge={pledge.id}"))
        with mute_logger("odoo.http"):
            for changes in (
                {"access_token": "x" * 64},
                {"currency_id": 1, "partner_id": self.bram.id},
                {"provider_id": 0},
            ):
                with self.assertRaises(JsonRpcException, msg=str(changes)):
                    self.make_jsonrpc_request(
                        data["transaction-route"], self._route_params(data, **changes)
                    )
        self.assertEqual(
            self.env["payment.transaction"].search_count(
                [("contribution_id", "=", pledge.id)]
            ),
            1,
        )

    def test_someone_elses_contribution_is_not_found(self):
        pledge, data = self._pledge_and_open_the_form()
        other = self.bram_pledge
        for url in (
            f"{self.url}/{other.id}/pay",
            f"/my/networks/{self.network_b.id}/contribute/{pledge.id}/pay",
            f"{self.url}/999999999/pay",
        ):
            self.assertEqual(self.get(url).status_code, 404, url)
        route = f"{self.url}/{other.id}/transaction"
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(route, self._route_params(data))
        self.assertFalse(
            self.env["payment.transaction"].search([("contribution_id", "=", other.id)])
        )
        # another member, logged in, cannot pay the first member's pledge either
        self.login(self.core_user)
        self.assertEqual(self.get(f"{self.url}/{pledge.id}/pay").status_code, 404)
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                f"{self.url}/{pledge.id}/transaction", self._route_params(data)
            )
        self.assertEqual(pledge.state, "pledged")

    def test_without_a_published_provider_the_pledge_shows_instructions(self):
        self.provider.write({"is_published": False})
        self.login(self.member_user)
        answer = self.post(self.url, {"amount": "10"})
        pledge = self.env[CONTRIBUTION].search(
            [("partner_id", "=", self.member_user.partner_id.id)], limit=1
        )
        self.assertRedirect(answer, f"{self.url}?pledge={pledge.id}")
        page = self.get(answer.headers["Location"])
        self.assertIn("o_pn_contribution_instructions", page.text)
        self.assertNotIn("o_pn_pay_online", page.text)
        self.assertRedirect(
            self.get(f"{self.url}/{pledge.id}/pay"), f"{self.url}?pledge={pledge.id}"
        )
