# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models

from .const import OFFICE_BOARD

# The digest names this many new members at most; the member list has the rest (a
# migration or a campaign can bring thousands in one day).
DIGEST_MAX_NAMES = 50


class PartyNetworkMembersMailMixin(models.AbstractModel):
    """What a network mails about its members: the core group's daily digest of
    new members, and the history of the core group's messages to all members."""

    _name = "party.network.members.mail.mixin"
    _description = "Party networks: digest and messages to all members"

    core_digest_date = fields.Datetime(
        string="Last digest for the core group",
        readonly=True,
        copy=False,
        groups=OFFICE_BOARD,
        help="Until when the new members were reported to the core group. The next "
        "digest reports the members who joined after it.",
    )
    members_message_count = fields.Integer(
        string="Messages to members",
        compute="_compute_members_message_count",
        groups=OFFICE_BOARD,
    )

    def _compute_members_message_count(self):
        counts = self._count_by_network("party.network.message", [])
        for network in self:
            network.members_message_count = counts[network]

    def action_view_members_messages(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partijnetwerken.party_network_message_action"
        )
        action["domain"] = [("network_id", "=", self.id)]
        return action

    @api.model
    def _cron_send_core_digest(self):
        """Daily: tell each network's core group who joined since the last digest.

        Only the core-group members who may see member data today receive it. It
        names the new members who share their data with the core group (as they
        do now: a consent withdrawn in the meantime counts) and only counts the
        others. Each new member is reported once: the network keeps until when it
        reported. A network whose core group has no data access keeps its new
        members for the first digest after someone gets it.
        """
        now = fields.Datetime.now()
        # sudo: the cron reads memberships and seats across networks; what leaves
        # the system is the digest below, within the core group's own rights.
        networks = self.sudo().search([("state", "=", "active")])
        if not networks:
            return
        first_since = now - timedelta(days=1)
        since = {
            network: network.core_digest_date or first_since for network in networks
        }
        new_memberships = (
            self.env["party.network.membership"]
            .sudo()
            .search(
                [
                    ("network_id", "in", networks.ids),
                    ("state", "=", "active"),
                    ("create_date", ">", min(since.values())),
                    ("create_date", "<=", now),
                ],
                order="create_date, id",
            )
        )
        by_network = new_memberships.grouped("network_id")
        Seat = self.env["party.network.core.member"].sudo()
        seats = Seat.search(
            [("network_id", "in", networks.ids), *Seat._data_access_domain()]
        ).grouped("network_id")
        reported = self.browse()
        for network in networks:
            memberships = by_network.get(network, self.env["party.network.membership"])
            memberships = memberships.filtered(
                lambda m, network=network: m.create_date > since[network]
            )
            recipients = seats.get(network, Seat).partner_id
            if memberships and not recipients:
                continue
            if memberships:
                network._send_core_digest(memberships, recipients)
            reported |= network
        reported.write({"core_digest_date": now})

    def _send_core_digest(self, memberships, recipients):
        """Mail the digest of ``memberships`` to each of ``recipients``."""
        self.ensure_one()
        shared = memberships.filtered("consent_data_sharing")
        names = sorted(shared.partner_id.mapped("name"))
        return self.with_context(
            pn_digest_names=names[:DIGEST_MAX_NAMES],
            pn_digest_more=max(len(names) - DIGEST_MAX_NAMES, 0),
            pn_digest_others=len(memberships) - len(shared),
        )._send_private_mails(
            "partijnetwerken.mail_template_network_core_digest", self, recipients
        )
