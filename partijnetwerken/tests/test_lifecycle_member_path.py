# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PartyNetworkLifecycleCase


@tagged("post_install", "-at_install")
class TestLifecycleMemberPath(PartyNetworkLifecycleCase):
    """A group of members applies, has the intake, writes a plan, gets approved."""

    def _tracked_states(self, record):
        return [
            (value.old_value_char, value.new_value_char)
            for value in record.sudo().message_ids.tracking_value_ids
            if value.field_id.name == "state"
        ]

    def test_member_initiated_path(self):
        network = self.application.with_user(self.office_user)
        self.assertEqual(network.state, "application")
        self.assertEqual(network.origin, "members")
        self.assertEqual(network.initiator_partner_ids, self.founders[:2])
        intake = self._activities(network, "partijnetwerken.mail_activity_type_intake")
        self.assertEqual(intake.user_id, self.office_user, "the coordinator's activity")
        self.assertEqual(intake.date_deadline, self.today + relativedelta(days=14))
        self._flush_tracking()

        network.action_start_intake()
        self._flush_tracking()
        self.assertEqual(network.state, "intake")
        self.assertEqual(network.intake_user_id, self.office_user)
        self.assertEqual(len(self._mails_to(self.founders[0])), 1, "intake invitation")

        network.write(
            {
                "intake_date": self.today,
                "intake_breadth": "Leden uit vijf provincies, jong en oud.",
                "intake_added_value": "Geen ander netwerk werkt aan energie.",
            }
        )
        network.action_invite_plan()
        self.assertEqual(network.state, "plan")
        self.assertFalse(
            self._activities(network, "partijnetwerken.mail_activity_type_intake"),
            "the intake is done",
        )
        self.assertEqual(
            self._activities(
                network, "partijnetwerken.mail_activity_type_founding_plan"
            ).user_id,
            self.office_user,
        )
        plan = network.plan_ids
        self.assertEqual(len(plan), 1, "a draft plan is created")
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.goal, network.goal)
        self.assertEqual(plan.proposed_core_partner_ids, self.founders[:2])
        self.assertEqual(len(self._mails_to(self.founders[0])), 2, "plan invitation")

        plan.write(
            {
                "proposed_core_partner_ids": [Command.set(self.founders.ids)],
                "term_months": 18,
            }
        )
        self._flush_tracking()
        plan.action_submit()
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(network.state, "submitted")
        board_activities = self._activities(
            plan, "partijnetwerken.mail_activity_type_plan_decision"
        )
        self.assertIn(self.board_user, board_activities.user_id)
        self.assertIn(self.board_user_2, board_activities.user_id)
        self.assertNotIn(self.office_user, board_activities.user_id)
        self.assertFalse(
            self._activities(
                network, "partijnetwerken.mail_activity_type_founding_plan"
            )
        )
        self._flush_tracking()

        plan.with_user(self.board_user).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.decided_by_id, self.board_user)
        self.assertTrue(plan.decided_date)
        self.assertFalse(
            self._activities(plan, "partijnetwerken.mail_activity_type_plan_decision"),
            "the board's activities are done",
        )
        self.assertEqual(network.state, "active")
        self.assertEqual(network.date_start, self.today)
        self.assertEqual(network.target_date, self.today + relativedelta(months=12))
        seats = network.core_member_ids
        self.assertEqual(seats.partner_id, self.founders)
        self.assertEqual(set(seats.mapped("state")), {"appointed"})
        self.assertEqual(set(seats.mapped("date_start")), {self.today})
        self.assertEqual(
            set(seats.mapped("date_end")), {self.today + relativedelta(months=18)}
        )
        self.assertEqual(
            seats.filtered("governance_experience").partner_id,
            self.founders.filtered("governance_experience"),
            "the seat takes the member's governance experience",
        )
        access = self._activities(
            network, "partijnetwerken.mail_activity_type_core_access"
        )
        self.assertEqual(access.user_id, self.office_user)
        self.assertEqual(len(self._mails_to(self.founders[4])), 1, "decision mail")

        self._flush_tracking()
        self.assertEqual(
            self._tracked_states(network),
            [
                ("Submitted to the board", "Active"),
                ("Founding plan", "Submitted to the board"),
                ("Intake", "Founding plan"),
                ("Application", "Intake"),
            ],
        )
        self.assertEqual(
            self._tracked_states(plan),
            [("Submitted", "Approved"), ("Draft", "Submitted")],
        )
        decision = network.message_ids.filtered(
            lambda m: "approved by the national board" in (m.body or "")
        )
        self.assertEqual(decision.author_id, self.board_user.partner_id)
        self.assertIn("Fenna Friesland", decision.body)

    def test_invite_plan_needs_intake_date(self):
        network = self.application.with_user(self.office_user)
        network.action_start_intake()
        with self.assertRaises(UserError):
            network.action_invite_plan()
        self.assertEqual(network.state, "intake")
        self.assertFalse(network.plan_ids)

    def test_no_skipping_stages(self):
        network = self.application.with_user(self.office_user)
        with self.assertRaises(UserError):
            network.action_invite_plan()
        plan = self.env["party.network.plan"].create({"network_id": network.id})
        with self.assertRaises(UserError):
            plan.with_user(self.office_user).action_submit()
        network.action_start_intake()
        with self.assertRaises(UserError):
            network.action_start_intake()
        self.assertEqual(network.state, "intake")

    def test_approve_appoints_proposed_seat_entered_by_office(self):
        network = self.application
        network.write({"state": "plan", "intake_date": self.today})
        proposed = self.env["party.network.core.member"].create(
            {
                "network_id": network.id,
                "partner_id": self.founders[0].id,
                "role": "chair",
            }
        )
        plan = self.env["party.network.plan"].create(
            {
                "network_id": network.id,
                "proposed_core_partner_ids": [Command.set(self.founders[:4].ids)],
            }
        )
        plan.with_user(self.office_user).action_submit()
        plan.with_user(self.board_user).action_approve()
        self.assertEqual(proposed.state, "appointed")
        self.assertEqual(proposed.role, "chair")
        self.assertEqual(len(network.core_member_ids), 4, "no second seat")
