# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from datetime import timedelta
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.partijnetwerken.models.party_network_consent import (
    PartyNetworkConsent,
)

from .common import PRIVATE_DATA, SECRET_EMAIL, SECRET_NAME, PartyNetworkCase
from .portal_common import PartyNetworkPortalCommon

CONSENT = "party.network.consent"
ACCESS_LOG = "party.network.access.log"


def _rows(membership):
    return (
        membership.env[CONSENT]
        .sudo()
        .search([("membership_id", "=", membership.id)], order="id")
    )


@tagged("post_install", "-at_install")
class TestConsentRegister(PartyNetworkCase):
    """One row per consent event, written by the one consent path (DESIGN §10.6)."""

    def assertLastRow(self, membership, event, consent, channel, user):
        row = _rows(membership)[-1:]
        self.assertTrue(row, "no consent row was written")
        self.assertEqual(
            (row.event, row.consent, row.channel, row.user_id),
            (event, consent, channel, user),
        )
        return row

    def test_join_in_the_portal_with_and_without_consent(self):
        network = self.network_b.with_user(self.member_user)
        membership = network.action_join(goal_endorsed=True, consent_data_sharing=True)
        row = self.assertLastRow(membership, "join", True, "portal", self.member_user)
        texts = self.env[CONSENT]._form_texts()
        self.assertEqual(row.consent_text, f"{texts['join']}\n{texts['join_help']}")
        self.assertEqual(row.sudo().partner_id, self.member_user.partner_id)
        membership.with_user(self.member_user).action_leave()
        membership = network.action_join(goal_endorsed=True)
        self.assertLastRow(membership, "join", False, "portal", self.member_user)

    def test_portal_change_and_leaving(self):
        membership = self.m_member.with_user(self.member_user)
        membership.action_set_consent(False)
        row = self.assertLastRow(
            membership, "change", False, "portal", self.member_user
        )
        self.assertEqual(row.consent_text, self.env[CONSENT]._form_texts()["withdraw"])
        membership.action_set_consent(True)
        row = self.assertLastRow(membership, "change", True, "portal", self.member_user)
        self.assertEqual(row.consent_text, self.env[CONSENT]._form_texts()["give"])
        # giving what is already given records nothing new
        count = len(_rows(membership))
        membership.action_set_consent(True)
        self.assertEqual(len(_rows(membership)), count)
        membership.action_leave()
        row = self.assertLastRow(membership, "leave", False, "portal", self.member_user)
        self.assertEqual(row.consent_text, self.env[CONSENT]._form_texts()["leave"])

    def test_office_change(self):
        # Fails when the office's change through the back-office form writes no
        # consent row.
        self.m_anna.with_user(self.office_user).write({"consent_data_sharing": False})
        self.assertLastRow(self.m_anna, "change", False, "office", self.office_user)
        self.m_anna.with_user(self.office_user).action_set_consent(True)
        self.assertLastRow(self.m_anna, "change", True, "office", self.office_user)

    def test_leaving_the_party(self):
        self.anna.with_user(self.office_user).is_party_member = False
        self.assertLastRow(self.m_anna, "leave", False, "office", self.office_user)

    def test_merge(self):
        self.network_b.with_user(self.board_user)._merge_into(self.network_a)
        self.assertLastRow(self.m_daan, "leave", False, "merge", self.board_user)
        moved = self.env["party.network.membership"].search(
            [("network_id", "=", self.network_a.id), ("partner_id", "=", self.daan.id)]
        )
        row = self.assertLastRow(moved, "join", True, "merge", self.board_user)
        # the consent carried over is the one the member gave, not a new form
        self.assertEqual(row.consent_text, self.env[CONSENT]._form_texts()["give"])

    def test_text_is_the_one_on_the_form(self):
        texts = dict(
            self.env[CONSENT]._form_texts(), give="Nieuwe tekst van het formulier"
        )
        with patch.object(PartyNetworkConsent, "_form_texts", return_value=texts):
            self.m_bram.with_user(self.office_user).action_set_consent(True)
        self.assertEqual(
            _rows(self.m_bram)[-1].consent_text, "Nieuwe tekst van het formulier"
        )

    def test_text_in_the_members_language(self):
        self._load_dutch()
        self.bram.lang = "nl_NL"
        self.m_bram.with_user(self.office_user).action_set_consent(True)
        dutch = self.env[CONSENT].with_context(lang="nl_NL")._form_texts()["give"]
        self.assertNotEqual(dutch, self.env[CONSENT]._form_texts()["give"])
        self.assertEqual(_rows(self.m_bram)[-1].consent_text, dutch)

    def test_nobody_changes_or_deletes_a_row(self):
        row = _rows(self.m_anna)[:1]
        admin = self.env.ref("base.user_admin")
        for user in (
            self.member_user,
            self.core_user,
            self.core_internal_user,
            self.office_user,
            self.board_user,
            self.manager_user,
            admin,
        ):
            for attempt in (
                lambda r: r.write({"consent": False}),
                lambda r: r.unlink(),
                lambda r: r.create({"membership_id": self.m_anna.id}),
            ):
                with self.subTest(user=user.login), self.assertRaises(UserError):
                    attempt(row.with_user(user))
        # not even the superuser, outside the two maintenance paths
        with self.assertRaises(UserError):
            row.sudo().write({"consent": False})
        with self.assertRaises(UserError):
            row.sudo().unlink()
        self.assertTrue(row.exists())
        self.assertTrue(row.consent)

    def test_who_reads_the_register(self):
        Consent = self.env[CONSENT]
        own = Consent.with_user(self.member_user).search([])
        self.assertEqual(own.membership_id, self.m_member)
        # a core member reads no one else's consent history
        self.assertEqual(
            Consent.with_user(self.core_user).search([]).membership_id,
            self.env["party.network.membership"],
        )
        with self.assertRaises(AccessError):
            _rows(self.m_anna).with_user(self.core_user).read(["consent"])
        self.assertGreater(Consent.with_user(self.office_user).search_count([]), 5)
        self.assertGreater(Consent.with_user(self.board_user).search_count([]), 5)
        with self.assertRaises(AccessError):
            own.with_user(self.member_user).read(["partner_id"])


@tagged("post_install", "-at_install")
class TestAccessLog(PartyNetworkCase):
    def test_office_and_board_views_are_not_logged(self):
        Log = self.env[ACCESS_LOG]
        self.assertFalse(
            Log.with_user(self.office_user)._log(self.network_a, "list", 3)
        )
        self.assertFalse(Log.with_user(self.board_user)._log(self.network_a, "csv", 3))
        row = Log.with_user(self.core_user)._log(self.network_a, "list", 2, "anna")
        self.assertEqual(
            (row.user_id, row.kind, row.row_count, row.search_term),
            (self.core_user, "list", 2, "anna"),
        )

    def test_who_reads_the_log(self):
        self.env[ACCESS_LOG].with_user(self.core_user)._log(self.network_a, "list", 2)
        for user in (self.core_user, self.core_internal_user, self.member_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env[ACCESS_LOG].with_user(user).search([])
        for user in (self.office_user, self.board_user):
            self.assertEqual(
                self.env[ACCESS_LOG]
                .with_user(user)
                .search_count([("network_id", "=", self.network_a.id)]),
                1,
            )
        row = self.env[ACCESS_LOG].search([("network_id", "=", self.network_a.id)])
        for user in (
            self.office_user,
            self.board_user,
            self.env.ref("base.user_admin"),
        ):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                row.with_user(user).unlink()
        with self.assertRaises(UserError):
            row.sudo().write({"row_count": 0})

    def test_retention_cron_deletes_only_old_rows(self):
        Log = self.env[ACCESS_LOG].sudo()
        now = fields.Datetime.now()
        self.env["ir.config_parameter"].sudo().set_param(
            "partijnetwerken.access_log_retention_months", "6"
        )
        old = Log.create(
            {
                "network_id": self.network_a.id,
                "user_id": self.core_user.id,
                "kind": "list",
                "date": now - relativedelta(months=6, days=1),
            }
        )
        kept = Log.create(
            {
                "network_id": self.network_a.id,
                "user_id": self.core_user.id,
                "kind": "csv",
                "date": now - relativedelta(months=6) + timedelta(days=1),
            }
        )
        self.assertGreaterEqual(self.env[ACCESS_LOG]._cron_purge(), 1)
        self.assertFalse(old.exists())
        self.assertTrue(kept.exists())
        limit = now - relativedelta(months=6)
        self.assertFalse(Log.search([("date", "<", limit)]))


@tagged("post_install", "-at_install")
class TestForgetMember(PartyNetworkCase):
    def _forget(self, partner, user=None, confirmation=None):
        wizard = (
            self.env["party.network.forget"]
            .with_user(user or self.office_user)
            .create(
                {
                    "partner_id": partner.id,
                    "confirmation": partner.name
                    if confirmation is None
                    else confirmation,
                }
            )
        )
        return wizard.action_forget()

    def test_only_the_office_with_the_name_typed(self):
        for user in (self.board_user, self.core_internal_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._forget(self.bram, user=user)
        with self.assertRaises(UserError):
            self._forget(self.bram, confirmation="ja")
        self.assertEqual(self.m_bram.partner_id, self.bram)

    def test_forget_keeps_the_figures_and_no_trace_of_the_name(self):
        Membership = self.env["party.network.membership"]
        # a private mail to Bram waiting in the queue, as the core group's
        # "message all members" leaves it
        self.env.company.email = "partijbureau@example.nl"
        self.env["party.network.message"].with_user(self.core_user)._send(
            self.network_a, "Uitnodiging", "Kom naar de bijeenkomst."
        )
        self.assertTrue(
            self.env["mail.mail"]
            .sudo()
            .search([("recipient_ids", "in", self.bram.ids)])
        )
        # and a seat in the core group
        self.core_a.sudo().partner_id = self.bram
        # and a pledged contribution
        self.network_a.contribution_enabled = True
        contribution = self.env["party.network.contribution"].create(
            {"network_id": self.network_a.id, "partner_id": self.bram.id, "amount": 5}
        )
        before = Membership.search_count([("network_id", "=", self.network_a.id)])
        joined = self.m_bram.date_joined
        self._forget(self.bram)
        placeholder = self.env.ref("partijnetwerken.partner_forgotten_member")
        self.assertEqual(
            Membership.search_count([("network_id", "=", self.network_a.id)]), before
        )
        self.assertEqual(self.m_bram.partner_id, placeholder)
        self.assertEqual((self.m_bram.state, self.m_bram.date_joined), ("left", joined))
        self.assertEqual(self.core_a.state, "ended")
        self.assertEqual(self.core_a.partner_id, placeholder)
        self.assertFalse(self.bram.is_party_member)
        self.assertEqual(contribution.partner_id, placeholder)
        self.assertEqual(contribution.amount, 5)
        self.assertFalse(
            self.env[CONSENT].sudo().search([("partner_id", "=", self.bram.id)])
        )
        texts = repr(
            [
                Membership.search_read([], ["display_name", "shared_name"]),
                self.env[CONSENT].sudo().search_read([], []),
                self.env[ACCESS_LOG].sudo().search_read([], []),
                self.env["mail.mail"]
                .sudo()
                .search_read([], ["subject", "body_html", "email_to", "recipient_ids"]),
                self.env["mail.message"]
                .sudo()
                .search_read(
                    [("model", "like", "party.network")], ["record_name", "body"]
                ),
            ]
        )
        self.assertNotIn(SECRET_NAME, texts)
        self.assertNotIn(SECRET_EMAIL, texts)
        self.assertFalse(
            self.env["mail.mail"]
            .sudo()
            .search([("recipient_ids", "in", self.bram.ids)])
        )
        note = self.network_a.message_ids[:1]
        self.assertIn("GDPR art. 17", str(note.body))
        self.assertNotIn(SECRET_NAME, str(note.body))


@tagged("post_install", "-at_install")
class TestPrivacyPage(PartyNetworkPortalCommon, HttpCase):
    def test_member_list_views_are_logged(self):
        self.login(self.core_user)
        self.assertEqual(
            self.get(f"/my/networks/{self.network_a.id}/members").status_code, 200
        )
        self.assertEqual(
            self.get(
                f"/my/networks/{self.network_a.id}/members?search=anna"
            ).status_code,
            200,
        )
        self.assertEqual(
            self.get(f"/my/networks/{self.network_a.id}/members.csv").status_code, 200
        )
        event_url = f"/my/networks/{self.network_a.id}/events/{self.event_a.id}"
        self.assertEqual(self.get(f"{event_url}/registrations").status_code, 200)
        rows = self.env[ACCESS_LOG].search(
            [("network_id", "=", self.network_a.id)], order="id"
        )
        self.assertEqual(
            [(r.user_id, r.kind, r.row_count, r.search_term) for r in rows],
            [
                (self.core_user, "list", 2, False),
                (self.core_user, "list", 1, "anna"),
                (self.core_user, "csv", 2, False),
                (self.core_user, "registrations", 0, False),
            ],
        )

    def test_privacy_page_and_download(self):
        self.env[ACCESS_LOG].with_user(self.core_user)._log(self.network_a, "list", 2)
        # the member's own working group and contribution, and others' of both
        self.env["party.network.working.group"].create(
            {
                "network_id": self.network_a.id,
                "name": "Werkgroep Wijkzorg",
                "description": "Zorg in de wijk.",
                "membership_ids": [Command.set((self.m_member | self.m_anna).ids)],
            }
        )
        self.network_a.contribution_enabled = True
        Contribution = self.env["party.network.contribution"]
        Contribution.create(
            {
                "network_id": self.network_a.id,
                "partner_id": self.member_user.partner_id.id,
                "amount": 12.5,
                "event_id": self.event_a.id,
            }
        )
        Contribution.create(
            {"network_id": self.network_a.id, "partner_id": self.bram.id, "amount": 99}
        )
        self.login(self.member_user)
        response = self.get("/my/networks/privacy")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers.get("Cache-Control"), "no-store")
        self.assertIn(self.network_a.name, response.text)
        # who can see the member's data today: the core group with data access
        self.assertIn(self.core_user.partner_id.name, response.text)
        self.assertIn("o_pn_privacy_withdraw", response.text)
        self.assertRegex(response.text, r"(?s)o_pn_privacy_opened.*?<strong>1</strong>")
        for secret in PRIVATE_DATA:
            self.assertNotIn(secret, response.text)

        response = self.get("/my/networks/privacy/download")
        self.assertEqual(response.status_code, 200)
        data = json.loads(response.content)
        self.assertEqual(data["member"]["name"], self.member_user.partner_id.name)
        self.assertEqual(
            [m["network"] for m in data["memberships"]], [self.network_a.name]
        )
        self.assertTrue(data["consent_history"])
        self.assertEqual(
            data["working_groups"],
            [{"network": self.network_a.name, "working_group": "Werkgroep Wijkzorg"}],
        )
        self.assertEqual(
            [(c["amount"], c["activity"]) for c in data["contributions"]],
            [(12.5, self.event_a.name)],
        )
        for secret in (*PRIVATE_DATA, "Anna Aandeel", self.core_user.partner_id.name):
            self.assertNotIn(secret, response.text)

    def test_withdraw_from_the_privacy_page(self):
        self.login(self.member_user)
        response = self.post(
            f"/my/networks/{self.network_a.id}/consent", {"return_to": "privacy"}
        )
        self.assertRedirect(response, "/my/networks/privacy?notice=consent_withdrawn")
        self.assertFalse(self.m_member.consent_data_sharing)
        response = self.get("/my/networks/privacy")
        self.assertIn("o_pn_privacy_no_viewers", response.text)
        self.assertNotIn(self.core_user.partner_id.name, response.text)

    def test_consent_text_on_the_form_is_the_registered_one(self):
        self.login(self.member_user)
        texts = self.env[CONSENT]._form_texts()
        page = self.get(f"/my/networks/{self.network_b.id}").text
        self.assertIn(texts["join"], page)
        self.assertIn(texts["join_help"], page)
        response = self.post(
            f"/my/networks/{self.network_b.id}/join",
            {"goal_endorsed": "on", "consent_data_sharing": "on"},
        )
        self.assertRedirect(response, "notice=joined")
        membership = self.active_memberships(
            self.network_b, self.member_user.partner_id
        )
        self.assertEqual(
            _rows(membership)[-1].consent_text, f"{texts['join']}\n{texts['join_help']}"
        )

    def test_anonymous_and_outsider(self):
        self.login(None)
        with mute_logger("odoo.http"):
            self.assertLoginRedirect(self.get("/my/networks/privacy"))
            self.assertLoginRedirect(self.get("/my/networks/privacy/download"))
        self.login(self.outsider_user)
        data = json.loads(self.get("/my/networks/privacy/download").content)
        self.assertEqual(data["memberships"], [])
        self.assertEqual(data["consent_history"], [])
