# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class PartyNetworkAdviceMixin(models.AbstractModel):
    """The advice register on the network: its advice and their count.

    A part of ``party.network`` (which inherits it), kept in a file of its own.
    """

    _name = "party.network.advice.mixin"
    _description = "Party networks: advice"

    advice_ids = fields.One2many("party.network.advice", "network_id", string="Advice")
    advice_count = fields.Integer(
        string="Advice count", compute="_compute_advice_count", compute_sudo=False
    )

    # the advice the reader may see: the record rules count
    @api.depends_context("uid")
    def _compute_advice_count(self):
        counts = self._count_by_network("party.network.advice", [])
        for network in self:
            network.advice_count = counts[network]

    def action_view_advice(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partijnetwerken.party_network_advice_action"
        )
        action["domain"] = [("network_id", "=", self.id)]
        action["context"] = {"default_network_id": self.id}
        return action
