# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression


class PartyNetworkCoreMember(models.Model):
    _name = "party.network.core.member"
    _description = "Core-group member"
    _inherit = ["mail.thread"]
    _order = "network_id, state, date_start desc, id desc"
    _rec_names_search = ["partner_id", "network_id"]

    network_id = fields.Many2one(
        "party.network",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    role = fields.Selection(
        [
            ("chair", "Chair"),
            ("secretary", "Secretary"),
            ("treasurer", "Treasurer"),
            ("member", "Member"),
        ],
        default="member",
        required=True,
        tracking=True,
    )
    governance_experience = fields.Boolean(
        help="Has experience as a board member or office holder. The national board "
        "aims for a balanced mix in every core group.",
        tracking=True,
    )
    date_start = fields.Date(string="Term start", tracking=True)
    date_end = fields.Date(string="Term end", tracking=True)
    state = fields.Selection(
        [("proposed", "Proposed"), ("appointed", "Appointed"), ("ended", "Ended")],
        default="proposed",
        required=True,
        index=True,
        tracking=True,
    )
    requirements_met = fields.Boolean(
        string="Access requirements met",
        help="The member meets the requirements for access to member data, such as a "
        "signed confidentiality statement. Without it the member sees no member data.",
        tracking=True,
    )
    requirements_met_date = fields.Date(string="Requirements met on", tracking=True)
    has_data_access = fields.Boolean(
        compute="_compute_has_data_access",
        search="_search_has_data_access",
        help="Appointed, within the term and requirements met: this member may see "
        "the shared data of the network's consenting members today.",
    )
    user_is_member = fields.Boolean(
        string="Is me",
        compute="_compute_user_is_member",
        search="_search_user_is_member",
    )

    _sql_constraints = [
        (
            "term_dates_coherent",
            "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
            "The end of a core-group term cannot lie before its start.",
        ),
    ]

    @api.model
    def _data_access_domain(self):
        """Domain of the core-group appointments that grant data access today.

        Kept out of stored fields and record-rule caches on purpose: the date is
        evaluated at every search, so the end of a term revokes access at once.
        """
        today = fields.Date.context_today(self)
        return [
            ("state", "=", "appointed"),
            ("requirements_met", "=", True),
            ("network_id.active", "=", True),
            "|",
            ("date_start", "=", False),
            ("date_start", "<=", today),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", today),
        ]

    @api.depends("state", "requirements_met", "date_start", "date_end")
    @api.depends_context("uid")
    def _compute_has_data_access(self):
        granted = self.filtered_domain(self._data_access_domain())
        for core_member in self:
            core_member.has_data_access = core_member in granted

    def _search_has_data_access(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on data access."))
        domain = self._data_access_domain()
        if (operator == "=") != value:
            domain = ["!", *expression.normalize_domain(domain)]
        return domain

    @api.depends("partner_id")
    @api.depends_context("uid")
    def _compute_user_is_member(self):
        partner = self.env.user.partner_id
        for core_member in self:
            core_member.user_is_member = core_member.partner_id == partner

    def _search_user_is_member(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on core-group member."))
        positive = (operator == "=") == value
        return [("partner_id", "=" if positive else "!=", self.env.user.partner_id.id)]

    @api.model
    def _networks_with_data_access(self, partner):
        """Networks whose member data ``partner`` may see today, as core member."""
        # sudo: runs inside record-rule evaluation and for readers who may not read
        # the core group of other networks; the domain is restricted to ``partner``.
        core_members_sudo = self.sudo().search(
            [("partner_id", "=", partner.id), *self._data_access_domain()]
        )
        return core_members_sudo.network_id

    @api.constrains("state", "date_start", "date_end")
    def _check_term(self):
        for core_member in self:
            if core_member.state == "appointed" and not core_member.date_start:
                raise ValidationError(
                    self.env._(
                        "An appointed core-group member needs a term start date "
                        "(%(partner)s in %(network)s).",
                        partner=core_member.partner_id.display_name,
                        network=core_member.network_id.display_name,
                    )
                )
            if (
                core_member.date_start
                and core_member.date_end
                and core_member.date_end < core_member.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "The end of a core-group term cannot lie before its start "
                        "(%(partner)s in %(network)s).",
                        partner=core_member.partner_id.display_name,
                        network=core_member.network_id.display_name,
                    )
                )

    @api.constrains("partner_id", "network_id", "state")
    def _check_one_seat(self):
        for core_member in self.filtered(lambda c: c.state != "ended"):
            duplicate = self.search_count(
                [
                    ("id", "!=", core_member.id),
                    ("network_id", "=", core_member.network_id.id),
                    ("partner_id", "=", core_member.partner_id.id),
                    ("state", "!=", "ended"),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "%(partner)s already has a seat in the core group of "
                        "%(network)s.",
                        partner=core_member.partner_id.display_name,
                        network=core_member.network_id.display_name,
                    )
                )

    @api.onchange("requirements_met")
    def _onchange_requirements_met(self):
        if self.requirements_met and not self.requirements_met_date:
            self.requirements_met_date = fields.Date.context_today(self)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        if any(core_member.state != "proposed" for core_member in self):
            raise UserError(
                self.env._(
                    "Core-group history cannot be deleted. End the term instead."
                )
            )

    def write(self, vals):
        if vals.get("requirements_met") and "requirements_met_date" not in vals:
            vals["requirements_met_date"] = fields.Date.context_today(self)
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("requirements_met") and not vals.get("requirements_met_date"):
                vals["requirements_met_date"] = fields.Date.context_today(self)
        return super().create(vals_list)

    def action_appoint(self, date_start=None, term_months=None):
        """Appoint proposed core-group members for a term."""
        date_start = date_start or fields.Date.context_today(self)
        for core_member in self:
            if core_member.state != "proposed":
                raise UserError(
                    self.env._(
                        "Only a proposed core-group member can be appointed "
                        "(%(partner)s).",
                        partner=core_member.partner_id.display_name,
                    )
                )
            vals = {"state": "appointed", "date_start": date_start}
            if term_months:
                vals["date_end"] = date_start + relativedelta(months=term_months)
            core_member.write(vals)
        return True

    def action_end(self):
        """End the term today: access to member data stops at once."""
        today = fields.Date.context_today(self)
        for core_member in self.filtered(lambda c: c.state != "ended"):
            vals = {"state": "ended"}
            if not core_member.date_end or core_member.date_end > today:
                vals["date_end"] = max(today, core_member.date_start or today)
            core_member.write(vals)
        return True
