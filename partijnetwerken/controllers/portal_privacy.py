# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo import http
from odoo.http import content_disposition, request

from .portal import PRIVATE_HEADERS, PartyNetworkPortal


class PartyNetworkPrivacyPortal(PartyNetworkPortal):
    """The member's privacy page and the download of their network data
    (DESIGN §10.6; GDPR arts. 15 and 20)."""

    @http.route(
        "/my/networks/privacy",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_network_privacy(self, notice=None, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "party_network_privacy",
                "overview": request.env[
                    "party.network.consent"
                ]._portal_privacy_overview(),
                "consent_texts": request.env["party.network.consent"]._form_texts(),
                "notice": self._notice(notice),
            }
        )
        return request.render(
            "partijnetwerken.portal_network_privacy", values, headers=PRIVATE_HEADERS
        )

    @http.route(
        "/my/networks/privacy/download",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_network_privacy_download(self, **kw):
        data = request.env["party.network.consent"]._portal_privacy_export()
        content = json.dumps(data, ensure_ascii=False, indent=2)
        filename = request.env._("my network data.json")
        return request.make_response(
            content.encode(),
            headers=[
                ("Content-Type", "application/json; charset=utf-8"),
                ("Content-Disposition", content_disposition(filename)),
                ("X-Content-Type-Options", "nosniff"),
                *PRIVATE_HEADERS,
            ],
        )
