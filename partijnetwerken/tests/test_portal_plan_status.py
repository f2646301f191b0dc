# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from .portal_common import PartyNetworkPortalCommon


@tagged("post_install", "-at_install")
class TestPortalPlanStatus(PartyNetworkPortalCommon, HttpCase):
    """The founding plan page shows the plan's real state, decision and date."""

    def _plan(self, state, network_state, note=False):
        plan = self.env["party.network.plan"].create(
            {
                "network_id": self.application.id,
                "goal": "Kunst en cultuur voor iedereen.",
                "proposed_core_partner_ids": [
                    Command.set(self.core_b_user.partner_id.ids)
                ],
            }
        )
        plan.write(
            {
                "state": state,
                "decision_note": note,
                "decided_by_id": self.board_user.id,
                "decided_date": fields.Datetime.to_datetime("2026-03-05 10:00:00"),
            }
        )
        self.application.state = network_state
        return plan

    def _page(self):
        self.login(self.core_b_user)
        response = self.get(f"/my/networks/{self.application.id}/plan")
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_approved_plan_says_approved_with_date_and_reason(self):
        self._plan("approved", "active", note="Een mooi en breed plan.")
        page = self._page()
        self.assertIn("o_pn_plan_approved", page)
        self.assertIn("03/05/2026", page)
        self.assertIn("Een mooi en breed plan.", page)
        self.assertNotIn("is with the party office and the national board", page)
        self.assertNotIn("o_pn_plan_form", page)

    def test_rejected_plan_says_rejected(self):
        self._plan("rejected", "rejected", note="Overlapt met een bestaand netwerk.")
        page = self._page()
        self.assertIn("o_pn_plan_rejected", page)
        self.assertIn("Overlapt met een bestaand netwerk.", page)

    def test_submitted_plan_lies_with_the_board(self):
        self._plan("submitted", "submitted")
        page = self._page()
        self.assertIn("o_pn_plan_submitted", page)
        self.assertNotIn("o_pn_plan_approved", page)
