# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .const import OFFICE_BOARD


class PartyNetworkMembership(models.Model):
    _inherit = "party.network.membership"

    # Where a member lives says something about who they are: office and board
    # only, like the partner. Not stored: it lets one grouped query count the
    # provinces of many networks (``party.network.province_count``).
    partner_state_id = fields.Many2one(
        related="partner_id.state_id", string="Province", groups=OFFICE_BOARD
    )
