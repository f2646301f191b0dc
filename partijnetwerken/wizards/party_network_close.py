# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class PartyNetworkClose(models.TransientModel):
    _name = "party.network.close"
    _description = "Close a party network"

    network_id = fields.Many2one(
        "party.network", string="Network", required=True, ondelete="cascade"
    )
    reason = fields.Text(
        required=True,
        help="Why the national board closes the network. The members receive it by "
        "email and it is kept in the chatter.",
    )

    def action_confirm(self):
        self.ensure_one()
        self.network_id.close_reason = self.reason
        self.network_id.action_close()
        return {"type": "ir.actions.act_window_close"}
