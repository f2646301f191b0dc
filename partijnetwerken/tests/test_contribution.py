# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta
from decimal import Decimal

import psycopg2

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PRIVATE_DATA, SECRET_NAME, PartyNetworkCase

CONTRIBUTION = "party.network.contribution"


@tagged("post_install", "-at_install")
class TestContribution(PartyNetworkCase):
    """Voluntary contributions (DESIGN §10.3): pledges, amounts, totals, the
    office's buttons, and who may see who gave."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.network_a | cls.network_b).write(
            {"contribution_enabled": True, "contribution_suggested_amount": 10}
        )
        now = fields.Datetime.now()
        cls.event_a = cls.env["event.event"].create(
            {
                "name": "Expertsessie",
                "network_id": cls.network_a.id,
                "date_begin": now + timedelta(days=3),
                "date_end": now + timedelta(days=3, hours=2),
            }
        )
        cls.event_b = cls.env["event.event"].create(
            {
                "name": "Bijeenkomst B",
                "network_id": cls.network_b.id,
                "date_begin": now + timedelta(days=3),
                "date_end": now + timedelta(days=3, hours=2),
            }
        )
        Contribution = cls.env[CONTRIBUTION]
        # Bram (who shares nothing) gave to A: nobody but the office may know
        cls.c_bram = Contribution.create(
            {"network_id": cls.network_a.id, "partner_id": cls.bram.id, "amount": 40}
        )
        cls.c_anna = Contribution.create(
            {
                "network_id": cls.network_a.id,
                "partner_id": cls.anna.id,
                "amount": 12.5,
                "event_id": cls.event_a.id,
            }
        )
        cls.c_daan = Contribution.create(
            {"network_id": cls.network_b.id, "partner_id": cls.daan.id, "amount": 7}
        )
        (cls.c_bram | cls.c_anna | cls.c_daan).action_mark_paid()

    def _pledge(self, user, amount, network=None, event_id=None):
        return (
            self.env[CONTRIBUTION]
            .with_user(user)
            ._portal_create_pledge(network or self.network_a, amount, event_id)
        )

    # -- amounts --------------------------------------------------------------

    def test_amounts_as_members_type_them(self):
        parse = self.env[CONTRIBUTION]._parse_amount
        for text, amount in (
            ("10", "10.00"),
            ("12,50", "12.50"),
            ("12.5", "12.50"),
            (" 0,01 ", "0.01"),
            ("€ 25", "25.00"),
            ("10000", "10000.00"),
            ("10000,00", "10000.00"),
        ):
            with self.subTest(text=text):
                self.assertEqual(parse(text), Decimal(amount))

    def test_bad_amounts_are_refused(self):
        parse = self.env[CONTRIBUTION]._parse_amount
        for text in (
            "",
            "   ",
            None,
            12,
            "0",
            "0,00",
            "-5",
            "-0,50",
            "10000,01",
            "1000000",
            str(2**63),
            "1.000,50",
            "1,000.50",
            "1,005",
            "12,345",
            "abc",
            "1e3",
            "12,5,0",
            "NaN",
            "Infinity",
            "<script>alert(1)</script>",
        ):
            with self.subTest(text=text), self.assertRaises(ValidationError):
                parse(text)

    def test_amount_must_be_positive_in_the_database_too(self):
        with self.assertRaises(ValidationError):
            self.c_anna.with_user(self.office_user).amount = -1
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.CheckViolation),
            self.env.cr.savepoint(),
        ):
            self.env[CONTRIBUTION].create(
                {
                    "network_id": self.network_a.id,
                    "partner_id": self.anna.id,
                    "amount": 0,
                }
            )
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.CheckViolation),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                "UPDATE party_network_contribution SET amount = -1 WHERE id = %s",
                (self.c_anna.id,),
            )

    # -- pledges ----------------------------------------------------------------

    def test_member_pledges(self):
        pledge = self._pledge(self.member_user, "12,50", event_id=str(self.event_a.id))
        self.assertEqual(pledge.state, "pledged")
        self.assertEqual(pledge.amount, 12.5)
        self.assertEqual(pledge.currency_id, self.env.company.currency_id)
        self.assertEqual(pledge.event_id, self.event_a)
        self.assertEqual(pledge.sudo().partner_id, self.member_user.partner_id)
        self.assertTrue(pledge.reference)
        self.assertTrue(pledge.is_own)
        # the form sent twice records one pledge
        again = self._pledge(self.member_user, "12.5", event_id=self.event_a.id)
        self.assertEqual(again, pledge)
        other = self._pledge(self.member_user, "5")
        self.assertNotEqual(other.reference, pledge.reference)

    def test_pledge_refused_and_nothing_recorded(self):
        before = self.env[CONTRIBUTION].search_count([])
        cases = [
            (self.outsider_user, "10", self.network_a, None),
            (self.core_user, "10", self.network_a, None),  # core, not a member
            (self.member_user, "10", self.network_a, self.event_b.id),
            (self.member_user, "10", self.network_a, "abc"),
            (self.member_user, "10", self.network_a, str(2**63)),
            (self.member_user, "10", self.network_a, -1),
            (self.member_user, "1.000,50", self.network_a, None),
        ]
        for user, amount, network, event_id in cases:
            with self.subTest(user=user.login, amount=amount, event=event_id):
                with self.assertRaises(UserError):
                    self._pledge(user, amount, network, event_id)
        self.network_a.contribution_enabled = False
        with self.assertRaises(UserError):
            self._pledge(self.member_user, "10")
        # another network, where the member is no member
        with self.assertRaises(UserError):
            self._pledge(self.member_user, "10", self.network_b)
        self.assertEqual(self.env[CONTRIBUTION].search_count([]), before)

    def test_event_must_belong_to_the_network(self):
        with self.assertRaises(ValidationError):
            self.env[CONTRIBUTION].create(
                {
                    "network_id": self.network_a.id,
                    "partner_id": self.anna.id,
                    "amount": 5,
                    "event_id": self.event_b.id,
                }
            )

    def test_never_a_condition_for_joining(self):
        self.network_a.contribution_enabled = True
        membership = self.env["party.network.membership"].with_user(self.outsider_user)
        self.outsider_user.partner_id.is_party_member = True
        joined = membership._join(self.network_a, goal_endorsed=True)
        self.assertEqual(joined.state, "active")

    # -- totals ---------------------------------------------------------------

    def test_total_counts_paid_contributions_only(self):
        self._pledge(self.member_user, "99")
        networks = self.network_a | self.network_b
        networks.invalidate_recordset(["contribution_total"])
        with self.assertQueryCount(1):
            totals = networks.mapped("contribution_total")
        self.assertEqual(totals, [52.5, 7.0])
        # the core group reads the total, never a contribution
        self.network_a.invalidate_recordset(["contribution_total"])
        self.assertEqual(
            self.network_a.with_user(self.core_user).contribution_total, 52.5
        )

    # -- the office's buttons ---------------------------------------------------

    def test_office_marks_paid_or_cancels(self):
        pledge = self._pledge(self.member_user, "5").sudo(False)
        pledge = pledge.with_user(self.office_user)
        pledge.action_mark_paid()
        self.assertEqual(pledge.state, "paid")
        self.assertEqual(pledge.date_paid, fields.Date.context_today(pledge))
        with self.assertRaises(UserError):
            pledge.action_cancel()
        pledge.action_reset_to_pledged()
        pledge.action_cancel()
        self.assertEqual(pledge.state, "cancelled")
        with self.assertRaises(UserError):
            pledge.action_mark_paid()

    def test_only_the_office_changes_the_state(self):
        pledge = self._pledge(self.member_user, "5")
        for user in (self.member_user, self.core_user, self.board_user):
            for action in (
                "action_mark_paid",
                "action_cancel",
                "action_reset_to_pledged",
            ):
                with self.subTest(user=user.login, action=action):
                    with self.assertRaises(AccessError):
                        getattr(pledge.with_user(user), action)()
        self.assertEqual(pledge.state, "pledged")

    def test_payment_bridge_marks_paid_as_superuser(self):
        pledge = self._pledge(self.member_user, "5")
        pledge.sudo().action_mark_paid()
        self.assertEqual(pledge.state, "paid")

    # -- access ---------------------------------------------------------------

    def test_rule_member_reads_own_contributions_only(self):
        pledge = self._pledge(self.member_user, "5")
        Contribution = self.env[CONTRIBUTION].with_user(self.member_user)
        self.assertEqual(Contribution.search([]), pledge)
        with self.assertRaises(AccessError):
            self.c_anna.with_user(self.member_user).read(["amount"])

    def test_rule_core_group_reads_no_contribution(self):
        for user in (self.core_user, self.core_internal_user, self.core_b_user):
            with self.subTest(user=user.login):
                Contribution = self.env[CONTRIBUTION].with_user(user)
                self.assertFalse(Contribution.search([]))
                self.assertFalse(Contribution.search_count([]))
                with self.assertRaises(AccessError):
                    self.c_bram.with_user(user).read(["amount"])

    def test_rule_office_and_board_read_all(self):
        for user in (self.office_user, self.board_user):
            with self.subTest(user=user.login):
                contributions = (
                    self.env[CONTRIBUTION]
                    .with_user(user)
                    .search(
                        [("network_id", "in", (self.network_a | self.network_b).ids)]
                    )
                )
                self.assertEqual(contributions, self.c_bram | self.c_anna | self.c_daan)
                self.assertIn(SECRET_NAME, self.c_bram.with_user(user).display_name)

    def test_access_rights(self):
        values = {
            "network_id": self.network_a.id,
            "partner_id": self.anna.id,
            "amount": 5,
        }
        for user in (
            self.member_user,
            self.core_user,
            self.core_internal_user,
            self.board_user,
        ):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env[CONTRIBUTION].with_user(user).create(values)
        own = self._pledge(self.member_user, "5")
        with self.assertRaises(AccessError):
            own.with_user(self.member_user).write({"amount": 1})
        with self.assertRaises(AccessError):
            own.with_user(self.member_user).unlink()
        self.env[CONTRIBUTION].with_user(self.office_user).create(values)

    def test_who_gave_never_reaches_the_core_group(self):
        Contribution = self.env[CONTRIBUTION].with_user(self.core_internal_user)
        with self.assertRaises(AccessError):
            Contribution.read_group([], ["amount:sum"], ["partner_id"])
        with self.assertRaises(AccessError):
            Contribution.search([("partner_id.name", "ilike", "Geheim")])
        with self.assertRaises(AccessError):
            self.c_bram.with_user(self.core_internal_user).export_data(
                ["partner_id/name"]
            )
        self.assertFalse(Contribution.name_search(""))
        self.assertFalse(Contribution.search_read([], ["display_name", "amount"]))
        with self.assertRaises(AccessError):
            self.c_bram.with_user(self.core_internal_user).read(["display_name"])

    def test_own_display_name_and_export_without_partner(self):
        pledge = self._pledge(self.member_user, "5").with_user(self.member_user)
        self.assertNotIn(self.member_user.partner_id.name, pledge.display_name)
        self.assertIn(pledge.reference, pledge.display_name)
        # an internal member with the export right exports their own pledge,
        # never its partner
        user = self.core_internal_user
        user.groups_id |= self.env.ref("base.group_allow_export")
        self._join(self.network_a, user.partner_id, consent=False)
        own = self._pledge(user, "5").with_user(user)
        with self.assertRaises(AccessError):
            own.export_data(["partner_id/name"])
        rows = own.export_data(["reference", "amount", "display_name"])["datas"]
        self.assertEqual(len(rows), 1)
        self.assertNotIn(user.partner_id.name, repr(rows))
        for secret in PRIVATE_DATA:
            self.assertNotIn(secret, repr(rows))

    def test_settings_hold_the_instructions(self):
        text = "Maak over naar NL91 ABNA 0417 1643 00.\nVermeld je kenmerk."
        settings = self.env["res.config.settings"].create(
            {"partijnetwerken_contribution_instructions": text}
        )
        settings.execute()
        self.assertEqual(self.env[CONTRIBUTION]._contribution_instructions(), text)

    def test_chatter_is_the_party_office_s(self):
        self.c_bram.message_post(body="Betaald door Bram", message_type="comment")
        own = self._pledge(self.member_user, "5").with_env(self.env)
        own.message_post(body="Notitie van het bureau", message_type="comment")
        Message = self.env["mail.message"]
        domain = [("model", "=", CONTRIBUTION)]
        for user in (self.core_internal_user, self.core_user, self.member_user):
            with self.subTest(user=user.login):
                self.assertFalse(Message.with_user(user).search(domain))
                with self.assertRaises(AccessError):
                    own.message_ids[:1].with_user(user).read(["body"])
        self.assertTrue(Message.with_user(self.board_user).search(domain))

    def test_back_office_views(self):
        kinds = [(False, kind) for kind in ("list", "form", "pivot", "graph", "search")]
        for user in (self.office_user, self.board_user):
            with self.subTest(user=user.login):
                views = self.env[CONTRIBUTION].with_user(user).get_views(kinds)
                self.assertIn("partner_id", views["models"][CONTRIBUTION]["fields"])
                form = (
                    self.env["party.network"]
                    .with_user(user)
                    .get_views([(False, "form")])
                )
                self.assertIn(
                    "action_view_contributions", form["views"]["form"]["arch"]
                )
                groups = self.env["party.network.working.group"].with_user(user)
                groups.get_views([(False, "list"), (False, "form"), (False, "search")])
        form = (
            self.env["party.network"]
            .with_user(self.core_internal_user)
            .get_views([(False, "form")])
        )
        self.assertNotIn("action_view_contributions", form["views"]["form"]["arch"])
        self.assertIn("action_view_working_groups", form["views"]["form"]["arch"])
        action = self.network_a.with_user(self.office_user).action_view_contributions()
        self.assertEqual(action["domain"], [("network_id", "=", self.network_a.id)])
        records = self.env[CONTRIBUTION].with_user(self.office_user)
        grouped = records.read_group(
            [("network_id", "in", (self.network_a | self.network_b).ids)],
            ["amount:sum"],
            ["network_id", "event_id"],
            lazy=False,
        )
        self.assertEqual(sum(row["amount"] for row in grouped), 59.5)

    def test_server_action_marks_selected_pledges_paid(self):
        pledges = self._pledge(self.member_user, "5") | self._pledge(
            self.member_user, "6"
        )
        action = self.env.ref(
            "partijnetwerken.party_network_contribution_action_mark_paid"
        )
        action.with_user(self.office_user).with_context(
            active_model=CONTRIBUTION, active_ids=pledges.ids
        ).run()
        self.assertEqual(set(pledges.mapped("state")), {"paid"})
