# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import AccessError


class ReportFoundingPlan(models.AbstractModel):
    """The printable founding plan, for the national board's agenda."""

    _name = "report.partijnetwerken.report_founding_plan"
    _description = "Founding plan for the board's agenda"

    @api.model
    def _get_report_values(self, docids, data=None):
        # it names the proposed core group and the intake outcome: office and
        # board only, whatever route renders it
        user = self.env.user
        if not (self.env.su or user._is_party_office() or user._is_national_board()):
            raise AccessError(
                self.env._(
                    "Only the party office and the national board print founding "
                    "plans."
                )
            )
        docs = self.env["party.network.plan"].browse(docids)
        docs.check_access("read")
        return {"doc_ids": docids, "doc_model": "party.network.plan", "docs": docs}
