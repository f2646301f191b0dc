# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.partijnetwerken.controllers.portal import MAX_ID, PartyNetworkPortal
from odoo.addons.partijnetwerken.models.plain_text import checkbox_value


class PartyNetworkWebsitePortal(PartyNetworkPortal):
    """The core-group member's own choice to appear on the public page."""

    def _notices(self, count=0):
        notices = super()._notices(count)
        _ = request.env._
        notices.update(
            {
                "website_shown": _(
                    "Your name and role now appear on the network's public page."
                ),
                "website_hidden": _(
                    "Your name no longer appears on the network's public page."
                ),
            }
        )
        return notices

    @http.route(
        "/my/networks/<int:network_id>/core/website",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_core_website(self, network_id, show_on_website=None, **kw):
        if network_id > MAX_ID:
            raise NotFound()
        # the user's own current seat, read as the user (the seat rule decides)
        seat = request.env["party.network.core.member"].search(
            [
                ("network_id", "=", network_id),
                ("user_is_member", "=", True),
                ("state", "!=", "ended"),
            ],
            limit=1,
        )
        if not seat:
            raise NotFound()
        show = checkbox_value(show_on_website)
        _done, error = self._call_model(seat._portal_set_show_on_website, show)
        if error:
            return self._render_my_networks(error=error)
        notice = "website_shown" if show else "website_hidden"
        return request.redirect(f"/my/networks?notice={notice}")
