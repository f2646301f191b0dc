# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
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
