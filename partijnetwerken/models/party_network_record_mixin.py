# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import AccessError


class PartyNetworkRecordMixin(models.AbstractModel):
    """A record that belongs to one network: a plan, a seat, a membership, and the
    records of the second stage (activities' registrations aside: those are Odoo's).

    It brings ``network_id`` and the office's helpers (settings, roles, the state
    label, activities, private mails), and the two questions the record rules and
    the portal ask of such a record: does the current user sit in the network's
    core group, and may they see its member data today. Both are answered by
    searchable fields of ``party.network`` (``user_is_core_member``,
    ``user_has_data_access``), so rules are written as
    ``[('network_id.user_is_core_member', '=', True)]`` and the date is checked at
    every search.

    A model changes the field's attributes by redefining it, e.g.
    ``network_id = fields.Many2one(tracking=True)``.
    """

    _name = "party.network.record.mixin"
    _inherit = ["party.network.office.mixin"]
    _description = "Party networks: a record of a network"

    network_id = fields.Many2one(
        "party.network",
        string="Network",
        required=True,
        index=True,
        ondelete="restrict",
    )

    def _check_core_group_or_office(self, message):
        """Refuse ``message`` unless the current user is the party office or sits
        today in the core group of the network of each record (appointed, within
        the term)."""
        if self.env.su or self.env.user._is_party_office():
            return
        sitting = self.env["party.network"]._user_networks("core_member")
        if self.network_id - sitting:
            raise AccessError(message)
