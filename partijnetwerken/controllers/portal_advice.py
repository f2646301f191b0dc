# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .portal import MAX_ID, PartyNetworkPortal


class PartyNetworkAdvicePortal(PartyNetworkPortal):
    """The advice of a network (DESIGN §10.4): its members read what was sent; the
    core group sees the requests, writes drafts and sends them to the bodies."""

    _advice_per_page = 20

    def _notices(self, count=0):
        notices = super()._notices(count)
        _ = request.env._
        notices.update(
            {
                "advice_saved": _("Your draft of the advice has been saved."),
                "advice_sent": _(
                    "Thank you! The advice has been sent to the bodies you chose."
                ),
            }
        )
        return notices

    def _network_page_values(self, network):
        values = super()._network_page_values(network)
        values["advice_counts"] = request.env["party.network.advice"]._portal_counts(
            network
        )
        return values

    def _advice_or_404(self, network, advice_id):
        """The advice of this network if the user may read it; 404 whatever else."""
        if advice_id > MAX_ID:
            raise NotFound()
        advice = request.env["party.network.advice"].search(
            [("id", "=", advice_id), ("network_id", "=", network.id)]
        )
        if not advice:
            raise NotFound()
        return advice

    def _core_advice_network_or_403(self, network_id):
        """The network if the user sits in its core group today (no data access
        needed: advice is not member data)."""
        network = self._network_or_404(network_id)
        if network.state != "active" or not network.user_is_core_member:
            raise Forbidden()
        return network

    def _advice_form_values(self, post):
        return {
            "name": post.get("name"),
            "content": post.get("content"),
            "form": post.get("form"),
            "body_ids": request.httprequest.form.getlist("body_ids"),
        }

    @staticmethod
    def _advice_states():
        """The labels of the states, in the reader's language, for the badges."""
        Advice = request.env["party.network.advice"]
        return dict(Advice._fields["state"]._description_selection(request.env))

    def _render_advice_form(self, network, advice, form, error=None, notice=None):
        Advice = request.env["party.network.advice"]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "party_network_advice_page"
                if advice
                else "party_network_advice_new",
                "network": network,
                "advice": advice,
                "content_text": advice._portal_plain_content() if advice else "",
                "is_core_member": network.user_is_core_member,
                "bodies": Advice._portal_bodies(),
                "forms": dict(
                    Advice._fields["form"]._description_selection(request.env)
                ),
                "advice_states": self._advice_states(),
                "form": form,
                "error": error,
                "notice": notice,
            }
        )
        return request.render("partijnetwerken.portal_network_advice_page", values)

    @http.route(
        [
            "/my/networks/<int:network_id>/advice",
            "/my/networks/<int:network_id>/advice/page/<int:page>",
        ],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_network_advice(self, network_id, page=1, **kw):
        network = self._network_or_404(network_id)
        Advice = request.env["party.network.advice"]
        is_core_member = network.user_is_core_member
        domain = [("network_id", "=", network.id)]
        open_advice = (
            Advice.search(
                [*domain, ("state", "in", ("requested", "draft"))],
                order="date_due, id desc",
                limit=100,
            )
            if is_core_member
            else Advice
        )
        sent_domain = [*domain, ("state", "in", ("sent", "answered"))]
        page = min(self._page_arg(page), MAX_ID // self._advice_per_page)
        pager = portal_pager(
            url=f"/my/networks/{network.id}/advice",
            total=Advice.search_count(sent_domain),
            page=page,
            step=self._advice_per_page,
        )
        sent_advice = Advice.search(
            sent_domain,
            order="date_sent desc, id desc",
            limit=self._advice_per_page,
            offset=pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "party_network_advice",
                "network": network,
                "is_core_member": is_core_member,
                "open_advice": open_advice,
                "sent_advice": sent_advice,
                "advice_states": self._advice_states(),
                "pager": pager,
            }
        )
        return request.render("partijnetwerken.portal_network_advice_list", values)

    @http.route(
        "/my/networks/<int:network_id>/advice/new",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_network_advice_new(
        self,
        network_id,
        name=None,
        content=None,
        form=None,
        body_ids=None,
        send=None,
        **kw,
    ):
        network = self._core_advice_network_or_403(network_id)
        Advice = request.env["party.network.advice"]
        values = {"name": name, "content": content, "form": form, "body_ids": []}
        error = None
        if request.httprequest.method == "POST":
            values = self._advice_form_values(values)
            advice, error = self._call_model(
                Advice._portal_save, network, Advice, values, send=bool(send)
            )
            if not error:
                notice = "advice_sent" if send else "advice_saved"
                return request.redirect(
                    f"/my/networks/{network.id}/advice/{advice.id}?notice={notice}"
                )
        else:
            values = {}
        return self._render_advice_form(network, Advice, values, error=error)

    @http.route(
        "/my/networks/<int:network_id>/advice/<int:advice_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_network_advice_page(
        self,
        network_id,
        advice_id,
        name=None,
        content=None,
        form=None,
        body_ids=None,
        send=None,
        notice=None,
        **kw,
    ):
        network = self._network_or_404(network_id)
        advice = self._advice_or_404(network, advice_id)
        error = None
        values = {}
        if request.httprequest.method == "POST":
            if not network.user_is_core_member:
                raise Forbidden()
            values = self._advice_form_values(
                {"name": name, "content": content, "form": form}
            )
            _saved, error = self._call_model(
                request.env["party.network.advice"]._portal_save,
                network,
                advice,
                values,
                send=bool(send),
            )
            if not error:
                notice = "advice_sent" if send else "advice_saved"
                return request.redirect(
                    f"/my/networks/{network.id}/advice/{advice.id}?notice={notice}"
                )
        return self._render_advice_form(
            network, advice, values, error=error, notice=self._notice(notice)
        )
