# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .const import CONSENT_CHANNELS, OFFICE_BOARD

CONSENT_EVENTS = [
    ("join", "Joined the network"),
    ("change", "Consent changed"),
    ("leave", "Left the network"),
]


class PartyNetworkConsent(models.Model):
    """One row per consent event of a membership: the proof of consent (GDPR art. 7:
    who, when, through which channel, and the text the member agreed to).

    Written only by the membership's one consent path (``_record_consent``);
    nobody changes or deletes a row.
    """

    _name = "party.network.consent"
    _description = "Consent register"
    _inherit = ["party.network.register.mixin", "party.network.record.mixin"]
    _order = "date desc, id desc"
    _rec_name = "membership_id"

    membership_id = fields.Many2one(
        "party.network.membership",
        string="Membership",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    network_id = fields.Many2one(readonly=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
        groups=OFFICE_BOARD,
    )
    consent = fields.Boolean(
        string="Shares data",
        readonly=True,
        help="Whether the member shared their data with the core group from then on.",
    )
    event = fields.Selection(CONSENT_EVENTS, required=True, readonly=True)
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    channel = fields.Selection(CONSENT_CHANNELS, required=True, readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Recorded by",
        readonly=True,
        ondelete="set null",
        help="The user whose action this was: the member, the party office, or the "
        "user who merged or closed the network.",
    )
    consent_text = fields.Text(
        string="Text agreed to",
        readonly=True,
        help="The text of the form as the member saw it, in their language.",
    )

    @api.model
    def _form_texts(self):
        """The texts of the consent forms, in the language of the environment.

        The portal forms show them and the register keeps them: one place, so the
        form and the proof cannot drift apart.
        """
        _ = self.env._
        return {
            "join": _(
                "Share my name, email address, phone number and city with the core "
                "group of this network (optional)"
            ),
            "join_help": _(
                "The core group uses them to invite you and to get in touch. You can "
                "also join without sharing, and you can withdraw your consent at any "
                "time on this page: the core group then no longer sees your details."
            ),
            "give": _(
                "Share my name, email address, phone number and city with the core "
                "group"
            ),
            "withdraw": _("Stop sharing my details"),
            "leave": _("Your membership ends today. You can join again at any time."),
        }

    @api.model
    def _text_for(self, event, consent, channel, lang):
        """The form text behind a consent event, in ``lang``: the join form for a
        member joining in the portal, the leave form for leaving, else the button
        that gives or withdraws consent."""
        texts = self.with_context(lang=lang)._form_texts()
        if event == "join" and channel == "portal":
            return f"{texts['join']}\n{texts['join_help']}"
        if event == "leave":
            return texts["leave"]
        return texts["give"] if consent else texts["withdraw"]

    # The member's own view of their network data (GDPR arts. 15 and 20): the
    # privacy page and the download. Everything here is about the current user's
    # own memberships; nothing about anyone else but the names and roles of the
    # core-group members who can see their data.

    @api.model
    def _portal_own_memberships(self):
        """All memberships of the current user, active ones first."""
        return self.env["party.network.membership"].search(
            [("is_own", "=", True)], order="state, date_joined desc"
        )

    @api.model
    def _portal_privacy_overview(self):
        """Per network of the current user: the membership, the consent history,
        who of the core group can see their data today, and how often the member
        list of the network was opened in the last twelve months.

        :return: list of dicts ``membership, consents, viewers, opened``
        """
        memberships = self._portal_own_memberships()
        consents = self.search([("membership_id", "in", memberships.ids)])
        networks = memberships.network_id
        since = fields.Datetime.now() - relativedelta(months=12)
        # sudo: the access log is for the office; a member learns only how often
        # the member lists of their own networks were opened, not by whom.
        opened = dict(
            self.env["party.network.access.log"]
            .sudo()
            ._read_group(
                [
                    ("network_id", "in", networks.ids),
                    ("date", ">=", since),
                    ("kind", "in", ("list", "csv")),
                ],
                ["network_id"],
                ["__count"],
            )
        )
        viewers = self._portal_data_viewers(networks)
        return [
            {
                "membership": membership,
                "consents": consents.filtered(
                    lambda c, m=membership: c.membership_id == m
                ),
                "viewers": viewers[membership.network_id]
                if membership.state == "active" and membership.consent_data_sharing
                else [],
                "opened": opened.get(membership.network_id, 0),
            }
            for membership in memberships
        ]

    @api.model
    def _portal_data_viewers(self, networks):
        """The core-group members who may see member data of each network today.

        :return: ``{network: [{"name", "role_label"}]}``
        """
        Seat = self.env["party.network.core.member"]
        # sudo: members may not read the seats of the core group; the names and
        # roles of its members are known to the network's members.
        seats_sudo = Seat.sudo().search(
            [("network_id", "in", networks.ids), *Seat._data_access_domain()],
            order="role, id",
        )
        labels = dict(Seat._fields["role"]._description_selection(self.env))
        viewers = {network: [] for network in networks}
        for seat in seats_sudo:
            viewers[seat.network_id].append(
                {"name": seat.partner_id.name, "role_label": labels[seat.role]}
            )
        return viewers

    @api.model
    def _portal_privacy_export(self):
        """All network data of the current user, for the download (a dict that
        serialises to JSON). The areas of the second stage add their sections
        by extending this method."""
        memberships = self._portal_own_memberships()
        consents = self.search(
            [("membership_id", "in", memberships.ids)], order="date, id"
        )
        partner = self.env.user.partner_id
        return {
            "exported_on": fields.Datetime.to_string(fields.Datetime.now()),
            "member": {"name": partner.name, "email": partner.email or None},
            "memberships": [
                {
                    "network": membership.network_id.name,
                    "state": membership.state,
                    "date_joined": fields.Date.to_string(membership.date_joined),
                    "date_left": fields.Date.to_string(membership.date_left) or None,
                    "goal_endorsed": membership.goal_endorsed,
                    "shares_data_with_core_group": membership.consent_data_sharing,
                }
                for membership in memberships
            ],
            "consent_history": [
                {
                    "network": consent.network_id.name,
                    "date": fields.Datetime.to_string(consent.date),
                    "event": consent.event,
                    "consent": consent.consent,
                    "channel": consent.channel,
                    "text": consent.consent_text,
                }
                for consent in consents
            ],
            "registrations": self._privacy_export_registrations(partner),
            "working_groups": [
                {"network": group.network_id.name, "working_group": group.name}
                for membership in memberships
                for group in membership.sudo().working_group_ids
            ],
            "contributions": [
                {
                    "network": contribution.network_id.name,
                    # sudo: plain ``event`` gives portal users no access to events
                    "activity": contribution.sudo().event_id.name or None,
                    "amount": contribution.amount,
                    "currency": contribution.currency_id.name,
                    "date": fields.Date.to_string(contribution.date),
                    "state": contribution.state,
                    "reference": contribution.reference,
                }
                for contribution in self.env["party.network.contribution"].search(
                    [("is_own", "=", True)], order="id"
                )
            ],
        }

    @api.model
    def _privacy_export_registrations(self, partner):
        # sudo: plain ``event`` gives portal users no access to registrations;
        # restricted to the member's own partner and to network activities.
        registrations = (
            self.env["event.registration"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("event_id.network_id", "!=", False),
                ],
                order="id",
            )
        )
        return [
            {
                "activity": registration.event_id.name,
                "network": registration.event_id.network_id.name,
                "date": fields.Datetime.to_string(registration.event_id.date_begin),
                "state": registration.state,
            }
            for registration in registrations
        ]
