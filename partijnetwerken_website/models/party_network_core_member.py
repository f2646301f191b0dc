# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class PartyNetworkCoreMember(models.Model):
    _inherit = "party.network.core.member"

    show_on_website = fields.Boolean(
        string="Show on the website",
        copy=False,
        tracking=True,
        help="The core-group member agrees that their name and role appear as a "
        "contact on the network's public page. Only they switch it on, in the "
        "portal.",
    )

    def _portal_set_show_on_website(self, show):
        """The current user shows or hides their own seat on the public page.

        :raise UserError: when the seat is not the user's or has ended
        """
        self.ensure_one()
        if self.partner_id != self.env.user.partner_id or self.state == "ended":
            raise UserError(
                self.env._("You can only change this for your own core-group seat.")
            )
        if self.show_on_website != bool(show):
            # sudo: core-group members have no write access to seats; this is
            # their own current seat (checked above) and only this one field.
            self.sudo().show_on_website = bool(show)
        return True

    @api.model
    def _website_core_contacts(self, networks):
        """The core-group contacts of published networks who opted in.

        :return: ``{network: [{"name", "role_label"}]}``, chair first; nothing
            but the name and the role
        """
        published = networks.filtered(
            lambda n: n.website_published and n.state == "active"
        )
        # sudo: the public may not read seats or contacts; only the name and role
        # of sitting members of a published network who opted in are returned.
        seats_sudo = self.sudo().search(
            [
                ("network_id", "in", published.ids),
                ("show_on_website", "=", True),
                *self._sitting_domain(),
            ]
        )
        roles = [key for key, _label in self._fields["role"].selection]
        labels = dict(self._fields["role"]._description_selection(self.env))
        contacts = {network: [] for network in networks}
        for seat in seats_sudo.sorted(
            lambda s: (roles.index(s.role), s.partner_id.name or "", s.id)
        ):
            contacts[seat.network_id].append(
                {"name": seat.partner_id.name, "role_label": labels[seat.role]}
            )
        return contacts
