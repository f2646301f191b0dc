# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import Command
from odoo.tests import HttpCase, tagged

from .advice_common import (
    DRAFT_A,
    DRAFT_B,
    DRAFT_FRACTIE_A,
    REQUEST_A,
    SENT_A,
    SENT_B,
    PartyNetworkAdviceCommon,
)
from .portal_common import PartyNetworkPortalCommon

_logger = logging.getLogger(__name__)

# Queries of one warm request of the advice list, as a core-group member of
# network A; the same with few and with many advices.
# (the user's networks and seats of today are read once per request)
ADVICE_LIST_QUERY_COUNT = 17


class AdvicePortalCase(PartyNetworkAdviceCommon, PartyNetworkPortalCommon, HttpCase):
    def url_a(self, tail=""):
        return f"/my/networks/{self.network_a.id}/advice{tail}"

    def advice_of_a(self):
        return self.env["party.network.advice"].search(
            [("network_id", "=", self.network_a.id)]
        )

    def form(self, **values):
        data = {
            "name": "Mantelzorg verdient meer",
            "content": "Eerste alinea.\n\nTweede alinea met <3 en a < b.",
            "form": "formal",
            "body_ids": [self.body_board.id, self.body_fractie.id],
        }
        data.update(values)
        return data


@tagged("post_install", "-at_install")
class TestAdvicePortalPages(AdvicePortalCase):
    def test_member_reads_only_sent_advice(self):
        self.login(self.member_user)
        response = self.get(self.url_a())
        self.assertEqual(response.status_code, 200)
        self.assertIn(SENT_A, response.text)
        for hidden in (REQUEST_A, DRAFT_A, DRAFT_FRACTIE_A, DRAFT_B, SENT_B):
            self.assertNotIn(hidden, response.text)
        self.assertEqual(self.get(self.url_a(f"/{self.sent_a.id}")).status_code, 200)
        self.assertEqual(self.get(self.url_a(f"/{self.draft_a.id}")).status_code, 404)
        self.assertEqual(self.get(self.url_a("/new")).status_code, 403)
        self.assertNoPrivateData(response)

    def test_core_group_sees_requests_with_their_date(self):
        self.login(self.core_user)
        response = self.get(self.url_a())
        self.assertEqual(response.status_code, 200)
        for title in (REQUEST_A, DRAFT_A, DRAFT_FRACTIE_A, SENT_A):
            self.assertIn(title, response.text)
        self.assertNotIn(DRAFT_B, response.text)
        self.assertIn("Wanted by", response.text)
        page = self.get(self.url_a(f"/{self.request_a.id}"))
        self.assertIn("Hoe korten we de wachtlijsten in?", page.text)
        self.assertIn("o_pn_advice_form", page.text)
        # read-only once sent
        self.assertNotIn(
            "o_pn_advice_form", self.get(self.url_a(f"/{self.sent_a.id}")).text
        )

    def test_outsiders_and_other_core_groups_see_nothing(self):
        for user in (self.outsider_user, self.core_b_user):
            with self.subTest(user=user.login):
                self.login(user)
                response = self.get(self.url_a())
                self.assertEqual(response.status_code, 200)
                for title in (REQUEST_A, DRAFT_A, SENT_A):
                    self.assertNotIn(title, response.text)
                self.assertEqual(
                    self.get(self.url_a(f"/{self.sent_a.id}")).status_code, 404
                )
        self.login(None)
        self.assertLoginRedirect(self.get(self.url_a()))

    def test_another_networks_advice_in_the_url_is_not_found(self):
        self.login(self.core_b_user)
        self.assertEqual(self.get(self.url_a(f"/{self.sent_b.id}")).status_code, 404)
        self.login(self.core_user)
        for advice_id in (self.draft_b.id, 2**31, 99999999):
            with self.subTest(advice_id=advice_id):
                self.assertEqual(self.get(self.url_a(f"/{advice_id}")).status_code, 404)
        response = self.post(self.url_a(f"/{self.draft_b.id}"), self.form())
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.draft_b.name, DRAFT_B)

    def test_network_page_counts_the_advice(self):
        self.login(self.core_user)
        page = self.get(f"/my/networks/{self.network_a.id}")
        self.assertIn("o_pn_advice_count", page.text)
        self.assertIn("o_pn_advice_new_link", page.text)
        self.assertIn("o_pn_advice_open_count", page.text)
        self.login(self.member_user)
        page = self.get(f"/my/networks/{self.network_a.id}")
        self.assertIn("o_pn_advice_count", page.text)
        self.assertNotIn("o_pn_advice_new_link", page.text)
        self.assertNotIn("o_pn_advice_open_count", page.text)


@tagged("post_install", "-at_install")
class TestAdvicePortalForms(AdvicePortalCase):
    def test_core_group_writes_a_draft_as_safe_html(self):
        self.login(self.core_user)
        self.assertEqual(self.get(self.url_a("/new")).status_code, 200)
        before = self.advice_of_a()
        response = self.post(self.url_a("/new"), self.form())
        new = self.advice_of_a() - before
        self.assertRedirect(response, f"/advice/{new.id}?notice=advice_saved")
        self.assertEqual(new.state, "draft")
        self.assertEqual(new.advice_type, "unsolicited")
        self.assertEqual(new.body_ids, self.body_board | self.body_fractie)
        self.assertIn("<p>Eerste alinea.</p>", new.content)
        self.assertIn("&lt;3 en a &lt; b", new.content)
        # no subscription of the portal writer
        self.assertNotIn(self.core_user.partner_id, new.message_partner_ids)

    def test_send_at_once(self):
        self.login(self.core_user)
        before = self.advice_of_a()
        response = self.post(self.url_a("/new"), self.form(send="1"))
        new = self.advice_of_a() - before
        self.assertRedirect(response, "notice=advice_sent")
        self.assertEqual(new.state, "sent")
        self.assertTrue(
            self.env["mail.mail"].search(
                [("recipient_ids", "in", self.body_user.partner_id.ids)]
            )
        )

    def test_core_group_edits_and_sends_a_request(self):
        self.login(self.core_user)
        url = self.url_a(f"/{self.request_a.id}")
        response = self.post(url, self.form(name=REQUEST_A, send="1"))
        self.assertRedirect(response, "notice=advice_sent")
        self.assertEqual(self.request_a.state, "sent")
        # read-only once sent: a new POST changes nothing
        response = self.post(url, self.form(name="Achteraf gewijzigd"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("can no longer be changed", response.text)
        self.assertEqual(self.request_a.name, REQUEST_A)

    def test_bad_input_gets_a_message_and_writes_nothing(self):
        self.login(self.core_user)
        before = self.advice_of_a()
        cases = {
            "title of 5000": self.form(name="T" * 5000),
            "script in content": self.form(content="<script>alert(1)</script>"),
            "markup in title": self.form(name='<img src=x onerror="alert(1)">'),
            "no title": self.form(name="   "),
            "no content": self.form(content=""),
            "unknown body": self.form(body_ids=[999999]),
            "archived body": self.form(body_ids=[self.body_archived.id]),
            "a network id as body": self.form(body_ids=["abc"]),
            "huge id": self.form(body_ids=[str(2**63)]),
            "wrong form": self.form(form="secret"),
            "send without body": self.form(body_ids=[], send="1"),
        }
        for label, data in cases.items():
            with self.subTest(case=label):
                response = self.post(self.url_a("/new"), data)
                self.assertEqual(response.status_code, 200)
                self.assertIn("o_pn_error", response.text)
                self.assertNotIn("<script>alert(1)</script>", response.text)
                self.assertNotIn('<img src=x onerror="alert(1)">', response.text)
                self.assertEqual(self.advice_of_a(), before)
        # and the same on an existing draft: nothing half-written
        url = self.url_a(f"/{self.draft_a.id}")
        response = self.post(url, self.form(body_ids=[999999], send="1"))
        self.assertIn("o_pn_error", response.text)
        self.assertEqual(self.draft_a.name, DRAFT_A)
        self.assertEqual(self.draft_a.state, "draft")

    def test_csrf_is_required(self):
        self.login(self.core_user)
        before = self.advice_of_a()
        for url in (self.url_a("/new"), self.url_a(f"/{self.draft_a.id}")):
            with self.subTest(url=url):
                response = self.post(url, self.form(), csrf=False)
                self.assertEqual(response.status_code, 400)
        self.assertEqual(self.advice_of_a(), before)
        self.assertEqual(self.draft_a.name, DRAFT_A)

    def test_members_and_others_cannot_post(self):
        for user in (self.member_user, self.core_b_user, self.outsider_user):
            with self.subTest(user=user.login):
                self.login(user)
                self.assertEqual(
                    self.post(self.url_a("/new"), self.form()).status_code, 403
                )
        self.login(self.member_user)
        response = self.post(self.url_a(f"/{self.sent_a.id}"), self.form())
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.sent_a.name, SENT_A)


@tagged("post_install", "-at_install", "is_query_count")
class TestAdvicePortalQueryCount(AdvicePortalCase):
    def _add_advice(self, count):
        bodies = self.body_board | self.body_fractie
        self.env["party.network.advice"].create(
            [
                {
                    "network_id": self.network_a.id,
                    "name": f"Advies {i:03d}",
                    "content": "<p>Tekst</p>",
                    "state": "sent" if i % 2 else "draft",
                    "date_sent": self.today,
                    "body_ids": [Command.set(bodies.ids)],
                }
                for i in range(count)
            ]
        )

    def _measure(self):
        url = self.url_a()
        self.assertEqual(self.url_open(url).status_code, 200)
        self.env.flush_all()
        before = self.cr.sql_log_count
        self.assertEqual(self.url_open(url).status_code, 200)
        return self.cr.sql_log_count - before

    def test_advice_list_query_count_does_not_grow(self):
        self.authenticate(self.core_user.login, self.core_user.login)
        few = self._measure()
        self._add_advice(60)
        many = self._measure()
        self.assertEqual(few, many)
        _logger.info("Advice list query count (few and many advices): %s", many)
        with self.assertQueryCount(ADVICE_LIST_QUERY_COUNT):
            self.url_open(self.url_a())
