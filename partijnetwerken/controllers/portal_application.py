# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.http import request

from ..models.const import PRE_PLAN_STATES
from .portal import MAX_ID, PartyNetworkPortal


class PartyNetworkApplicationPortal(PartyNetworkPortal):
    """Applying for a new network: the application, co-initiators' invitations and
    the founding plan that the intended core group writes (DESIGN §2.9)."""

    @http.route(
        "/my/networks/apply",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_network_apply(self, **post):
        Network = request.env["party.network"]
        intake = Network._portal_intake_info()
        error = None
        if request.httprequest.method == "POST" and intake["open"]:
            network, error = self._call_model(self._apply, post)
            if not error:
                return request.redirect(f"/my/networks/{network.id}?notice=applied")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "party_network_apply",
                "intake": intake,
                "is_party_member": request.env.user.partner_id.is_party_member,
                "network_types": dict(
                    Network._fields["network_type"]._description_selection(request.env)
                ),
                "form": post if error else {},
                "error": error,
            }
        )
        return request.render("partijnetwerken.portal_network_apply", values)

    def _apply(self, post):
        return request.env["party.network"]._portal_create_application(
            post.get("name"),
            post.get("network_type"),
            post.get("goal"),
            post.get("co_initiators"),
        )

    @http.route(
        "/my/networks/invitations/<int:invitation_id>/<any(accept,decline):answer>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_invitation(self, invitation_id, answer, **kw):
        if invitation_id > MAX_ID:
            raise NotFound()
        invitation = request.env["party.network.invitation"].search(
            [("id", "=", invitation_id), ("is_mine", "=", True)]
        )
        if not invitation:
            raise NotFound()
        method = (
            invitation.action_accept
            if answer == "accept"
            else invitation.action_decline
        )
        _done, error = self._call_model(method)
        if error:
            return self._render_my_networks(error=error)
        notice = "invitation_accepted" if answer == "accept" else "invitation_declined"
        return request.redirect(f"/my/networks?notice={notice}")

    @http.route(
        "/my/networks/<int:network_id>/plan",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_network_plan(self, network_id, notice=None, **post):
        network = self._network_or_404(network_id)
        Plan = request.env["party.network.plan"]
        # the plan and its intended core group exist from the invitation to write
        # it on; before that there is nothing to show
        if network.state in PRE_PLAN_STATES:
            raise NotFound()
        plan_info = Plan._portal_info(network)
        if not plan_info["is_writer"]:
            raise Forbidden()
        error = None
        if request.httprequest.method == "POST":
            hand_in = post.get("action") == "hand_in"
            _plan, error = self._call_model(
                Plan._portal_save, network, post, hand_in=hand_in
            )
            if not error:
                notice = "plan_handed_in" if hand_in else "plan_saved"
                return request.redirect(
                    f"/my/networks/{network.id}/plan?notice={notice}"
                )
            plan_info = Plan._portal_info(network)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "party_network_plan",
                "network": network,
                "plan_info": plan_info,
                "plan": plan_info["plan"],
                "form": post if error else {},
                "error": error,
                "notice": self._notice(notice),
            }
        )
        return request.render("partijnetwerken.portal_network_plan", values)
