# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PartyNetworkLifecycleCase


@tagged("post_install", "-at_install")
class TestCompositionCheck(PartyNetworkLifecycleCase):
    """A balanced core group is advised, never enforced."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Fenna (experienced, Groningen), Gijs (Utrecht), Hanna (experienced,
        # Noord-Holland), Ids (Utrecht), Joke (Noord-Holland)
        cls.fenna, cls.gijs, cls.hanna, cls.ids, cls.joke = cls.founders
        cls.plan = cls.env["party.network.plan"].create(
            {"network_id": cls.application.id}
        )

    def _propose(self, *partners):
        self.plan.proposed_core_partner_ids = [Command.set([p.id for p in partners])]
        return self.plan

    def test_balanced_core_group(self):
        plan = self._propose(self.fenna, self.gijs, self.hanna, self.ids)
        self.assertEqual(plan.composition_experienced_count, 2)
        self.assertEqual(plan.composition_inexperienced_count, 2)
        self.assertEqual(
            plan.composition_province_spread,
            "Utrecht (2), Groningen (1), Noord-Holland (1)",
        )
        self.assertFalse(plan.composition_warning)

    def test_one_sided_experience_warns(self):
        plan = self._propose(
            self.gijs, self.ids, self.joke, self.member_user.partner_id
        )
        self.assertEqual(plan.composition_experienced_count, 0)
        self.assertIn(
            "No core-group member has governance experience", plan.composition_warning
        )
        plan = self._propose(self.fenna, self.hanna)
        self.assertIn(
            "All core-group members have governance experience",
            plan.composition_warning,
        )
        self.assertIn("at least 4", plan.composition_warning, "and the minimum")

    def test_theme_network_spread_over_provinces(self):
        plan = self._propose(self.gijs, self.ids)
        self.assertIn(
            "All core-group members live in Utrecht", plan.composition_warning
        )
        self.application.network_type = "target_group"
        plan.invalidate_recordset()
        self.assertFalse(plan.composition_province_spread)
        self.assertNotIn("Utrecht", plan.composition_warning)

    def test_composition_check_never_blocks_approval(self):
        inexperienced = self.gijs | self.ids | self.joke | self.member_user.partner_id
        plan = self._submitted_plan(partners=inexperienced)
        self.assertTrue(plan.composition_warning)
        plan.with_user(self.board_user).action_approve()
        self.assertEqual(plan.state, "approved")
        network = plan.network_id
        self.assertEqual(network.composition_inexperienced_count, 4)
        self.assertIn(
            "No core-group member has governance experience",
            network.composition_warning,
        )

    def test_network_counts_current_seats(self):
        network = self.network_a
        self.assertEqual(network.composition_inexperienced_count, 2)
        self.assertIn("at least 4", network.composition_warning)
        self.core_a.governance_experience = True
        self.assertEqual(network.composition_experienced_count, 1)
        self.core_a.action_end()
        network.invalidate_recordset()
        self.assertEqual(network.composition_experienced_count, 0)
        self.assertEqual(network.composition_inexperienced_count, 1)

    def test_seat_and_member_share_one_experience_flag(self):
        seat = self.env["party.network.core.member"].create(
            {"network_id": self.network_b.id, "partner_id": self.fenna.id}
        )
        self.assertTrue(seat.governance_experience)
        # the board corrects the flag on the seat: it is the member's own flag
        seat.with_user(self.board_user).governance_experience = False
        self.assertFalse(self.fenna.governance_experience)
        self.fenna.governance_experience = True
        self.assertTrue(seat.governance_experience)

    def test_plan_and_seats_count_the_same_people_alike(self):
        """The board's plan and the core group's seats never disagree."""
        plan = self._propose(self.fenna, self.gijs, self.hanna, self.ids)
        seats = self.env["party.network.core.member"].create(
            [
                {"network_id": self.application.id, "partner_id": partner.id}
                for partner in plan.proposed_core_partner_ids
            ]
        )
        network = self.application
        self.assertEqual(plan.composition_experienced_count, 2)
        self.assertEqual(network.composition_experienced_count, 2)
        # ticking on a seat (as the office does on the network) shows on the plan
        seats.filtered(lambda s: s.partner_id == self.gijs).governance_experience = True
        self.assertEqual(plan.composition_experienced_count, 3)
        self.assertEqual(network.composition_experienced_count, 3)
        self.assertEqual(
            plan.composition_inexperienced_count,
            network.composition_inexperienced_count,
        )

    def test_composition_check_is_for_office_and_board(self):
        with self.assertRaises(AccessError):
            self.network_a.with_user(self.internal_user).read(["composition_warning"])
        self.assertTrue(
            self.network_a.with_user(self.board_user).read(["composition_warning"])
        )
