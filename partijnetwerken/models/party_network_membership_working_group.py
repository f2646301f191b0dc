# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, fields, models


class PartyNetworkMembership(models.Model):
    """The working groups of a membership: the other side of the groups' members.

    Read as the reader like any membership: the membership rules decide whose
    working groups anyone but the office sees.
    """

    _inherit = "party.network.membership"

    working_group_ids = fields.Many2many(
        "party.network.working.group",
        "party_network_working_group_membership_rel",
        "membership_id",
        "working_group_id",
        string="Working groups",
    )

    def _on_leave(self):
        """Leaving the network leaves its working groups, archived ones too."""
        res = super()._on_leave()
        # sudo: whoever ends a membership (the member, the office, a merge) takes
        # it out of the groups; only these memberships are unlinked.
        groups_sudo = (
            self.env["party.network.working.group"]
            .sudo()
            .with_context(active_test=False)
            .search([("membership_ids", "in", self.ids)])
        )
        if groups_sudo:
            groups_sudo.write({"membership_ids": [Command.unlink(m.id) for m in self]})
        return res
