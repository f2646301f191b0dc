# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class PartyNetworkMembership(models.Model):
    _inherit = "party.network.membership"

    def _on_leave(self):
        """Leaving a network cancels the member's registrations for its future
        members-only activities; past registrations stay as they were."""
        res = super()._on_leave()
        # sudo: the member's partner and registrations are not readable by every
        # path that ends a membership (a member leaving in the portal); the search
        # is restricted to the partners of the memberships that just ended.
        memberships_sudo = self.sudo()
        domain = [
            ("state", "in", ("draft", "open")),
            ("event_id.network_members_only", "=", True),
            ("event_id.date_begin", ">", fields.Datetime.now()),
        ]
        for network, memberships in memberships_sudo.grouped("network_id").items():
            self.env["event.registration"].sudo().search(
                [
                    *domain,
                    ("event_id.network_id", "=", network.id),
                    ("partner_id", "in", memberships.partner_id.ids),
                ]
            ).action_cancel()
        return res
