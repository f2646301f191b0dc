# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import request

from odoo.addons.website_event.controllers.main import WebsiteEventController


class PartyNetworkWebsiteEventController(WebsiteEventController):
    """Network activities register only through the portal (DESIGN §10.1), where
    network membership and party membership are checked: website_event's public
    registration page and form are closed for them."""

    @http.route()
    def event_register(self, event, **post):
        if event.network_id:
            return request.redirect(event._website_network_redirect())
        return super().event_register(event, **post)

    @http.route()
    def registration_new(self, event, **post):
        if event.network_id:
            return False
        return super().registration_new(event, **post)

    @http.route()
    def registration_confirm(self, event, **post):
        if event.network_id:
            return request.redirect(event._website_network_redirect())
        return super().registration_confirm(event, **post)
