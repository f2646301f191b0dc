# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


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

    # Portal: the helpers below run as the portal user; each sudo is confined
    # to one lookup and says why.

    @api.model
    def _portal_upcoming(self, networks, limit=None):
        """The upcoming activities of each network: ``{network: events}`` (sudo)."""
        # sudo: plain ``event`` gives portal users no access to events; these are
        # the activities of networks the user may read, shown to their members.
        events_sudo = (
            self.env["event.event"]
            .sudo()
            .search(
                [
                    ("network_id", "in", networks.ids),
                    ("date_end", ">", fields.Datetime.now()),
                    ("stage_id.pipe_end", "=", False),
                ],
                order="date_begin, id",
            )
        )
        upcoming = {network: events_sudo.browse() for network in networks}
        for event in events_sudo:
            network = event.network_id
            if limit is None or len(upcoming[network]) < limit:
                upcoming[network] |= event
        return upcoming
