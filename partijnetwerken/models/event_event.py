# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EventEvent(models.Model):
    _inherit = "event.event"

    network_id = fields.Many2one(
        "party.network",
        string="Party network",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
    )
    network_activity_kind = fields.Selection(
        [
            ("meeting", "Meeting"),
            ("expert_session", "Expert session"),
            ("working_visit", "Working visit"),
        ],
        string="Kind of network activity",
    )
