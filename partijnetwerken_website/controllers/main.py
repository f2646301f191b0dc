# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.partijnetwerken.controllers.portal import MAX_ID, PartyNetworkPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


def sitemap_networks(env, rule, qs):
    """The index and every published network page."""
    if not qs or qs.lower() in "/netwerken":
        yield {"loc": "/netwerken"}
    Network = env["party.network"]
    domain = Network._website_domain()
    if qs:
        domain = [*domain, ("name", "ilike", qs)]
    for network in Network.search(domain):
        yield {"loc": network.website_url}


class PartyNetworkWebsite(http.Controller):
    """The public pages of the networks (DESIGN §10.7).

    Everything is read as the visitor: the public read rule on published active
    networks (and website_event's and the advice's rules) decides what is shown.
    """

    _networks_per_page = 20
    _search_arg = staticmethod(PartyNetworkPortal._search_arg)
    _page_arg = PartyNetworkPortal._page_arg

    def _network_types(self):
        Network = request.env["party.network"]
        return dict(Network._fields["network_type"]._description_selection(request.env))

    @http.route(
        "/netwerken",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=False,
        readonly=True,
    )
    def networks(self, network_type=None, search=None, page=1, **kw):
        Network = request.env["party.network"]
        types = self._network_types()
        network_type = network_type if network_type in types else None
        search = self._search_arg(search)
        page = self._page_arg(page)
        domain = Network._website_domain()
        if network_type:
            domain.append(("network_type", "=", network_type))
        if search:
            domain += ["|", ("name", "ilike", search), ("goal", "ilike", search)]
        pager = portal_pager(
            url="/netwerken",
            url_args={"network_type": network_type, "search": search or None},
            total=Network.search_count(domain),
            page=page,
            step=self._networks_per_page,
        )
        networks = Network.search(
            domain,
            order="network_type, name, id",
            limit=self._networks_per_page,
            offset=pager["offset"],
        )
        values = {
            "networks": networks,
            "networks_by_type": [
                (key, label, networks.filtered(lambda n, k=key: n.network_type == k))
                for key, label in types.items()
            ],
            "next_events": request.env["event.event"]._website_upcoming(
                networks, limit=1
            ),
            "latest_advice": request.env["party.network.advice"]._website_latest(
                networks
            ),
            "network_types": types,
            "network_type": network_type,
            "search": search,
            "pager": pager,
        }
        return request.render("partijnetwerken_website.network_index", values)

    def _website_network_or_404(self, network_slug):
        """The published active network of the slug, read as the visitor.

        Decided here rather than by a ``model()`` converter, whose slug redirect
        answers 403 for a network the visitor cannot read.
        """
        _name, network_id = request.env["ir.http"]._unslug(network_slug)
        if not network_id or network_id > MAX_ID:
            raise NotFound()
        Network = request.env["party.network"]
        network = Network.search(
            [("id", "=", network_id), *Network._website_domain()], limit=1
        )
        if not network:
            raise NotFound()
        return network

    @http.route(
        "/netwerken/<string:network_slug>",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=sitemap_networks,
        readonly=True,
    )
    def network(self, network_slug, **kw):
        network = self._website_network_or_404(network_slug)
        if network_slug != request.env["ir.http"]._slug(network):
            return request.redirect(network.website_url, code=301)
        contacts = request.env["party.network.core.member"]._website_core_contacts(
            network
        )
        Advice = request.env["party.network.advice"]
        values = {
            "network": network,
            "main_object": network,
            "contacts": contacts[network],
            "events": request.env["event.event"]._website_upcoming(network, limit=10)[
                network
            ],
            "advice": Advice.search(
                Advice._website_domain(network),
                order="date_sent desc, id desc",
                limit=10,
            )
            if network.network_type == "theme"
            else Advice,
            "join_url": f"/my/networks/{network.id}",
            "login_url": f"/web/login?redirect=/my/networks/{network.id}",
        }
        return request.render("partijnetwerken_website.network_page", values)
