# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from .const import OFFICE_BOARD
from .export_guard import check_export_field_access


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_party_member = fields.Boolean(
        string="Party member",
        index=True,
        tracking=True,
        help="Only party members can join a party network.",
    )
    governance_experience = fields.Boolean(
        string="Governance experience",
        help="Has experience as a board member or office holder. Proposed for a core "
        "group, the member counts towards the mix with and without governance "
        "experience that the national board aims for.",
    )
    # The partner-side links reveal who belongs to which network: office and board
    # only, for internal users too (who may read every contact).
    network_membership_ids = fields.One2many(
        "party.network.membership",
        "partner_id",
        string="Network memberships",
        groups=OFFICE_BOARD,
    )
    network_core_member_ids = fields.One2many(
        "party.network.core.member",
        "partner_id",
        string="Core-group appointments",
        groups=OFFICE_BOARD,
    )
    network_count = fields.Integer(
        string="Networks",
        compute="_compute_network_count",
        groups=OFFICE_BOARD,
    )

    def _compute_network_count(self):
        counts = dict(
            self.env["party.network.membership"]._read_group(
                [("partner_id", "in", self.ids), ("state", "=", "active")],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.network_count = counts.get(partner, 0)

    def export_data(self, fields_to_export):
        check_export_field_access(self, fields_to_export)
        return super().export_data(fields_to_export)

    def _check_party_membership_change(self):
        if not (self.env.su or self.env.user._is_party_office()):
            raise AccessError(
                self.env._("Only the party office can change party membership.")
            )

    def write(self, vals):
        if "is_party_member" in vals:
            self._check_party_membership_change()
        res = super().write(vals)
        if "is_party_member" in vals and not vals["is_party_member"]:
            # Someone who leaves the party leaves its networks too.
            self.env["party.network.membership"].sudo().search(
                [("partner_id", "in", self.ids), ("state", "=", "active")]
            ).write({"state": "left"})
        return res

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("is_party_member") for vals in vals_list):
            self._check_party_membership_change()
        return super().create(vals_list)

    def action_view_network_memberships(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partijnetwerken.party_network_membership_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
