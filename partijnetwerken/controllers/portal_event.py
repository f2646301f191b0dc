# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.event_event import DEFAULT_TZ
from .portal import MAX_ID, PRIVATE_HEADERS, PartyNetworkPortal


class PartyNetworkEventPortal(PartyNetworkPortal):
    """The activities of a network: members register and cancel, the core group
    organises them and sees who of the consenting members comes (DESIGN §10.1)."""

    def _notices(self, count=0):
        _ = request.env._
        return {
            **super()._notices(count),
            "registered": _(
                "You are registered. You will receive a confirmation by email."
            ),
            "unregistered": _("Your registration has been cancelled."),
            "activity_created": _(
                "The activity has been created. Members can register for it now."
            ),
        }

    def _network_page_values(self, network):
        values = super()._network_page_values(network)
        Event = request.env["event.event"]
        events = values["events"]
        values.update(
            {
                "event_registrations": Event._portal_own_registrations(events),
                "event_tz": request.env.user.tz or DEFAULT_TZ,
                "event_kinds": dict(
                    Event._fields["network_activity_kind"]._description_selection(
                        request.env
                    )
                ),
                "can_organise": network.state == "active" and values["is_core_member"],
            }
        )
        return values

    def _my_networks_values(self):
        values = super()._my_networks_values()
        values.update(
            {
                "my_registrations": request.env[
                    "event.event"
                ]._portal_my_registrations(),
                "event_tz": request.env.user.tz or DEFAULT_TZ,
            }
        )
        return values

    def _network_event_or_404(self, network, event_id):
        if event_id > MAX_ID:
            raise NotFound()
        event_sudo = request.env["event.event"]._portal_network_event(network, event_id)
        if not event_sudo:
            raise NotFound()
        return event_sudo

    def _event_not_found(self, network):
        """The network's page with a message, for an activity that is not one of
        the network's (another network's, or none): answered as not found."""
        response = self._render_network(
            network,
            error=request.env._(
                "This activity is not one of the activities of this network."
            ),
        )
        response.status_code = 404
        return response

    @http.route(
        "/my/networks/<int:network_id>/events/<int:event_id>/register",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_event_register(self, network_id, event_id, **kw):
        network = self._network_or_404(network_id)
        if event_id > MAX_ID:
            raise NotFound()
        event_sudo = request.env["event.event"]._portal_network_event(network, event_id)
        if not event_sudo:
            return self._event_not_found(network)
        # No savepoint around the registration: event's mail scheduler, which a
        # new registration starts, may commit. The model checks everything first
        # and raises before it writes anything.
        try:
            event_sudo._portal_register()
        except UserError as error:
            return self._render_network(network, error=error.args[0])
        return request.redirect(f"/my/networks/{network.id}?notice=registered")

    @http.route(
        "/my/networks/<int:network_id>/events/<int:event_id>/unregister",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_event_unregister(self, network_id, event_id, **kw):
        network = self._network_or_404(network_id)
        if event_id > MAX_ID:
            raise NotFound()
        event_sudo = request.env["event.event"]._portal_network_event(network, event_id)
        if not event_sudo:
            return self._event_not_found(network)
        cancelled, error = self._call_model(event_sudo._portal_unregister)
        if error:
            return self._render_network(network, error=error)
        if not cancelled:
            return request.redirect(f"/my/networks/{network.id}")
        return request.redirect(f"/my/networks/{network.id}?notice=unregistered")

    @http.route(
        "/my/networks/<int:network_id>/events/new",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_network_event_new(self, network_id, **post):
        network = self._network_or_404(network_id)
        if network.state != "active" or not network.user_is_core_member:
            raise Forbidden()
        error = None
        form = {}
        if request.httprequest.method == "POST":
            form = self._activity_form(post)
            _event, error = self._call_model(
                request.env["event.event"]._portal_create_network_activity,
                network,
                form,
            )
            if not error:
                return request.redirect(
                    f"/my/networks/{network.id}?notice=activity_created"
                )
        Event = request.env["event.event"]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "party_network_event_new",
                "network": network,
                "event_kinds": dict(
                    Event._fields["network_activity_kind"]._description_selection(
                        request.env
                    )
                ),
                "event_tz": request.env.user.tz or DEFAULT_TZ,
                "form": form if error else {"network_members_only": "on"},
                "error": error,
            }
        )
        return request.render("partijnetwerken.portal_network_event_new", values)

    def _activity_form(self, post):
        """The values of the activity form, as text (what the browser sent)."""
        return {
            "name": post.get("name"),
            "network_activity_kind": post.get("network_activity_kind"),
            "date_begin": post.get("date_begin"),
            "date_end": post.get("date_end"),
            "address": post.get("address"),
            "online_url": post.get("online_url"),
            "seats_max": post.get("seats_max"),
            "network_members_only": post.get("network_members_only"),
        }

    @http.route(
        [
            "/my/networks/<int:network_id>/events/<int:event_id>/registrations",
            "/my/networks/<int:network_id>/events/<int:event_id>/registrations"
            "/page/<int:page>",
        ],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_network_event_registrations(self, network_id, event_id, page=1, **kw):
        network = self._core_network_or_403(network_id)
        event_sudo = self._network_event_or_404(network, event_id)
        # a page of the names at a time, as the network's member list
        step = self._members_per_page
        # all the names' ids in one search (at most the activity's registrations),
        # then the fields of one page's only
        shared_ids = event_sudo._portal_registration_memberships().ids
        shared_count = len(shared_ids)
        page = min(self._page_arg(page), MAX_ID // step)
        memberships = request.env["party.network.membership"].browse(
            shared_ids[(page - 1) * step : page * step]
        )
        request.env["party.network.access.log"]._log(
            network, "registrations", len(memberships)
        )
        url = f"/my/networks/{network.id}/events/{event_sudo.id}/registrations"
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "party_network_event_registrations",
                "network": network,
                "event": event_sudo,
                "memberships": memberships,
                "registration_count": event_sudo.seats_taken,
                "private_count": max(event_sudo.seats_taken - shared_count, 0),
                "pager": portal_pager(
                    url=url, total=shared_count, page=page, step=step
                ),
                "event_tz": request.env.user.tz or DEFAULT_TZ,
            }
        )
        return request.render(
            "partijnetwerken.portal_network_event_registrations",
            values,
            headers=PRIVATE_HEADERS,
        )
