# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class PartyNetworkMerge(models.TransientModel):
    _name = "party.network.merge"
    _description = "Merge party networks"

    network_ids = fields.Many2many(
        "party.network", string="Networks to merge", required=True
    )
    target_id = fields.Many2one(
        "party.network",
        string="Merge into",
        required=True,
        ondelete="cascade",
        domain="[('id', 'not in', network_ids), "
        "('state', 'in', ('application', 'intake', 'plan', 'submitted', 'active'))]",
        help="The network or application that continues; the members of the others "
        "move to it.",
    )
    note = fields.Text(string="Reason")

    def action_confirm(self):
        self.ensure_one()
        self.network_ids._merge_into(self.target_id, self.note)
        return {
            "type": "ir.actions.act_window",
            "res_model": "party.network",
            "res_id": self.target_id.id,
            "view_mode": "form",
        }
