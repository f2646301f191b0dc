# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import format_date

from .boolean_search import searches_true
from .party_network_office_mixin import decision_body


class PartyNetworkCoreMember(models.Model):
    _name = "party.network.core.member"
    _description = "Core-group member"
    _inherit = [
        "party.network.thread.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "party.network.record.mixin",
        "party.network.board.decision.mixin",
    ]
    _pn_followers_office_only = True
    _board_decision_states = ("appointed",)
    _order = "network_id, state, date_start desc, id desc"
    _rec_names_search = ["partner_id", "network_id"]

    network_id = fields.Many2one(tracking=True)
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
    # The member's own flag, so the founding plan and the seats count the same
    # people the same way; ticking it here updates the contact.
    governance_experience = fields.Boolean(
        string="Governance experience",
        compute="_compute_governance_experience",
        inverse="_inverse_governance_experience",
        store=True,
        readonly=False,
        help="Has experience as a board member or office holder (the member's own "
        "flag: changing it here changes it on the contact). The national board aims "
        "for a balanced mix in every core group.",
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
    requirements_valid_until = fields.Date(
        string="Requirements valid until",
        tracking=True,
        copy=False,
        help="The confirmation of the access requirements holds until this day; "
        "from the day after, the member sees no member data until the party office "
        "confirms the requirements again.",
    )
    term_reminder_date = fields.Date(
        string="Term reminder scheduled on",
        readonly=True,
        copy=False,
        help="When the party office was reminded that this term ends; cleared when "
        "the end of the term changes.",
    )
    has_data_access = fields.Boolean(
        string="Data access today",
        compute="_compute_has_data_access",
        search="_search_has_data_access",
        help="Appointed, within the term and requirements met: this member may see "
        "the shared data of the network's consenting members today.",
    )
    user_is_member = fields.Boolean(
        string="My own seat",
        compute="_compute_user_is_member",
        search="_search_user_is_member",
    )

    _sql_constraints = [
        (
            "term_dates_coherent",
            "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
            "The end of a core-group term cannot lie before its start.",
        ),
        # Implemented by the partial unique index created in init(): it also holds
        # when two requests create the same seat at the same time.
        (
            "one_current_seat",
            "",
            "This member already has a seat in this core group.",
        ),
    ]

    @api.depends("partner_id.governance_experience")
    def _compute_governance_experience(self):
        for core_member in self:
            core_member.governance_experience = (
                core_member.partner_id.governance_experience
            )

    def _inverse_governance_experience(self):
        # sudo: only office and board may write seats (access rights), and the
        # board, who may not edit contacts, corrects the member's flag here.
        for core_member in self:
            partner_sudo = core_member.partner_id.sudo()
            if partner_sudo.governance_experience != core_member.governance_experience:
                partner_sudo.governance_experience = core_member.governance_experience

    @api.model
    def _sitting_domain(self):
        """Domain of the seats whose members sit in the core group today: appointed
        and within the term. They run the network (activities, working groups,
        advice); seeing member data needs more (``_data_access_domain``).

        Kept out of stored fields and record-rule caches on purpose: the date is
        evaluated at every search, so the end of a term takes effect at once.
        """
        today = fields.Date.context_today(self)
        return [
            ("state", "=", "appointed"),
            ("network_id.active", "=", True),
            "|",
            ("date_start", "=", False),
            ("date_start", "<=", today),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", today),
        ]

    @api.model
    def _data_access_domain(self):
        """Domain of the core-group appointments that grant data access today:
        sitting, with the requirements met and their confirmation still valid."""
        return [*self._data_access_requirements_domain(), *self._sitting_domain()]

    @api.model
    def _data_access_requirements_domain(self):
        """What a sitting member needs for data access today: the requirements
        met and their confirmation still valid."""
        today = fields.Date.context_today(self)
        return [
            ("requirements_met", "=", True),
            ("requirements_valid_until", ">=", today),
        ]

    @api.depends(
        "state",
        "requirements_met",
        "requirements_valid_until",
        "date_start",
        "date_end",
    )
    @api.depends_context("uid")
    def _compute_has_data_access(self):
        granted = self.filtered_domain(self._data_access_domain())
        for core_member in self:
            core_member.has_data_access = core_member in granted

    def _search_has_data_access(self, operator, value):
        domain = self._data_access_domain()
        if not searches_true(self.env, operator, value):
            domain = ["!", *expression.normalize_domain(domain)]
        return domain

    @api.depends("partner_id")
    @api.depends_context("uid")
    def _compute_user_is_member(self):
        partner = self.env.user.partner_id
        for core_member in self:
            core_member.user_is_member = core_member.partner_id == partner

    def _search_user_is_member(self, operator, value):
        operator = "=" if searches_true(self.env, operator, value) else "!="
        return [("partner_id", operator, self.env.user.partner_id.id)]

    @api.depends("partner_id.name", "network_id.name")
    def _compute_display_name(self):
        for core_member in self:
            # sudo: whoever may read this seat already gets the member's name through
            # partner_id; portal readers may not read other partners themselves.
            partner_sudo = core_member.partner_id.sudo()
            core_member.display_name = self.env._(
                "%(member)s – %(network)s",
                member=partner_sudo.name or "",
                network=core_member.network_id.name or "",
            )

    @api.model
    def _networks_with_data_access(self, partner):
        """Networks whose member data ``partner`` may see today, as core member."""
        return self._networks_of_role(partner, "data_access")

    @api.model
    def _networks_of_sitting_member(self, partner):
        """Networks in whose core group ``partner`` sits today."""
        return self._networks_of_role(partner, "core_member")

    @api.model
    def _networks_of_role(self, partner, role):
        # sudo: runs inside record-rule evaluation and for readers who may not read
        # the core group of other networks; the roles are those of ``partner``.
        if not partner:
            return self.env["party.network"].sudo()
        return (
            self.env["party.network"].sudo().browse(partner._pn_networks_of_role(role))
        )

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

    @api.constrains("partner_id", "state")
    def _check_party_member(self):
        for core_member in self:
            if (
                core_member.state == "appointed"
                and not core_member.partner_id.is_party_member
            ):
                raise ValidationError(
                    self.env._(
                        "Only party members can be appointed to a core group; "
                        "%(partner)s is not a party member.",
                        partner=core_member.partner_id.display_name,
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

    def _is_board_decision(self, vals):
        """Only the national board appoints (DESIGN §2.2): making a seat appointed,
        or lengthening the term of an appointed seat, is a board decision. The
        office proposes and may shorten or end a term."""
        lengthens = "date_end" in vals and any(
            seat.state == "appointed"
            and seat.date_end
            and (
                not vals["date_end"]
                or fields.Date.to_date(vals["date_end"]) > seat.date_end
            )
            for seat in self
        )
        return lengthens or super()._is_board_decision(vals)

    def _board_decision_message(self):
        return self.env._(
            "Only the national board appoints core-group members and decides on "
            "their terms; the party office can propose members."
        )

    def write(self, vals):
        if vals.get("requirements_met") and "requirements_met_date" not in vals:
            vals["requirements_met_date"] = fields.Date.context_today(self)
        if "date_end" in vals and "term_reminder_date" not in vals:
            # a new end of term gets its own reminder
            vals["term_reminder_date"] = False
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        # a pending "ended" must reach the database before a new seat of the same
        # member, or the unique index would see two current seats
        self.flush_model(["state"])
        for vals in vals_list:
            if vals.get("requirements_met") and not vals.get("requirements_met_date"):
                vals["requirements_met_date"] = fields.Date.context_today(self)
        return super().create(vals_list)

    def action_appoint(self, date_start=None, term_months=None):
        """Appoint proposed core-group members for a term (national board)."""
        self._check_role(
            "board",
            self.env._("Only the national board can appoint core-group members."),
        )
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
            start = core_member.date_start or date_start
            vals = {"state": "appointed", "date_start": start}
            if term_months:
                vals["date_end"] = start + relativedelta(months=term_months)
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

    def action_reappoint(self, months=None):
        """Reappoint for a new term, by decision of the national board.

        The term is extended by ``months``, or else by the term of the network's
        latest approved founding plan. A term that has run out starts again today.
        """
        self._check_role(
            "board",
            self.env._("Only the national board can reappoint core-group members."),
        )
        for core_member in self:
            if (
                core_member.state not in ("appointed", "ended")
                or core_member.network_id.state != "active"
            ):
                raise UserError(
                    self.env._(
                        "Only an appointed core-group member of an active network, or "
                        "one whose term has ended, can be reappointed (%(partner)s).",
                        partner=core_member.partner_id.display_name,
                    )
                )
        today = fields.Date.context_today(self)
        for core_member in self:
            term = relativedelta(months=months or core_member._default_term_months())
            running = core_member.state == "appointed" and (
                not core_member.date_end or core_member.date_end >= today
            )
            if running:
                vals = {"date_end": (core_member.date_end or today) + term}
            else:
                vals = {
                    "state": "appointed",
                    "date_start": today,
                    "date_end": today + term,
                }
            core_member.write(vals)
            core_member.activity_unlink(["partijnetwerken.mail_activity_type_term_end"])
            body = decision_body(
                self.env._(
                    "%(partner)s reappointed to the core group by the national board "
                    "(%(user)s), until %(date_end)s.",
                    partner=core_member.partner_id.name,
                    user=self.env.user.name,
                    date_end=format_date(self.env, core_member.date_end),
                )
            )
            core_member.message_post(body=body, subtype_xmlid="mail.mt_note")
            core_member.network_id.message_post(body=body, subtype_xmlid="mail.mt_note")
        return True

    def _default_term_months(self):
        """The term of the network's latest approved founding plan."""
        self.ensure_one()
        plans = self.network_id.plan_ids.filtered(lambda p: p.state == "approved")
        plan = plans.sorted(lambda p: (p.decided_date or p.create_date, p.id))[-1:]
        default = self.env["party.network.plan"].default_get(["term_months"])
        return plan.term_months or default["term_months"]

    @api.model
    def _cron_process_terms(self):
        """Daily: end the terms that have passed, and remind the party office of the
        terms that end within the configured number of weeks (once per term)."""
        today = fields.Date.context_today(self)
        self.search([("state", "=", "appointed"), ("date_end", "<", today)]).write(
            {"state": "ended"}
        )
        self._remind_coordinator_before(
            "date_end",
            "term_reminder_date",
            self.env["party.network"]._get_setting_int("term_reminder_weeks", 8),
            "partijnetwerken.mail_activity_type_term_end",
            lambda env, seat: env._(
                "The term of %(partner)s in the core group of %(network)s ends on "
                "%(date_end)s. Prepare a reappointment by the national board, or "
                "a successor.",
                partner=seat.partner_id.name,
                network=seat.network_id.name,
                date_end=format_date(env, seat.date_end),
            ),
        )

    @api.model
    def _remind_coordinator_before(
        self, date_field, stamp_field, weeks, activity_type, note, domain=()
    ):
        """Give the party's coordinator an activity for each appointed seat of an
        active network whose ``date_field`` falls within ``weeks`` from today,
        once: ``stamp_field`` keeps the day it was given.

        :param str activity_type: xmlid of the activity's type
        :param note: ``note(env, seat)``, the activity's text, in the
            coordinator's language (``env``)
        :param domain: what else the seats must meet
        :return: the seats reminded of
        """
        today = fields.Date.context_today(self)
        seats = self.search(
            [
                ("state", "=", "appointed"),
                *domain,
                (date_field, ">=", today),
                (date_field, "<=", today + relativedelta(weeks=weeks)),
                (stamp_field, "=", False),
                ("network_id.state", "=", "active"),
            ]
        )
        coordinator = self.env["party.network"]._get_coordinator_user()
        # the note is read by the coordinator: in their language
        env = self.with_context(lang=coordinator.lang or self.env.lang).env
        for seat in seats:
            seat.activity_schedule(
                activity_type,
                date_deadline=seat[date_field],
                user_id=coordinator.id or self.env.uid,
                note=note(env, seat),
            )
        seats.write({stamp_field: today})
        return seats

    # Portal: the helpers below run as the portal user; each sudo is confined
    # to one lookup and says why.

    @api.model
    def _portal_has_data_access(self, network):
        """Whether the current user may see this network's member data today."""
        network.ensure_one()
        return network in self._networks_with_data_access(self.env.user.partner_id)

    @api.model
    def _portal_core_groups(self, networks):
        """The current core group of each network, for the portal.

        :return: ``{network: [{"name", "role", "role_label"}]}``, chair first
        """
        today = fields.Date.context_today(networks)
        # sudo: portal users may not read other contacts, but the appointed core
        # group of a network they may read is known to its members.
        # Only the fields shown are read: a seat's partner has seventy columns,
        # and a page of twenty networks shows a hundred seats.
        seats_sudo = (
            self.env["party.network.core.member"]
            .sudo()
            .search_fetch(
                [
                    ("network_id", "in", networks.ids),
                    ("state", "=", "appointed"),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", today),
                ],
                ["network_id", "role", "partner_id"],
            )
        )
        seats_sudo.partner_id.fetch(["name"])
        roles = [key for key, _label in seats_sudo._fields["role"].selection]
        labels = dict(seats_sudo._fields["role"]._description_selection(self.env))
        rows = sorted(
            (roles.index(seat.role), seat.partner_id.name or "", seat.role, seat)
            for seat in seats_sudo
        )
        groups = {network: [] for network in networks}
        for _rank, name, role, seat in rows:
            groups[seat.network_id].append(
                {"name": name, "role": role, "role_label": labels[role]}
            )
        return groups

    def init(self):
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS
                party_network_core_member_one_current_seat
                ON party_network_core_member (network_id, partner_id)
             WHERE state != 'ended'
            """
        )
