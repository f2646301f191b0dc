# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .portal import MAX_ID, PRIVATE_HEADERS, PartyNetworkPortal


class PartyNetworkWorkingGroupPortal(PartyNetworkPortal):
    """Working groups (DESIGN §10.2): the core group forms them, members join and
    leave. Who is in one is shown to the core group through the consent gate of
    the member list; other members see the count."""

    def _notices(self, count=0):
        notices = super()._notices(count)
        _ = request.env._
        notices.update(
            {
                "group_created": _("The working group has been formed."),
                "group_joined": _("You now take part in this working group."),
                "group_left": _("You no longer take part in this working group."),
            }
        )
        return notices

    def _network_page_values(self, network):
        values = super()._network_page_values(network)
        Group = request.env["party.network.working.group"]
        # only members and the core group read them (the rule); others skip it
        values["working_groups"] = (
            Group._portal_network_groups(network)
            if values.get("membership") or values.get("is_core_member")
            else Group
        )
        return values

    def _working_group_or_404(self, network, group_id):
        """The working group of ``network`` if the user may read it; 404 else."""
        if group_id > MAX_ID:
            raise NotFound()
        group = request.env["party.network.working.group"].search(
            [("id", "=", group_id), ("network_id", "=", network.id)]
        )
        if not group:
            raise NotFound()
        return group

    def _may_form_groups(self, network):
        return network.user_is_core_member or request.env.user._is_party_office()

    def _render_working_group(self, network, group, error=None, notice=None, page=1):
        Seat = request.env["party.network.core.member"]
        has_data_access = Seat._portal_has_data_access(network)
        Membership = request.env["party.network.membership"]
        members, shared_count, pager = Membership, 0, None
        if has_data_access:
            # a page of the members at a time, as the network's member list
            step = self._members_per_page
            shared_count = Membership.search_count(group._portal_members_domain())
            page = min(self._page_arg(page), MAX_ID // step)
            members = group._portal_members(offset=(page - 1) * step, limit=step)
            pager = portal_pager(
                url=f"/my/networks/{network.id}/groups/{group.id}",
                total=shared_count,
                page=page,
                step=step,
            )
            request.env["party.network.access.log"]._log(
                network, "working_group", len(members)
            )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "party_network_working_group",
                "network": network,
                "group": group,
                "membership": self._own_membership(network),
                "has_data_access": has_data_access,
                "members": members,
                "shared_count": shared_count,
                "private_count": max(group.member_count - shared_count, 0),
                "pager": pager,
                "error": error,
                "notice": notice,
            }
        )
        return request.render(
            "partijnetwerken.portal_network_working_group",
            values,
            headers=PRIVATE_HEADERS,
        )

    @http.route(
        "/my/networks/<int:network_id>/groups/new",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_working_group_new(self, network_id, name=None, description=None, **kw):
        network = self._network_or_404(network_id)
        if not self._may_form_groups(network):
            raise Forbidden()
        error = None
        if request.httprequest.method == "POST":
            group, error = self._call_model(
                request.env["party.network.working.group"]._portal_create,
                network,
                name,
                description,
            )
            if not error:
                return request.redirect(
                    f"/my/networks/{network.id}/groups/{group.id}?notice=group_created"
                )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "party_network_working_group_new",
                "network": network,
                "form": {"name": name or "", "description": description or ""}
                if error
                else {},
                "error": error,
            }
        )
        return request.render(
            "partijnetwerken.portal_network_working_group_new", values
        )

    @http.route(
        [
            "/my/networks/<int:network_id>/groups/<int:group_id>",
            "/my/networks/<int:network_id>/groups/<int:group_id>/page/<int:page>",
        ],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_working_group(self, network_id, group_id, page=1, notice=None, **kw):
        network = self._network_or_404(network_id)
        group = self._working_group_or_404(network, group_id)
        return self._render_working_group(
            network, group, notice=self._notice(notice), page=page
        )

    @http.route(
        "/my/networks/<int:network_id>/groups/<int:group_id>/join",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_working_group_join(self, network_id, group_id, **kw):
        network = self._network_or_404(network_id)
        group = self._working_group_or_404(network, group_id)
        _done, error = self._call_model(group.action_join)
        if error:
            return self._render_working_group(network, group, error=error)
        return request.redirect(
            f"/my/networks/{network.id}/groups/{group.id}?notice=group_joined"
        )

    @http.route(
        "/my/networks/<int:network_id>/groups/<int:group_id>/leave",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_working_group_leave(self, network_id, group_id, **kw):
        network = self._network_or_404(network_id)
        group = self._working_group_or_404(network, group_id)
        _done, error = self._call_model(group.action_leave)
        if error:
            return self._render_working_group(network, group, error=error)
        return request.redirect(
            f"/my/networks/{network.id}/groups/{group.id}?notice=group_left"
        )
