# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import models
from odoo.http import request

_logger = logging.getLogger(__name__)


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_error_html(cls, env, code, values):
        """403 and 404 of the party networks' portal pages in the portal layout,
        with a way back to /my/networks."""
        if (
            code in (403, 404)
            and request
            and request.httprequest.path.startswith("/my/networks")
            and not env.user._is_public()
        ):
            # pylint: disable=import-outside-toplevel
            from ..controllers.portal import PartyNetworkPortal

            try:
                page_values = {
                    **values,
                    **PartyNetworkPortal()._prepare_portal_layout_values(),
                    "page_name": "party_network_error",
                    "error_code": code,
                }
                return code, env["ir.ui.view"]._render_template(
                    "partijnetwerken.portal_network_error", page_values
                )
            except Exception:  # pylint: disable=broad-except
                # never fail on an error page: fall back to the standard one
                _logger.exception("Party networks: error page not rendered")
        return super()._get_error_html(env, code, values)
