# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import csv
import io

from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .portal import MAX_ID, PRIVATE_HEADERS, PartyNetworkPortal

# A spreadsheet runs a cell that starts with one of these as a formula.
CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class PartyNetworkCoreGroupPortal(PartyNetworkPortal):
    """The core group's pages: the member list within consent, its CSV, and a
    message to all members (DESIGN §6)."""

    @http.route(
        [
            "/my/networks/<int:network_id>/members",
            "/my/networks/<int:network_id>/members/page/<int:page>",
        ],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_network_members(
        self, network_id, page=1, search=None, notice=None, sent=None, **kw
    ):
        network = self._core_network_or_403(network_id)
        search = self._search_arg(search)
        Membership = request.env["party.network.membership"]
        page = min(self._page_arg(page), MAX_ID // self._members_per_page)
        memberships, count, shared_count = Membership._portal_member_page(
            network,
            search=search,
            offset=(page - 1) * self._members_per_page,
            limit=self._members_per_page,
        )
        request.env["party.network.access.log"]._log(
            network, "list", len(memberships), search
        )
        pager = portal_pager(
            url=f"/my/networks/{network.id}/members",
            url_args={"search": search or None},
            total=count,
            page=page,
            step=self._members_per_page,
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "party_network_members",
                "network": network,
                "memberships": memberships,
                "count": count,
                "shared_count": shared_count,
                "private_count": max(network.member_count - shared_count, 0),
                "search": search,
                "pager": pager,
                "notice": self._notice(notice, count=self._int_arg(sent)),
            }
        )
        return request.render(
            "partijnetwerken.portal_network_members", values, headers=PRIVATE_HEADERS
        )

    @http.route(
        "/my/networks/<int:network_id>/members.csv",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_network_members_csv(self, network_id, search=None, **kw):
        network = self._core_network_or_403(network_id)
        search = self._search_arg(search)
        members = request.env["party.network.membership"]._portal_member_rows(
            network, search=search
        )
        request.env["party.network.access.log"]._log(
            network, "csv", len(members), search
        )
        _ = request.env._
        rows = [[_("Name"), _("Email"), _("Phone"), _("City")], *members]
        buffer = io.StringIO()
        # Semicolons: what spreadsheet programs with Dutch settings expect.
        writer = csv.writer(buffer, delimiter=";")
        writer.writerows([[self._csv_cell(value) for value in row] for row in rows])
        # The BOM lets spreadsheet programs read the names' accents as UTF-8.
        content = "\ufeff" + buffer.getvalue()
        filename = _("members %(network)s.csv", network=network.name)
        return request.make_response(
            content.encode(),
            headers=[
                ("Content-Type", "text/csv; charset=utf-8"),
                ("Content-Disposition", content_disposition(filename)),
                ("X-Content-Type-Options", "nosniff"),
                *PRIVATE_HEADERS,
            ],
        )

    @staticmethod
    def _csv_cell(value):
        """The value as a CSV cell that a spreadsheet shows and never runs."""
        text = value or ""
        return f"'{text}" if text.startswith(CSV_FORMULA_PREFIXES) else text

    @http.route(
        "/my/networks/<int:network_id>/message",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_network_message(self, network_id, **post):
        network = self._core_network_or_403(network_id)
        error = None
        if request.httprequest.method == "POST":
            count, error = self._call_model(
                request.env["party.network.message"]._send,
                network,
                post.get("subject"),
                post.get("body"),
            )
            if not error:
                return request.redirect(
                    f"/my/networks/{network.id}/members?notice=message_sent&sent={count}"
                )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "party_network_message",
                "network": network,
                "reply_to": network._members_reply_to(),
                # as the user: the record rule shows the core group its own
                # network's messages only
                "sent_messages": request.env["party.network.message"].search(
                    [("network_id", "=", network.id)], limit=10
                ),
                "form": post if error else {},
                "error": error,
            }
        )
        return request.render("partijnetwerken.portal_network_message", values)
