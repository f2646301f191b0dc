# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import psycopg2
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .export_guard import check_export_field_access

from .party_network_membership import OFFICE_BOARD

NETWORK_STATES = [
    ("application", "Application"),
    ("intake", "Intake"),
    ("plan", "Founding plan"),
    ("submitted", "Submitted to the board"),
    ("active", "Active"),
    ("rejected", "Rejected"),
    ("merged", "Merged"),
    ("closed", "Closed"),
]


class PartyNetwork(models.Model):
    _name = "party.network"
    _description = "Party network"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _order = "name, id"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    color = fields.Integer()
    network_type = fields.Selection(
        [("theme", "Theme network"), ("target_group", "Target-group network")],
        string="Type",
        required=True,
        default="theme",
        tracking=True,
        help="Theme networks gather members with expertise on a societal theme and "
        "give advice; target-group networks gather members who share a trait.",
    )
    goal = fields.Text(
        tracking=True,
        help="The goal every member endorses when joining.",
    )
    initiator_partner_ids = fields.Many2many(
        "res.partner",
        "party_network_initiator_rel",
        "network_id",
        "partner_id",
        string="Initiators",
        groups=OFFICE_BOARD,
        help="The members who applied for this network.",
    )
    state = fields.Selection(
        NETWORK_STATES,
        default="application",
        required=True,
        index=True,
        tracking=True,
        group_expand="_group_expand_states",
    )
    origin = fields.Selection(
        [("members", "Members"), ("board", "National board")],
        default="members",
        required=True,
        tracking=True,
        help="Members apply through the party office; the national board may "
        "establish a network on its own initiative and skip the intake.",
    )
    membership_ids = fields.One2many(
        "party.network.membership",
        "network_id",
        string="Memberships",
        groups=OFFICE_BOARD,
    )
    member_count = fields.Integer(
        string="Members", compute="_compute_member_count", compute_sudo=True
    )
    core_member_ids = fields.One2many(
        "party.network.core.member", "network_id", string="Core group"
    )
    core_member_count = fields.Integer(
        string="Core-group members",
        compute="_compute_core_member_count",
        compute_sudo=True,
    )
    plan_ids = fields.One2many(
        "party.network.plan", "network_id", string="Founding plans"
    )
    plan_count = fields.Integer(
        string="Plan count", compute="_compute_plan_count", compute_sudo=True
    )
    date_start = fields.Date(string="Active since", tracking=True, copy=False)
    target_member_count = fields.Integer(
        string="Member target",
        default=lambda self: self._default_target_member_count(),
        help="The number of members the network aims for one year after it starts.",
    )
    target_date = fields.Date(
        compute="_compute_target_date",
        store=True,
        readonly=False,
        help="The date by which the network aims to reach its member target.",
    )
    merged_into_id = fields.Many2one(
        "party.network",
        string="Merged into",
        index="btree_not_null",
        tracking=True,
        copy=False,
    )
    event_ids = fields.One2many("event.event", "network_id", string="Events")
    event_count = fields.Integer(
        string="Event count", compute="_compute_event_count", compute_sudo=True
    )

    _sql_constraints = [
        (
            "target_member_count_positive",
            "CHECK(target_member_count >= 0)",
            "The member target cannot be negative.",
        ),
    ]

    @api.model
    def _default_target_member_count(self):
        return self._get_setting_int("target_member_count", 50)

    @api.model
    def _get_setting_int(self, key, default):
        value = (
            self.env["ir.config_parameter"].sudo().get_param(f"partijnetwerken.{key}")
        )
        try:
            return int(value)
        except (TypeError, ValueError):
            return default

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in NETWORK_STATES]

    def _count_by_network(self, model_name, domain):
        """Count related records for all networks in ``self`` with one query."""
        counts = dict(
            self.env[model_name]._read_group(
                [("network_id", "in", self.ids), *domain],
                ["network_id"],
                ["__count"],
            )
        )
        return {network: counts.get(network, 0) for network in self}

    def _compute_member_count(self):
        counts = self._count_by_network(
            "party.network.membership", [("state", "=", "active")]
        )
        for network in self:
            network.member_count = counts[network]

    def _compute_core_member_count(self):
        counts = self._count_by_network(
            "party.network.core.member", [("state", "!=", "ended")]
        )
        for network in self:
            network.core_member_count = counts[network]

    def _compute_plan_count(self):
        counts = self._count_by_network("party.network.plan", [])
        for network in self:
            network.plan_count = counts[network]

    def _compute_event_count(self):
        counts = self._count_by_network("event.event", [])
        for network in self:
            network.event_count = counts[network]

    @api.depends("date_start")
    def _compute_target_date(self):
        months = self._get_setting_int("target_months", 12)
        for network in self:
            network.target_date = network.date_start and (
                network.date_start + relativedelta(months=months)
            )

    def _compute_access_url(self):
        super()._compute_access_url()
        for network in self:
            network.access_url = f"/my/networks/{network.id}"

    @api.constrains("merged_into_id")
    def _check_merged_into(self):
        for network in self:
            if network.merged_into_id == network:
                raise ValidationError(
                    self.env._("A network cannot be merged into itself.")
                )

    def export_data(self, fields_to_export):
        check_export_field_access(self, fields_to_export)
        return super().export_data(fields_to_export)

    def action_view_memberships(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partijnetwerken.party_network_membership_action"
        )
        action["domain"] = [("network_id", "=", self.id)]
        action["context"] = {
            "default_network_id": self.id,
            "search_default_filter_active": 1,
        }
        return action

    def action_view_core_members(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partijnetwerken.party_network_core_member_action"
        )
        action["domain"] = [("network_id", "=", self.id)]
        action["context"] = {"default_network_id": self.id}
        return action

    def action_view_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partijnetwerken.party_network_plan_action"
        )
        action["domain"] = [("network_id", "=", self.id)]
        action["context"] = {"default_network_id": self.id}
        return action

    def action_view_events(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "event.action_event_view"
        )
        action["domain"] = [("network_id", "=", self.id)]
        action["context"] = {"default_network_id": self.id}
        return action

    def action_join(self, goal_endorsed=False, consent_data_sharing=False):
        """Make the current user's partner an active member of this network.

        Idempotent: a member who is already active gets the existing membership.
        """
        self.ensure_one()
        self.check_access("read")
        partner = self.env.user.partner_id
        if self.state != "active":
            raise UserError(
                self.env._("%(network)s does not accept members.", network=self.name)
            )
        if not partner.is_party_member:
            raise UserError(
                self.env._(
                    "Only party members can join a network. Become a member of the "
                    "party first, or contact the party office if you already are."
                )
            )
        if not goal_endorsed:
            raise ValidationError(
                self.env._(
                    "To join %(network)s you must endorse its goal.", network=self.name
                )
            )
        # sudo: members cannot write memberships; this one is their own, created
        # for the current user's partner only.
        memberships_sudo = self.env["party.network.membership"].sudo()
        domain = [
            ("network_id", "=", self.id),
            ("partner_id", "=", partner.id),
            ("state", "=", "active"),
        ]
        existing = memberships_sudo.search(domain, limit=1)
        if existing:
            return existing.with_env(self.env)
        try:
            with self.env.cr.savepoint():
                membership = memberships_sudo.create(
                    {
                        "network_id": self.id,
                        "partner_id": partner.id,
                        "goal_endorsed": True,
                        "consent_data_sharing": bool(consent_data_sharing),
                    }
                )
        except psycopg2.IntegrityError:
            # A concurrent request created the same membership first.
            raise UserError(
                self.env._("You are already a member of %(network)s.", network=self.name)
            ) from None
        return membership.with_env(self.env)
