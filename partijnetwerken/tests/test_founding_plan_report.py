# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PartyNetworkLifecycleCase

REPORT = "partijnetwerken.action_report_founding_plan"


@tagged("post_install", "-at_install")
class TestFoundingPlanReport(PartyNetworkLifecycleCase):
    """The printable founding plan for the board's agenda."""

    def test_board_prints_the_plan_with_core_group_and_intake(self):
        plan = self._submitted_plan()
        plan.network_id.intake_added_value = "Nog geen netwerk voor wonen."
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.board_user)
            ._render_qweb_html(REPORT, plan.ids)
        )
        html = html.decode()
        self.assertIn(plan.network_id.name, html)
        for partner in plan.proposed_core_partner_ids:
            self.assertIn(partner.name, html)
        self.assertIn("Nog geen netwerk voor wonen.", html)
        self.assertIn("o_pn_plan_core_group", html)

    def test_others_cannot_print_it(self):
        plan = self._submitted_plan()
        # office and board only, checked before rendering
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(
                self.internal_user
            )._render_qweb_html(REPORT, plan.ids)
