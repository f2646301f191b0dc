# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import AccessError


class ReportNetworkHealth(models.AbstractModel):
    """The health pack of a network: today's figures of the current period."""

    _name = "report.partijnetwerken.report_network_health"
    _description = "Health pack of a network"
    _docs_model = "party.network"

    @api.model
    def _check_readers(self):
        # the figures are gathered as superuser: only office and board print them,
        # whatever route renders the report
        user = self.env.user
        if not (self.env.su or user._is_party_office() or user._is_national_board()):
            raise AccessError(
                self.env._(
                    "Only the party office and the national board print the health "
                    "pack."
                )
            )

    @api.model
    def _get_report_values(self, docids, data=None):
        self._check_readers()
        docs = self.env[self._docs_model].browse(docids)
        docs.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": self._docs_model,
            "docs": docs,
            "packs": {doc.id: doc._health_pack_values() for doc in docs},
        }


class ReportEvaluationHealth(models.AbstractModel):
    """The health pack of an evaluation: the figures frozen at its submission."""

    _name = "report.partijnetwerken.report_evaluation_health"
    _inherit = "report.partijnetwerken.report_network_health"
    _description = "Health pack of an evaluation"
    _docs_model = "party.network.evaluation"
