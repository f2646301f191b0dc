# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class MembershipLine(models.Model):
    _inherit = "membership.membership_line"

    @api.model_create_multi
    def create(self, vals_list):
        partners = self.env["res.partner"].browse(
            [vals["partner"] for vals in vals_list if vals.get("partner")]
        )
        with partners._pn_watch_party_membership():
            return super().create(vals_list)

    def write(self, vals):
        partners = self.partner
        if vals.get("partner"):
            partners |= partners.browse(vals["partner"])
        with partners._pn_watch_party_membership():
            return super().write(vals)

    def unlink(self):
        with self.partner._pn_watch_party_membership():
            return super().unlink()
