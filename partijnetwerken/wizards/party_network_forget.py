# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class PartyNetworkForget(models.TransientModel):
    """Forget a member (GDPR art. 17), for the party office."""

    _name = "party.network.forget"
    _description = "Forget a member in the party networks"

    partner_id = fields.Many2one(
        "res.partner", string="Member", required=True, ondelete="cascade"
    )
    partner_name = fields.Char(related="partner_id.name", string="Name")
    confirmation = fields.Char(
        string="Type the member's name to confirm",
        help="Forgetting cannot be undone.",
    )

    @api.model
    def default_get(self, fields_list):
        self.env["party.network"]._check_role(
            "office", self.env._("Only the party office can forget a member.")
        )
        return super().default_get(fields_list)

    def action_forget(self):
        self.ensure_one()
        Network = self.env["party.network"]
        Network._check_role(
            "office", self.env._("Only the party office can forget a member.")
        )
        partner = self.partner_id
        typed = " ".join((self.confirmation or "").split()).casefold()
        if not typed or typed != " ".join((partner.name or "").split()).casefold():
            raise UserError(
                self.env._(
                    "Type the member's name exactly as shown to confirm: forgetting "
                    "cannot be undone."
                )
            )
        if partner == self.env.ref("partijnetwerken.partner_forgotten_member"):
            raise UserError(self.env._("This is the placeholder of forgotten members."))
        # sudo: the office may not write the registers nor Odoo's registrations;
        # the right was checked above and everything stays within this person.
        networks = partner.sudo()._pn_forget()
        user = self.env.user.name
        for network in networks.sudo():
            network.message_post(
                body=self.env._(
                    "At their own request, a member's personal data was removed from "
                    "this network's records by %(user)s (GDPR art. 17). The counts "
                    "and dates are kept.",
                    user=user,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return {"type": "ir.actions.act_window_close"}
