# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError


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

    @api.constrains("working_group_ids")
    def _check_working_groups(self):
        # the groups' own constraint holds when they are written; this one when
        # a membership is linked from its side (joining in the portal)
        for membership in self.sudo().with_context(active_test=False):
            groups = membership.working_group_ids
            if groups and (
                membership.state != "active"
                or groups.network_id != membership.network_id
            ):
                raise ValidationError(
                    self.env._(
                        "Only active members of %(network)s can take part in its "
                        "working groups.",
                        network=membership.network_id.name,
                    )
                )

    def _on_leave(self):
        """Leaving the network leaves its working groups, archived ones too."""
        res = super()._on_leave()
        # sudo: whoever ends a membership (the member, the office, a merge) takes
        # it out of the groups; written on these memberships only.
        for membership in self.sudo().with_context(active_test=False):
            groups = membership.working_group_ids
            if groups:
                membership.write(
                    {"working_group_ids": [Command.unlink(g.id) for g in groups]}
                )
        return res
