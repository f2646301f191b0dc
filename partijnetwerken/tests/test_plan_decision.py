# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PartyNetworkLifecycleCase


@tagged("post_install", "-at_install")
class TestPlanDecision(PartyNetworkLifecycleCase):
    """The board's decisions: the minimum core group, reasons, who and when."""

    def _decide(self, plan, decision, reason):
        action = plan.with_context(decision=decision).action_open_decision_wizard()
        wizard = (
            self.env["party.network.plan.decision"]
            .with_user(self.board_user)
            .with_context(**action["context"])
            .create({"reason": reason})
        )
        self.assertEqual(wizard.decision, decision)
        return wizard.action_confirm()

    def test_minimum_core_group_from_setting(self):
        plan = self._submitted_plan(partners=self.founders[:3])
        with self.assertRaisesRegex(UserError, "at least 4"):
            plan.with_user(self.board_user).action_approve()
        self.assertEqual(plan.state, "submitted")
        self.assertFalse(plan.network_id.core_member_ids)

        self.env["ir.config_parameter"].set_param(
            "partijnetwerken.min_core_members", "5"
        )
        plan.proposed_core_partner_ids = self.founders[:4]
        with self.assertRaisesRegex(UserError, "at least 5"):
            plan.with_user(self.board_user).action_approve()

        self.env["ir.config_parameter"].set_param(
            "partijnetwerken.min_core_members", "3"
        )
        plan.proposed_core_partner_ids = self.founders[:3]
        plan.with_user(self.board_user).action_approve()
        self.assertEqual(plan.state, "approved")

    def test_minimum_defaults_to_four(self):
        self.env["ir.config_parameter"].search(
            [("key", "=", "partijnetwerken.min_core_members")]
        ).unlink()
        plan = self._submitted_plan(partners=self.founders[:3])
        with self.assertRaisesRegex(UserError, "at least 4"):
            plan.with_user(self.board_user).action_approve()

    def test_reject_needs_a_reason(self):
        plan = self._submitted_plan().with_user(self.board_user)
        for note in (False, "  \n "):
            plan.decision_note = note
            with self.subTest(note=note), self.assertRaises(UserError):
                plan.action_reject()
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(plan.network_id.state, "submitted")
        with self.assertRaises(UserError):
            self._decide(plan, "reject", " ")

    def test_revision_needs_a_reason(self):
        plan = self._submitted_plan().with_user(self.board_user)
        with self.assertRaises(UserError):
            plan.action_request_revision()
        self.assertEqual(plan.state, "submitted")

    def test_reject_records_who_when_why(self):
        plan = self._submitted_plan()
        self._flush_tracking()
        self._decide(plan, "reject", "Dit thema hoort bij het netwerk Zorg.")
        self.assertEqual(plan.state, "rejected")
        self.assertEqual(plan.network_id.state, "rejected")
        self.assertEqual(plan.decided_by_id, self.board_user)
        self.assertTrue(plan.decided_date)
        self.assertEqual(plan.decision_note, "Dit thema hoort bij het netwerk Zorg.")
        for record in (plan, plan.network_id):
            message = record.message_ids.filtered(
                lambda m: "Dit thema hoort bij het netwerk Zorg." in (m.body or "")
            )
            with self.subTest(record=record._name):
                self.assertEqual(len(message), 1)
                self.assertEqual(message.author_id, self.board_user.partner_id)
                self.assertIn("rejected by the national board", message.body)
                self.assertIn(self.board_user.name, message.body)
        self._flush_tracking()
        tracked = plan.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("decided_by_id", tracked)
        self.assertIn("decision_note", tracked)
        self.assertFalse(
            self._activities(plan, "partijnetwerken.mail_activity_type_plan_decision")
        )

    def test_revision_returns_plan_to_writers(self):
        plan = self._submitted_plan()
        network = plan.network_id
        self._decide(plan, "revision", "Betrek ook leden uit het noorden.")
        self.assertEqual(plan.state, "revision")
        self.assertEqual(network.state, "plan")
        self.assertEqual(plan.decided_by_id, self.board_user)
        self.assertEqual(
            self._activities(
                network, "partijnetwerken.mail_activity_type_founding_plan"
            ).user_id,
            self.office_user,
            "the office follows up the revision",
        )
        # the writers revise; the office submits again and the board decides anew
        plan.with_user(self.office_user).action_submit()
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(network.state, "submitted")
        self.assertFalse(plan.decision_note, "a new decision needs its own reason")
        self.assertFalse(plan.decided_by_id)
        with self.assertRaises(UserError):
            plan.with_user(self.board_user).action_reject()
        self.assertTrue(
            self._activities(plan, "partijnetwerken.mail_activity_type_plan_decision")
        )
        self.assertTrue(
            plan.message_ids.filtered(
                lambda m: "Betrek ook leden uit het noorden." in (m.body or "")
            ),
            "the earlier reason stays in the chatter",
        )

    def test_only_submitted_plans_are_decided(self):
        plan = self._submitted_plan()
        plan.with_user(self.board_user).action_approve()
        for method in ("action_approve", "action_reject", "action_request_revision"):
            plan.decision_note = "Toch niet."
            with self.subTest(method=method), self.assertRaises(UserError):
                getattr(plan.with_user(self.board_user), method)()
        self.assertEqual(plan.state, "approved")

    def test_one_submitted_plan_per_network(self):
        plan = self._submitted_plan()
        second = plan.copy({"network_id": plan.network_id.id, "state": "draft"})
        plan.network_id.state = "plan"
        with self.assertRaises(UserError):
            second.with_user(self.office_user).action_submit()
