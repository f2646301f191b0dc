# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def write(self, vals):
        # a membership invoice cancelled or reset to draft ends the membership
        if "state" not in vals:
            return super().write(vals)
        partners = (
            self.env["membership.membership_line"]
            .sudo()
            .search([("account_invoice_line.move_id", "in", self.ids)])
            .partner
        )
        with partners._pn_watch_party_membership():
            return super().write(vals)
