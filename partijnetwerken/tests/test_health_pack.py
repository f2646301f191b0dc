# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PRIVATE_DATA
from .test_evaluation import EvaluationCommon

NETWORK_REPORT = "partijnetwerken.action_report_network_health"
EVALUATION_REPORT = "partijnetwerken.action_report_evaluation_health"


@tagged("post_install", "-at_install")
class TestHealthPack(EvaluationCommon):
    """The health pack prints aggregates, never a member."""

    def _html(self, report, records, user=None):
        Report = self.env["ir.actions.report"].with_user(user or self.office_user)
        html, _kind = Report._render_qweb_html(report, records.ids)
        return html.decode() if isinstance(html, bytes) else html

    def _people(self):
        """Everything that identifies a member or core-group member of the fixture."""
        partners = (
            self.anna
            | self.member_user.partner_id
            | self.core_user.partner_id
            | self.core_internal_user.partner_id
        )
        values = [*PRIVATE_DATA]
        for partner in partners:
            values += [v for v in (partner.name, partner.email, partner.phone) if v]
        return values

    def _kpi(self, html, css_class):
        match = re.search(rf'{css_class}"[^>]*>\s*(\d+)\s*<', html)
        return match and int(match.group(1))

    def test_network_pack_has_the_figures_and_no_people(self):
        html = self._html(NETWORK_REPORT, self.network_a)
        self.assertIn("Key figures", html)
        self.assertEqual(self._kpi(html, "o_pn_kpi_members"), 3)
        self.assertIn("Members per month", html)
        self.assertIn("Expertsessie wijkzorg", html)
        # three active members without a province: printed as "< 5"
        self.assertIn("&lt; 5", html)
        self.assertIn("Core group: composition and terms", html)
        for value in self._people():
            with self.subTest(value=value):
                self.assertNotIn(value, html)

    def test_small_province_counts_are_hidden(self):
        utrecht = self.env.ref("base.state_nl_ut")
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"Utrechter {i}",
                    "state_id": utrecht.id,
                    "is_party_member": True,
                }
                for i in range(6)
            ]
        )
        for partner in partners:
            self._join(self.network_b, partner, consent=True)
        self.esther.state_id = self.env.ref("base.state_nl_gr")
        spread = {
            row["province"]: row["label"] for row in self.network_b._province_spread()
        }
        self.assertEqual(spread[utrecht.name], "6")
        self.assertEqual(spread["Groningen"], "< 5")
        html = self._html(NETWORK_REPORT, self.network_b, self.board_user)
        self.assertNotIn("Utrechter", html)

    def test_evaluation_pack_prints_the_frozen_figures(self):
        evaluation = self._submitted()
        self._join(self.network_a, self.esther, consent=True)
        html = self._html(EVALUATION_REPORT, evaluation)
        self.assertEqual(self._kpi(html, "o_pn_kpi_members"), 3)
        live = self._html(NETWORK_REPORT, self.network_a)
        self.assertEqual(self._kpi(live, "o_pn_kpi_members"), 4)
        for value in self._people():
            with self.subTest(value=value):
                self.assertNotIn(value, html)

    def test_only_office_and_board_print_it(self):
        for user in (self.core_internal_user, self.internal_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._html(NETWORK_REPORT, self.network_a, user)
