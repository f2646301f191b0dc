# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SECRET_NAME
from .portal_common import PartyNetworkPortalCommon

CONTRIBUTION = "party.network.contribution"
INSTRUCTIONS = "Maak over naar NL91 ABNA 0417 1643 00."


@tagged("post_install", "-at_install")
class TestPortalContribution(PartyNetworkPortalCommon, HttpCase):
    """The contribution form, the pledge with its instructions, the member's own
    contributions under /my/networks and the core group's total."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.network_a.write(
            {"contribution_enabled": True, "contribution_suggested_amount": 15}
        )
        cls.env["ir.config_parameter"].sudo().set_param(
            "partijnetwerken.contribution_instructions", INSTRUCTIONS
        )
        now = fields.Datetime.now()
        cls.event_b = cls.env["event.event"].create(
            {
                "name": "Bijeenkomst B",
                "network_id": cls.network_b.id,
                "date_begin": now + timedelta(days=3),
                "date_end": now + timedelta(days=3, hours=2),
            }
        )
        # Bram, who shares nothing, gave: the core group sees the sum only
        cls.c_bram = cls.env[CONTRIBUTION].create(
            {"network_id": cls.network_a.id, "partner_id": cls.bram.id, "amount": 40}
        )
        cls.c_bram.action_mark_paid()
        cls.url = f"/my/networks/{cls.network_a.id}/contribute"

    def _pledges(self):
        return self.env[CONTRIBUTION].search(
            [("partner_id", "=", self.member_user.partner_id.id)]
        )

    def test_member_pledges_and_reads_the_instructions(self):
        self.login(self.member_user)
        network_page = self.get(f"/my/networks/{self.network_a.id}")
        self.assertIn("o_pn_contribute_link", network_page.text)
        form = self.get(self.url)
        self.assertEqual(form.status_code, 200)
        self.assertIn("o_pn_contribution_form", form.text)
        self.assertIn("15,00", form.text)
        self.assertIn(self.event_a.name, form.text)
        self.assertNotIn("Bijeenkomst B", form.text)
        answer = self.post(self.url, {"amount": "12,50", "event_id": self.event_a.id})
        pledge = self._pledges()
        self.assertEqual(len(pledge), 1)
        self.assertRedirect(answer, f"{self.url}?pledge={pledge.id}")
        self.assertEqual(pledge.amount, 12.5)
        self.assertEqual(pledge.event_id, self.event_a)
        page = self.get(answer.headers["Location"])
        self.assertIn(pledge.reference, page.text)
        self.assertIn(INSTRUCTIONS, page.text)
        # the form sent twice records one pledge
        self.post(self.url, {"amount": "12.50", "event_id": str(self.event_a.id)})
        self.assertEqual(len(self._pledges()), 1)
        mine = self.get("/my/networks")
        self.assertIn("o_pn_my_contributions", mine.text)
        self.assertIn(pledge.reference, mine.text)
        self.assertNotIn(self.c_bram.reference, mine.text)

    def test_bad_amounts_give_a_message_and_record_nothing(self):
        self.login(self.member_user)
        for data in (
            {},
            {"amount": ""},
            {"amount": "0"},
            {"amount": "-5"},
            {"amount": "10000,01"},
            {"amount": str(2**63)},
            {"amount": "12,345"},
            {"amount": "1.000,50"},
            {"amount": "abc"},
            {"amount": "x" * 5000},
            {"amount": "<script>alert(1)</script>"},
            {"amount": "10", "event_id": self.event_b.id},
            {"amount": "10", "event_id": "abc"},
            {"amount": "10", "event_id": str(2**63)},
            {"amount": "10", "event_id": "-1"},
        ):
            with self.subTest(data=str(data)[:50]):
                answer = self.post(self.url, data)
                self.assertEqual(answer.status_code, 200)
                self.assertIn("o_pn_error", answer.text)
                self.assertNotIn("<script>alert(1)</script>", answer.text)
        self.assertFalse(self._pledges())

    def test_not_for_outsiders_or_disabled_networks(self):
        for user in (self.outsider_user, self.core_user, self.core_b_user):
            with self.subTest(user=user.login):
                self.login(user)
                page = self.get(self.url)
                self.assertEqual(page.status_code, 200)
                self.assertNotIn("o_pn_contribution_form", page.text)
                answer = self.post(self.url, {"amount": "10"})
                self.assertIn("o_pn_error", answer.text)
        self.network_a.contribution_enabled = False
        self.login(self.member_user)
        self.assertNotIn("o_pn_contribution_form", self.get(self.url).text)
        self.assertIn("o_pn_error", self.post(self.url, {"amount": "10"}).text)
        self.assertEqual(
            self.env[CONTRIBUTION].search_count(
                [("network_id", "in", (self.network_a | self.network_b).ids)]
            ),
            1,
        )

    def test_someone_elses_pledge_is_not_shown(self):
        self.login(self.member_user)
        page = self.get(f"{self.url}?pledge={self.c_bram.id}")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn(self.c_bram.reference, page.text)
        self.assertNotIn('o_pn_pledge"', page.text)
        self.assertEqual(self.get(f"{self.url}?pledge={2**63}").status_code, 200)

    def test_core_group_sees_the_total_never_who_gave(self):
        self.login(self.core_user)
        page = self.get(f"/my/networks/{self.network_a.id}")
        self.assertIn("o_pn_contribution_total", page.text)
        self.assertIn("40,00", page.text.replace("40.00", "40,00"))
        self.assertNotIn(SECRET_NAME, page.text)
        self.assertNotIn(self.c_bram.reference, page.text)
        self.assertNoPrivateData(page)
        # plain members do not see the total
        self.login(self.member_user)
        page = self.get(f"/my/networks/{self.network_a.id}")
        self.assertNotIn("o_pn_contribution_total", page.text)

    @mute_logger("odoo.http")
    def test_csrf(self):
        self.login(self.member_user)
        self.assertEqual(
            self.post(self.url, {"amount": "10"}, csrf=False).status_code, 400
        )
        self.assertFalse(self._pledges())
