# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import Forbidden, NotFound

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.const import FOUNDING_STATES, INVITATION_OPEN_STATES
from ..models.plain_text import checkbox_value, strip_control_chars

# Ids and page numbers in URLs beyond what PostgreSQL's integer holds are not found.
MAX_ID = 2**31 - 1
# Personal data: not kept by the browser or any cache in between.
PRIVATE_HEADERS = [("Cache-Control", "no-store")]


class PartyNetworkPortal(CustomerPortal):
    """Member and core-group pages of the party networks (DESIGN §7).

    Every search runs as the portal user, so the record rules decide what is
    listed; the models hold the logic and the few narrow sudo calls.
    """

    _networks_per_page = 20
    _members_per_page = 50

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "party_network_count" in counters:
            Membership = request.env["party.network.membership"]
            values["party_network_count"] = (
                Membership.search_count(
                    [("is_own", "=", True), ("state", "=", "active")]
                )
                if Membership.has_access("read")
                else 0
            )
        return values

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _network_or_404(self, network_id):
        """The network if the current user may read it; 404 whatever else."""
        if network_id > MAX_ID:
            raise NotFound()
        network = request.env["party.network"].search([("id", "=", network_id)])
        if not network:
            raise NotFound()
        return network

    def _core_network_or_403(self, network_id):
        """The network if the user is in its core group with data access today."""
        network = self._network_or_404(network_id)
        if not request.env["party.network.core.member"]._portal_has_data_access(
            network
        ):
            raise Forbidden()
        return network

    def _own_membership(self, network):
        return request.env["party.network.membership"].search(
            [
                ("network_id", "=", network.id),
                ("is_own", "=", True),
                ("state", "=", "active"),
            ],
            limit=1,
        )

    def _call_model(self, method, *args, **kwargs):
        """Call a model method for a form.

        :return: (result, None), or (None, message for the member) when the model
            refuses; a refused call leaves nothing written behind
        """
        try:
            with request.env.cr.savepoint():
                return method(*args, **kwargs), None
        except UserError as error:
            return None, error.args[0]

    def _notice(self, code, count=0):
        """The confirmation shown after a form was handled (post/redirect/get)."""
        return self._notices(count).get(code)

    def _notices(self, count=0):
        """The confirmations by code; the controllers of other areas add theirs."""
        _ = request.env._
        return {
            "joined": _("Welcome! You are now a member of this network."),
            "left": _("You have left the network. You can join again at any time."),
            "consent_given": _(
                "Thank you. The core group can now see your name, email address, "
                "phone number and city."
            ),
            "consent_withdrawn": _(
                "Done. The core group can no longer see your details."
            ),
            "applied": _(
                "Thank you for your application! The party office will contact you "
                "about an intake conversation."
            ),
            "message_sent": _(
                "Your message is on its way to %(count)s members.", count=count
            ),
            "plan_saved": _("Your draft of the founding plan has been saved."),
            "plan_handed_in": _(
                "Thank you! The founding plan has been handed to the party office."
            ),
            "invitation_accepted": _(
                "Thank you! You are now one of the initiators of this application."
            ),
            "invitation_declined": _("You have declined the invitation."),
        }

    @staticmethod
    def _int_arg(value):
        return int(value) if isinstance(value, str) and value.isdigit() else 0

    @classmethod
    def _page_arg(cls, page):
        """A page number from the URL (``/page/<int>``) or the query string."""
        page = page if isinstance(page, int) else cls._int_arg(page)
        return min(max(page, 1), MAX_ID)

    @staticmethod
    def _search_arg(value):
        return " ".join(strip_control_chars(value).split())[:100]

    # ------------------------------------------------------------------
    # Member pages
    # ------------------------------------------------------------------

    @http.route("/my/networks", type="http", auth="user", website=True, methods=["GET"])
    def portal_my_networks(self, notice=None, **kw):
        return self._render_my_networks(notice=self._notice(notice))

    def _render_my_networks(self, notice=None, error=None):
        values = self._prepare_portal_layout_values()
        values.update(self._my_networks_values())
        values.update({"notice": notice, "error": error})
        return request.render("partijnetwerken.portal_my_networks", values)

    def _my_networks_values(self):
        """The values of ``/my/networks``; the controllers of other areas add the
        blocks of their own (registrations, contributions, ...)."""
        return {
            "page_name": "party_networks",
            "memberships": request.env["party.network.membership"].search(
                [("is_own", "=", True), ("state", "=", "active")]
            ),
            "seats": request.env["party.network.core.member"].search(
                [("user_is_member", "=", True), ("state", "!=", "ended")]
            ),
            "applications": request.env["party.network"].search(
                [("state", "in", FOUNDING_STATES)]
            ),
            "invitations": request.env["party.network.invitation"].search(
                [("is_mine", "=", True), ("state", "=", "pending")]
            ),
            "today": fields.Date.context_today(request.env.user),
        }

    @http.route(
        ["/my/networks/browse", "/my/networks/browse/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_network_browse(self, page=1, network_type=None, search=None, **kw):
        Network = request.env["party.network"]
        Seat = request.env["party.network.core.member"]
        types = dict(
            Network._fields["network_type"]._description_selection(request.env)
        )
        network_type = network_type if network_type in types else None
        search = self._search_arg(search)
        page = self._page_arg(page)
        domain = [("state", "=", "active")]
        if network_type:
            domain.append(("network_type", "=", network_type))
        if search:
            domain += ["|", ("name", "ilike", search), ("goal", "ilike", search)]
        pager = portal_pager(
            url="/my/networks/browse",
            url_args={"network_type": network_type, "search": search or None},
            total=Network.search_count(domain),
            page=page,
            step=self._networks_per_page,
        )
        networks = Network.search(
            domain, limit=self._networks_per_page, offset=pager["offset"]
        )
        joined = request.env["party.network.membership"].search(
            [
                ("network_id", "in", networks.ids),
                ("is_own", "=", True),
                ("state", "=", "active"),
            ]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "party_network_browse",
                "networks": networks,
                "joined_networks": joined.network_id,
                "core_groups": Seat._portal_core_groups(networks),
                "events": request.env["event.event"]._portal_upcoming(
                    networks, limit=2, field_names=["name", "date_begin", "date_tz"]
                ),
                "network_types": types,
                "network_type": network_type,
                "search": search,
                "pager": pager,
            }
        )
        return request.render("partijnetwerken.portal_network_browse", values)

    def _render_network(self, network, error=None, notice=None, form=None):
        values = self._prepare_portal_layout_values()
        values.update(self._network_page_values(network))
        values.update({"error": error, "notice": notice, "form": form or {}})
        return request.render("partijnetwerken.portal_network_page", values)

    def _network_page_values(self, network):
        """The values of a network's page; the controllers of other areas add the
        sections of their own (activities, working groups, advice, ...)."""
        partner = request.env.user.partner_id
        Seat = request.env["party.network.core.member"]
        return {
            "page_name": "party_network",
            "network": network,
            "membership": self._own_membership(network),
            "is_party_member": partner.is_party_member,
            "core_group": Seat._portal_core_groups(network)[network],
            "events": request.env["event.event"]._portal_upcoming(network, limit=5)[
                network
            ],
            "has_data_access": Seat._portal_has_data_access(network),
            "is_core_member": network.user_is_core_member,
            "consent_texts": request.env["party.network.consent"]._form_texts(),
            # the founding plan's card and the applicant's steps show only while
            # the network is being founded: no reading of plans and team after it
            "plan_info": request.env["party.network.plan"]._portal_info(network)
            if network.state in FOUNDING_STATES
            else {"plan": request.env["party.network.plan"], "is_writer": False},
            # co-initiators are invited while the network is being founded
            "invitations": request.env["party.network.invitation"].search(
                [
                    ("network_id", "=", network.id),
                    ("inviter_partner_id", "=", partner.id),
                ]
            )
            if network.state in INVITATION_OPEN_STATES
            else request.env["party.network.invitation"],
            "coordinator_email": network._portal_intake_info()["coordinator_email"],
        }

    @http.route(
        "/my/networks/<int:network_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_network(self, network_id, notice=None, **kw):
        network = self._network_or_404(network_id)
        return self._render_network(network, notice=self._notice(notice))

    @http.route(
        "/my/networks/<int:network_id>/join",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_join(
        self, network_id, goal_endorsed=None, consent_data_sharing=None, **kw
    ):
        network = self._network_or_404(network_id)
        consent = checkbox_value(consent_data_sharing)
        _membership, error = self._call_model(
            network.action_join,
            goal_endorsed=checkbox_value(goal_endorsed),
            consent_data_sharing=consent,
        )
        if error:
            form = {"consent_data_sharing": consent}
            return self._render_network(network, error=error, form=form)
        return request.redirect(f"/my/networks/{network.id}?notice=joined")

    @http.route(
        "/my/networks/<int:network_id>/leave",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_leave(self, network_id, **kw):
        network = self._network_or_404(network_id)
        membership = self._own_membership(network)
        if not membership:
            return request.redirect(f"/my/networks/{network.id}")
        _done, error = self._call_model(membership.action_leave)
        if error:
            return self._render_network(network, error=error)
        return request.redirect(f"/my/networks/{network.id}?notice=left")

    @http.route(
        "/my/networks/<int:network_id>/consent",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_consent(
        self, network_id, consent_data_sharing=None, return_to=None, **kw
    ):
        network = self._network_or_404(network_id)
        membership = self._own_membership(network)
        if not membership:
            return request.redirect(f"/my/networks/{network.id}")
        consent = checkbox_value(consent_data_sharing)
        _done, error = self._call_model(membership.action_set_consent, consent)
        if error:
            return self._render_network(network, error=error)
        notice = "consent_given" if consent else "consent_withdrawn"
        if return_to == "privacy":
            return request.redirect(f"/my/networks/privacy?notice={notice}")
        return request.redirect(f"/my/networks/{network.id}?notice={notice}")
