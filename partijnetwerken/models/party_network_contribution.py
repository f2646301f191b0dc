# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import timedelta
from decimal import Decimal

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .boolean_search import search_own_partner
from .const import OFFICE_BOARD
from .export_guard import check_export_field_access
from .plain_text import strip_control_chars

# The most a member pledges in the portal at once; the office records any amount.
PORTAL_MAX_AMOUNT = Decimal(10000)
# An amount as a member types it: whole units, then "." or "," and at most two
# decimals. No thousands separators ("1.000,50" is refused, not misread).
AMOUNT_PATTERN = re.compile(r"^(\d{1,9})(?:[.,](\d{1,2}))?$")
# A second identical pledge within this time is the same form sent twice.
DUPLICATE_WINDOW = timedelta(minutes=5)


class PartyNetworkContribution(models.Model):
    """A voluntary financial contribution of a member to a network or one of its
    activities (DESIGN §10.3).

    Voluntary: nothing else depends on it. Who gave is for the party office and
    the national board only; the member reads their own, the core group reads
    none (it sees the network's ``contribution_total``).

    A pledge is recorded by ``_portal_create_pledge`` and marked paid by
    ``action_mark_paid``: a payment bridge adds the payment step in between and
    calls the latter when its transaction is done.
    """

    _name = "party.network.contribution"
    _description = "Voluntary contribution"
    _inherit = [
        "party.network.thread.mixin",
        "mail.thread",
        "party.network.record.mixin",
    ]
    _pn_followers_office_only = True
    _order = "date desc, id desc"
    _rec_name = "reference"

    network_id = fields.Many2one(tracking=True)
    event_id = fields.Many2one(
        "event.event",
        string="Activity",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        domain="[('network_id', '=', network_id)]",
        help="The activity of the network the contribution is for, if any.",
    )
    # Who gave is private: only the office and the board read the partner.
    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        index=True,
        ondelete="restrict",
        groups=OFFICE_BOARD,
    )
    amount = fields.Monetary(required=True, tracking=True)
    currency_id = fields.Many2one(
        "res.currency",
        string="Currency",
        required=True,
        readonly=True,
        default=lambda self: self.env.company.currency_id,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    date_paid = fields.Date(string="Paid on", readonly=True, copy=False)
    state = fields.Selection(
        [("pledged", "Pledged"), ("paid", "Paid"), ("cancelled", "Cancelled")],
        default="pledged",
        required=True,
        index=True,
        tracking=True,
    )
    reference = fields.Char(
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
        help="To mention with the payment, so that the party office can match it.",
    )
    is_own = fields.Boolean(
        string="My contribution",
        compute="_compute_is_own",
        search="_search_is_own",
    )

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "A contribution is more than 0."),
        ("reference_unique", "UNIQUE(reference)", "The reference must be unique."),
    ]

    @api.depends("partner_id")
    @api.depends_context("uid")
    def _compute_is_own(self):
        # sudo: comparing the restricted partner with the reader's own reveals
        # nothing about others.
        partner = self.env.user.partner_id
        for contribution in self:
            contribution.is_own = contribution.sudo().partner_id == partner

    def _search_is_own(self, operator, value):
        return search_own_partner(self, operator, value)

    @api.depends("reference", "network_id")
    @api.depends_context("uid")
    def _compute_display_name(self):
        # Who gave shows only for the office and the board.
        user = self.env.user
        full = user._is_party_office() or user._is_national_board()
        for contribution in self:
            name = f"{contribution.reference} – {contribution.network_id.name or ''}"
            if full and contribution.sudo().partner_id:
                name = f"{name} – {contribution.sudo().partner_id.name}"
            contribution.display_name = name

    @api.constrains("amount")
    def _check_amount(self):
        for contribution in self:
            if contribution.amount <= 0:
                raise ValidationError(self.env._("A contribution is more than 0."))

    @api.constrains("event_id", "network_id")
    def _check_event(self):
        for contribution in self:
            event = contribution.event_id
            if event and event.sudo().network_id != contribution.network_id:
                raise ValidationError(
                    self.env._(
                        "A contribution can only be for an activity of %(network)s.",
                        network=contribution.network_id.name,
                    )
                )

    @api.model
    def _get_mail_message_access(self, res_ids, operation, model_name=None):
        check = super()._get_mail_message_access(res_ids, operation, model_name)
        user = self.env.user
        if check == "read" and not (
            user._is_party_office() or user._is_national_board()
        ):
            # the chatter is the party office's file
            return "write"
        return check

    def export_data(self, fields_to_export):
        check_export_field_access(self, fields_to_export)
        return super().export_data(fields_to_export)

    @api.model_create_multi
    def create(self, vals_list):
        Sequence = self.env["ir.sequence"].sudo()
        new = self.env._("New")
        for vals in vals_list:
            if not vals.get("reference") or vals["reference"] == new:
                vals["reference"] = Sequence.next_by_code("party.network.contribution")
        contributions = super(
            PartyNetworkContribution, self.with_context(mail_create_nosubscribe=True)
        ).create(vals_list)
        return contributions.with_env(self.env)

    def action_mark_paid(self):
        """Mark pledges paid: the party office, or a payment bridge (as superuser)
        when the transaction is done."""
        self._check_role(
            "office", self.env._("Only the party office marks contributions paid.")
        )
        for contribution in self:
            if contribution.state == "cancelled":
                raise UserError(
                    self.env._(
                        "Contribution %(reference)s was cancelled; it cannot be paid.",
                        reference=contribution.reference,
                    )
                )
        self.filtered(lambda c: c.state == "pledged").write(
            {"state": "paid", "date_paid": fields.Date.context_today(self)}
        )
        return True

    def action_cancel(self):
        """Cancel pledges that will not be paid (the party office)."""
        self._check_role(
            "office", self.env._("Only the party office cancels contributions.")
        )
        if any(c.state == "paid" for c in self):
            raise UserError(self.env._("A paid contribution cannot be cancelled."))
        self.write({"state": "cancelled"})
        return True

    def action_reset_to_pledged(self):
        """Undo a mistake of the party office: back to pledged."""
        self._check_role(
            "office", self.env._("Only the party office changes contributions.")
        )
        self.write({"state": "pledged", "date_paid": False})
        return True

    @api.model
    def _parse_amount(self, text):
        """The amount a member typed, as a Decimal with two decimals, or raise.

        :raise ValidationError: with a message meant for the member
        """
        text = "".join(strip_control_chars(text).split()).lstrip("€")
        if not text:
            raise ValidationError(self.env._("Please fill in the amount."))
        if text.startswith("-"):
            raise ValidationError(self.env._("The amount must be more than 0."))
        match = AMOUNT_PATTERN.match(text)
        if not match:
            if re.match(r"^\d+[.,]\d{3,}$", text):
                raise ValidationError(
                    self.env._("The amount can have at most two decimals.")
                )
            raise ValidationError(
                self.env._(
                    "Please enter the amount as a number, e.g. 10 or 12,50, without "
                    "thousands separators."
                )
            )
        units, cents = match.groups()
        amount = Decimal(f"{units}.{(cents or '0').ljust(2, '0')}")
        if amount <= 0:
            raise ValidationError(self.env._("The amount must be more than 0."))
        if amount > PORTAL_MAX_AMOUNT:
            # written the Dutch way, as the form's help text: 10.000
            maximum = format(PORTAL_MAX_AMOUNT, ",.0f").replace(",", ".")
            raise ValidationError(
                self.env._(
                    "The amount can be at most %(max)s. For a larger contribution, "
                    "please contact the party office.",
                    max=maximum,
                )
            )
        return amount

    @api.model
    def _portal_events(self, network):
        """The activities of ``network`` a member may contribute to (sudo): those
        not cancelled, newest first."""
        # sudo: plain ``event`` gives portal users no access to events; these are
        # the activities of a network the member belongs to.
        return (
            self.env["event.event"]
            .sudo()
            .search(
                [
                    ("network_id", "=", network.id),
                    ("stage_id.pipe_end", "=", False),
                ],
                order="date_begin desc, id desc",
                limit=50,
            )
        )

    @api.model
    def _portal_create_pledge(self, network, amount, event_id=None):
        """Record the current user's pledge to ``network`` (or one of its
        activities) and return it.

        The payment bridge calls this too, and then sends the member to pay it.

        :param str amount: as typed (see ``_parse_amount``)
        :param event_id: id of an activity of the network (an int, or as typed),
            or empty
        """
        network = network.with_env(self.env)
        network.ensure_one()
        network.check_access("read")
        if not network.contribution_enabled:
            raise UserError(
                self.env._(
                    "%(network)s does not ask for contributions.", network=network.name
                )
            )
        if not network.user_is_member:
            raise UserError(
                self.env._(
                    "Only members of %(network)s can contribute to it.",
                    network=network.name,
                )
            )
        value = self._parse_amount(amount)
        event = self.env["event.event"]
        if event_id not in (None, False, "", 0):
            text = str(event_id)
            wanted = int(text) if text.isdigit() and len(text) < 10 else -1
            event = self._portal_events(network).filtered(lambda e: e.id == wanted)
            if not event:
                raise ValidationError(
                    self.env._("Please choose one of the activities of this network.")
                )
        partner = self.env.user.partner_id
        # sudo: members do not create contributions over RPC; this one is the
        # current user's own, with the checked values above.
        contributions_sudo = self.sudo()
        duplicate = contributions_sudo.search(
            [
                ("network_id", "=", network.id),
                ("partner_id", "=", partner.id),
                ("event_id", "=", event.id or False),
                ("amount", "=", float(value)),
                ("state", "=", "pledged"),
                ("create_date", ">=", fields.Datetime.now() - DUPLICATE_WINDOW),
            ],
            limit=1,
        )
        if duplicate:
            return self.browse(duplicate.id)
        contribution = contributions_sudo.create(
            {
                "network_id": network.id,
                "event_id": event.id or False,
                "partner_id": partner.id,
                "amount": float(value),
            }
        )
        return self.browse(contribution.id)

    @api.model
    def _contribution_instructions(self):
        """What a member reads after pledging: how to pay (the setting)."""
        return self._get_setting("contribution_instructions") or ""
