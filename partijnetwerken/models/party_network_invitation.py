# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from .boolean_search import search_own_partner
from .const import INVITATION_OPEN_STATES, OFFICE_BOARD


class PartyNetworkInvitation(models.Model):
    """An applicant's invitation to a fellow member to co-initiate a new network.

    Nobody becomes an initiator without agreeing: the applicant types addresses,
    the party members behind them get a private mail and accept in the portal.
    Until then the applicant sees only the address they typed, the same whether or
    not it belongs to a party member (``partner_id`` is for the office and board).
    """

    _name = "party.network.invitation"
    _description = "Co-initiator invitation"
    _inherit = ["party.network.record.mixin"]
    _order = "id"

    network_id = fields.Many2one(ondelete="cascade", readonly=True)
    email = fields.Char(
        required=True, readonly=True, help="The address as the applicant typed it."
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Invited member",
        index="btree_not_null",
        readonly=True,
        groups=OFFICE_BOARD,
        help="The party member with this address, if there is one.",
    )
    inviter_partner_id = fields.Many2one(
        "res.partner", string="Invited by", required=True, readonly=True
    )
    state = fields.Selection(
        [("pending", "Invited"), ("accepted", "Accepted"), ("declined", "Declined")],
        default="pending",
        required=True,
        readonly=True,
    )
    date_answered = fields.Datetime(string="Answered on", readonly=True)
    network_name = fields.Char(
        string="Network name", compute="_compute_network_info", compute_sudo=True
    )
    network_goal = fields.Text(
        string="Goal", compute="_compute_network_info", compute_sudo=True
    )
    inviter_name = fields.Char(
        string="Invited by (name)", compute="_compute_network_info", compute_sudo=True
    )
    is_mine = fields.Boolean(
        string="Invitation to me", compute="_compute_is_mine", search="_search_is_mine"
    )
    public_state = fields.Selection(
        [("pending", "Invited"), ("accepted", "Accepted")],
        string="Status",
        compute="_compute_public_state",
        help="What the applicant sees: a declined invitation looks like one that "
        "is still open, so nobody learns whose address it was.",
    )

    @api.depends("network_id.name", "network_id.goal", "inviter_partner_id.name")
    def _compute_network_info(self):
        # sudo: an invited member may not read an application they are not part of
        # yet, nor other contacts; what they are invited to is its name and goal,
        # by whom is the name the invitation mail gave them.
        for invitation in self:
            invitation.inviter_name = invitation.inviter_partner_id.name
            invitation.network_name = invitation.network_id.name
            invitation.network_goal = invitation.network_id.goal

    @api.depends("partner_id")
    @api.depends_context("uid")
    def _compute_is_mine(self):
        partner = self.env.user.partner_id
        for invitation in self:
            # sudo: the matched partner is office-only; compared with the reader.
            invitation.is_mine = invitation.sudo().partner_id == partner

    def _search_is_mine(self, operator, value):
        return search_own_partner(self, operator, value)

    @api.depends("state")
    def _compute_public_state(self):
        for invitation in self:
            invitation.public_state = (
                "accepted" if invitation.state == "accepted" else "pending"
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        raise UserError(
            self.env._("Invitations are kept as history and cannot be deleted.")
        )

    @api.model
    def _invite(self, network, addresses):
        """Invite the given addresses to co-initiate ``network`` (sudo inside).

        Every address gets an invitation; only the party members among them get a
        mail. The caller learns nothing about which addresses matched.
        """
        if not addresses:
            return self.browse()
        inviter = self.env.user.partner_id
        # sudo: portal users may not search contacts; only party members with
        # exactly one of the typed addresses are found, and never shown.
        members_sudo = (
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("email_normalized", "in", addresses),
                    ("is_party_member", "=", True),
                    ("id", "!=", inviter.id),
                ]
            )
        )
        by_email = {}
        for partner in members_sudo.sorted("id"):
            by_email.setdefault(partner.email_normalized, partner)
        # sudo: applicants have no write access on invitations; these are their own.
        invitations_sudo = self.sudo().create(
            [
                {
                    "network_id": network.id,
                    "email": address,
                    "partner_id": by_email[address].id
                    if address in by_email
                    else False,
                    "inviter_partner_id": inviter.id,
                }
                for address in addresses
            ]
        )
        network_sudo = network.sudo().with_context(pn_inviter=inviter.name)
        network_sudo._send_private_mails(
            "partijnetwerken.mail_template_network_co_initiator_invitation",
            network_sudo,
            invitations_sudo.partner_id,
        )
        return invitations_sudo.sudo(False)

    def _check_mine_and_open(self):
        self.ensure_one()
        self.check_access("read")
        if not self.is_mine:
            raise AccessError(self.env._("This invitation is not addressed to you."))
        if self.state != "pending":
            raise UserError(self.env._("You have already answered this invitation."))

    def action_accept(self):
        """Join the application as co-initiator (the invited member only)."""
        self._check_mine_and_open()
        partner = self.env.user.partner_id
        # sudo: the invited member may not write the application; they join it as
        # initiator, the one thing this invitation allows.
        invitation_sudo = self.sudo()
        network_sudo = invitation_sudo.network_id
        if network_sudo.state not in INVITATION_OPEN_STATES:
            raise UserError(
                self.env._(
                    "%(network)s no longer takes new initiators; contact the party "
                    "office if you would like to help.",
                    network=network_sudo.name,
                )
            )
        if not partner.is_party_member:
            raise UserError(
                self.env._("Only party members can co-initiate a new network.")
            )
        network_sudo.initiator_partner_ids = [Command.link(partner.id)]
        open_plans_sudo = network_sudo.plan_ids.filtered(
            lambda plan: plan.state in ("draft", "revision")
        )
        open_plans_sudo.proposed_core_partner_ids = [Command.link(partner.id)]
        invitation_sudo.write(
            {"state": "accepted", "date_answered": fields.Datetime.now()}
        )
        network_sudo.message_post(
            body=self.env._(
                "%(partner)s accepted the invitation to co-initiate this network.",
                partner=partner.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def action_decline(self):
        """Decline the invitation (the invited member only)."""
        self._check_mine_and_open()
        # sudo: invited members have no write access; this is their own answer.
        self.sudo().write({"state": "declined", "date_answered": fields.Datetime.now()})
        return True
