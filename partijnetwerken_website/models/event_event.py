# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class EventEvent(models.Model):
    _inherit = "event.event"

    # website_event lets every internal user read every event and the public
    # every published one; who registered stays with the event staff.
    registration_ids = fields.One2many(groups="event.group_event_registration_desk")
    # The meeting link of an activity is for those who registered (they get it
    # by mail and in the portal, read there through the core's narrow sudo), not
    # for everyone who may read a published event.
    network_online_url = fields.Char(groups="event.group_event_registration_desk")

    @api.model
    def _website_upcoming(self, networks, limit=None):
        """``{network: events}``: the upcoming published activities of each
        network, read as the current user (website_event's rules decide)."""
        upcoming = {network: self.browse() for network in networks}
        # sudo: the public may not read stages; only which ones end the pipe
        ended_stages = self.env["event.stage"].sudo()._search([("pipe_end", "=", True)])
        events = self.search(
            [
                ("network_id", "in", networks.ids),
                ("website_published", "=", True),
                ("date_end", ">", fields.Datetime.now()),
                ("stage_id", "not in", ended_stages),
            ],
            order="date_begin, id",
        )
        for event in events:
            if limit is None or len(upcoming[event.network_id]) < limit:
                upcoming[event.network_id] |= event
        return upcoming

    def _website_network_redirect(self):
        """Where website_event's registration of a network activity sends the
        visitor instead: the network's public page, or its portal page."""
        self.ensure_one()
        # sudo: the network of an activity the visitor may read; only its
        # publication and address are used.
        network_sudo = self.network_id.sudo()
        if network_sudo.website_published and network_sudo.state == "active":
            return f"{network_sudo.website_url}#pn_activities"
        return f"/my/networks/{network_sudo.id}"
