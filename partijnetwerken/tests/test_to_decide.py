# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from ast import literal_eval

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PartyNetworkLifecycleCase


@tagged("post_install", "-at_install")
class TestToDecide(PartyNetworkLifecycleCase):
    """The board's "to decide": submitted plans and evaluations, a menu and a
    counter on the networks' kanban."""

    def _submitted_evaluation(self, network):
        evaluation = self.env["party.network.evaluation"].create(
            {
                "network_id": network.id,
                "period_start": self.today - relativedelta(months=3),
                "period_end": self.today,
            }
        )
        evaluation.with_user(self.office_user).action_submit()
        return evaluation

    def test_counter_counts_submitted_plans_and_evaluations(self):
        plan = self._submitted_plan()
        self._submitted_evaluation(self.network_a)
        networks = (plan.network_id | self.network_a | self.network_b).with_user(
            self.board_user
        )
        self.assertEqual(networks.mapped("to_decide_count"), [1, 1, 0])
        plan.with_user(self.board_user).action_approve()
        networks.invalidate_recordset()
        self.assertEqual(networks.mapped("to_decide_count"), [0, 1, 0])

    def test_counter_is_for_office_and_board(self):
        with self.assertRaises(AccessError):
            self.network_a.with_user(self.internal_user).read(["to_decide_count"])

    def test_to_decide_actions_list_only_what_waits(self):
        submitted = self._submitted_plan()
        draft = self._submitted_plan("Themanetwerk Wonen 2")
        draft.state = "draft"
        evaluation = self._submitted_evaluation(self.network_a)
        evaluation_draft = self._submitted_evaluation(self.network_b)
        evaluation_draft.state = "draft"
        for xmlid, model, expected, waiting_not in (
            (
                "party_network_plan_action_to_decide",
                "party.network.plan",
                submitted,
                draft,
            ),
            (
                "party_network_evaluation_action_to_decide",
                "party.network.evaluation",
                evaluation,
                evaluation_draft,
            ),
        ):
            action = self.env.ref(f"partijnetwerken.{xmlid}")
            with self.subTest(action=xmlid):
                found = (
                    self.env[model]
                    .with_user(self.board_user)
                    .search(literal_eval(action.domain))
                )
                # the test's own records; the demo may have more waiting
                self.assertEqual(found & (expected | waiting_not), expected)

    def test_menu_for_office_and_board_only(self):
        menu = self.env.ref("partijnetwerken.party_network_to_decide_menu")
        Menu = self.env["ir.ui.menu"]
        for user in (self.board_user, self.office_user):
            with self.subTest(user=user.login):
                self.assertIn(menu.id, Menu.with_user(user)._visible_menu_ids())
        self.assertNotIn(
            menu.id, Menu.with_user(self.internal_user)._visible_menu_ids()
        )

    def test_kanban_shows_the_counter_to_the_board(self):
        Network = self.env["party.network"]
        arch = Network.with_user(self.board_user).get_view(view_type="kanban")["arch"]
        self.assertIn("o_pn_to_decide", arch)
        arch = Network.with_user(self.internal_user).get_view(view_type="kanban")[
            "arch"
        ]
        self.assertNotIn("to_decide_count", arch)
