# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PartyNetworkLifecycleCase


@tagged("post_install", "-at_install")
class TestLifecycleBoardPath(PartyNetworkLifecycleCase):
    """The national board establishes a network on its own initiative."""

    def _board_network(self):
        return (
            self.env["party.network"]
            .with_user(self.office_user)
            .create(
                {
                    "name": "Doelgroepnetwerk Ouderen",
                    "network_type": "target_group",
                    "origin": "board",
                    "goal": "Ouderen doen volop mee.",
                }
            )
        )

    def test_board_initiated_path_skips_intake(self):
        network = self._board_network()
        self.assertEqual(network.state, "application")
        self.assertEqual(
            self._activities(
                network, "partijnetwerken.mail_activity_type_founding_plan"
            ).user_id,
            self.office_user,
            "the coordinator prepares the plan; there is no intake",
        )
        self.assertFalse(
            self._activities(network, "partijnetwerken.mail_activity_type_intake")
        )
        plan = (
            self.env["party.network.plan"]
            .with_user(self.office_user)
            .create(
                {
                    "network_id": network.id,
                    "goal": network.goal,
                    "proposed_core_partner_ids": [Command.set(self.founders[:4].ids)],
                }
            )
        )
        plan.action_submit()
        self.assertEqual(network.state, "submitted", "straight from the application")
        plan.with_user(self.board_user).action_approve()
        self.assertEqual(network.state, "active")
        self.assertEqual(network.date_start, self.today)
        self.assertEqual(len(network.core_member_ids), 4)

    def test_board_network_plan_invitation_from_application(self):
        network = self._board_network()
        network.action_invite_plan()
        self.assertEqual(network.state, "plan")
        self.assertEqual(len(network.plan_ids), 1)
        self.assertEqual(
            len(
                self._activities(
                    network, "partijnetwerken.mail_activity_type_founding_plan"
                )
            ),
            1,
            "no second activity for the same step",
        )

    def test_member_application_cannot_skip_intake(self):
        plan = self.env["party.network.plan"].create(
            {
                "network_id": self.application.id,
                "proposed_core_partner_ids": [Command.set(self.founders[:4].ids)],
            }
        )
        for state in ("application", "intake"):
            self.application.state = state
            with self.subTest(state=state), self.assertRaises(UserError):
                plan.with_user(self.office_user).action_submit()
        self.assertEqual(plan.state, "draft")
