# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import request

from .portal import MAX_ID, PRIVATE_HEADERS, PartyNetworkPortal


class PartyNetworkContributionPortal(PartyNetworkPortal):
    """Voluntary contributions (DESIGN §10.3): a member pledges to a network or
    one of its activities and reads how to pay; their own contributions are
    listed under ``/my/networks``."""

    _contributions_listed = 20

    def _my_networks_values(self):
        values = super()._my_networks_values()
        values["contributions"] = request.env["party.network.contribution"].search(
            [("is_own", "=", True)], limit=self._contributions_listed
        )
        return values

    def _network_page_values(self, network):
        values = super()._network_page_values(network)
        # the core group sees the total, never who gave
        values["contribution_total"] = (
            network.contribution_total
            if network.contribution_enabled
            and (values.get("is_core_member") or values.get("has_data_access"))
            else None
        )
        return values

    def _contribution_page(self, network, **values):
        Contribution = request.env["party.network.contribution"]
        page = self._prepare_portal_layout_values()
        page.update(
            {
                "page_name": "party_network_contribute",
                "network": network,
                "membership": self._own_membership(network),
                "events": Contribution._portal_events(network),
                "currency": request.env.company.currency_id,
                "instructions": Contribution._contribution_instructions(),
                "form": {},
                "error": None,
                "pledge": Contribution,
                **values,
            }
        )
        return request.render(
            "partijnetwerken.portal_network_contribute", page, headers=PRIVATE_HEADERS
        )

    def _contribution_next_step(self, network, contribution):
        """Where a member goes once the pledge is recorded: its confirmation with
        the payment instructions. A payment bridge sends them to pay instead."""
        return request.redirect(
            f"/my/networks/{network.id}/contribute?pledge={contribution.id}"
        )

    @http.route(
        "/my/networks/<int:network_id>/contribute",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_network_contribute(
        self, network_id, amount=None, event_id=None, pledge=None, **kw
    ):
        network = self._network_or_404(network_id)
        Contribution = request.env["party.network.contribution"]
        if request.httprequest.method == "POST":
            contribution, error = self._call_model(
                Contribution._portal_create_pledge,
                network,
                amount,
                event_id,
            )
            if error:
                form = {"amount": amount, "event_id": self._int_arg(event_id)}
                return self._contribution_page(network, error=error, form=form)
            return self._contribution_next_step(network, contribution)
        shown = Contribution
        pledge_id = self._int_arg(pledge)
        if 0 < pledge_id <= MAX_ID:
            shown = Contribution.search(
                [
                    ("id", "=", pledge_id),
                    ("network_id", "=", network.id),
                    ("is_own", "=", True),
                ]
            )
        return self._contribution_page(network, pledge=shown)
