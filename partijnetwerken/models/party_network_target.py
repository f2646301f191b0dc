# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .const import OFFICE_BOARD

TARGET_STATUSES = [
    ("on_track", "On track"),
    ("behind", "Behind"),
    ("reached", "Reached"),
    ("missed", "Missed"),
]
# Counts smaller than this are printed as "< 5" in the health pack, so that a
# province with one or two members does not single them out.
SMALL_COUNT = 5
# How many months the health pack's member table shows at most.
PACK_MONTHS = 24
ADVICE_MODEL = "party.network.advice"


class PartyNetworkTargetMixin(models.AbstractModel):
    """Steering the networks (DESIGN §10.5): the member target and its status,
    the breadth over the provinces, the periodic evaluation and the health pack.

    A part of ``party.network`` (which inherits it), kept in a file of its own.
    """

    _name = "party.network.target.mixin"
    _description = "Party networks: targets, breadth and evaluations"

    target_progress = fields.Float(
        string="Progress to target (%)",
        compute="_compute_target_progress",
        compute_sudo=True,
        digits=(16, 1),
        help="Active members as a percentage of the member target.",
    )
    target_status = fields.Selection(
        TARGET_STATUSES,
        string="Target status",
        compute="_compute_target_progress",
        compute_sudo=True,
        search="_search_target_status",
        help="For an active network, today: reached (the member target is met), "
        "missed (the target date passed without it), on track (at least as many "
        "members as an even growth to the target would give by now) or behind.",
    )
    province_count = fields.Integer(
        string="Provinces",
        compute="_compute_province_count",
        compute_sudo=True,
        help="In how many provinces the active members live.",
    )
    next_evaluation_date = fields.Date(
        string="Next evaluation",
        compute="_compute_next_evaluation_date",
        store=True,
        readonly=False,
        tracking=True,
        copy=False,
        help="When the party office prepares the next evaluation: some months "
        "after the start, then as the national board decides at each evaluation.",
    )
    target_reminder_date = fields.Date(
        string="Target reminder on",
        readonly=True,
        copy=False,
        groups=OFFICE_BOARD,
        help="When the party office was told that the network is behind its "
        "member target; once per network and target date.",
    )
    evaluation_ids = fields.One2many(
        "party.network.evaluation",
        "network_id",
        string="Evaluations",
        groups=OFFICE_BOARD,
    )
    evaluation_count = fields.Integer(
        string="Evaluation count",
        compute="_compute_evaluation_count",
        compute_sudo=True,
        groups=OFFICE_BOARD,
    )

    @api.depends_context("tz")
    def _compute_target_progress(self):
        today = fields.Date.context_today(self)
        for network in self:
            target = network.target_member_count
            network.target_progress = (
                round(100.0 * network.member_count / target, 1) if target else 0.0
            )
            network.target_status = network._target_status_on(today)

    def _target_status_on(self, day):
        """The target status of one network on ``day`` (False unless active)."""
        self.ensure_one()
        target = self.target_member_count
        if self.state != "active" or not self.date_start or not target:
            return False
        if self.member_count >= target:
            return "reached"
        deadline = self.target_date or self.date_start
        if day > deadline:
            return "missed"
        total_days = (deadline - self.date_start).days
        elapsed_days = max((day - self.date_start).days, 0)
        expected = target * elapsed_days / total_days if total_days > 0 else target
        return "on_track" if self.member_count >= expected else "behind"

    def _search_target_status(self, operator, value):
        if operator in ("=", "!="):
            values = {value}
        elif operator in ("in", "not in") and isinstance(value, list | tuple):
            values = set(value)
        else:
            raise UserError(self.env._("The target status cannot be searched so."))
        positive = operator in ("=", "in")
        # sudo: the status is a figure of the active networks, which everyone
        # may read; the ids only go into the reader's own search.
        networks_sudo = self.sudo().search([("state", "=", "active")])
        statuses = {network.id: network.target_status for network in networks_sudo}
        if False in values or None in values:
            # "no status" is every network that has none of the other values
            ids = [key for key, status in statuses.items() if status not in values]
            positive = not positive
        else:
            ids = [key for key, status in statuses.items() if status in values]
        return [("id", "in" if positive else "not in", ids)]

    def _compute_province_count(self):
        counts = dict(
            self.env["party.network.membership"]._read_group(
                [
                    ("network_id", "in", self.ids),
                    ("state", "=", "active"),
                    ("partner_state_id", "!=", False),
                ],
                ["network_id"],
                ["partner_state_id:count_distinct"],
            )
        )
        for network in self:
            network.province_count = counts.get(network, 0)

    @api.depends("date_start")
    def _compute_next_evaluation_date(self):
        months = self._get_setting_int("evaluation_months", 12)
        for network in self:
            network.next_evaluation_date = network.date_start and (
                network.date_start + relativedelta(months=months)
            )

    def _compute_evaluation_count(self):
        counts = self._count_by_network("party.network.evaluation", [])
        for network in self:
            network.evaluation_count = counts[network]

    def write(self, vals):
        if ("target_date" in vals or "date_start" in vals) and not self.env.context.get(
            "pn_keep_target_reminder"
        ):
            # a new target date gets its own reminder
            vals = {**vals, "target_reminder_date": False}
        return super().write(vals)

    def action_create_evaluation(self):
        """Prepare the evaluation of this network (party office): the open one, or
        a new draft for the period since the start or the last decision."""
        self.ensure_one()
        self._check_role(
            "office", self.env._("Only the party office prepares an evaluation.")
        )
        evaluation = self._open_evaluation() or self._create_evaluation()
        return {
            "type": "ir.actions.act_window",
            "res_model": "party.network.evaluation",
            "res_id": evaluation.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_view_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partijnetwerken.party_network_evaluation_action"
        )
        action["domain"] = [("network_id", "=", self.id)]
        action["context"] = {"default_network_id": self.id}
        return action

    def _open_evaluation(self):
        self.ensure_one()
        return self.env["party.network.evaluation"].search(
            [("network_id", "=", self.id), ("state", "in", ("draft", "submitted"))],
            limit=1,
        )

    def _last_decided_evaluation(self):
        self.ensure_one()
        return self.env["party.network.evaluation"].search(
            [("network_id", "=", self.id), ("state", "=", "decided")],
            order="period_end desc, id desc",
            limit=1,
        )

    def _evaluation_period(self):
        """The period the next evaluation covers: from the start, or the day after
        the period of the last decided evaluation, until today."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        last = self._last_decided_evaluation()
        start = last.period_end + relativedelta(days=1) if last else self.date_start
        return min(start or today, today), today

    def _create_evaluation(self):
        self.ensure_one()
        if self.state != "active":
            raise UserError(
                self.env._(
                    "Only an active network is evaluated; %(network)s is at the "
                    "stage %(state)s.",
                    network=self.name,
                    state=self._state_label(),
                )
            )
        period_start, period_end = self._evaluation_period()
        return self.env["party.network.evaluation"].create(
            {
                "network_id": self.id,
                "period_start": period_start,
                "period_end": period_end,
            }
        )

    # ------------------------------------------------------------------
    # Figures: the evaluation freezes them, the health pack prints them
    # ------------------------------------------------------------------

    def _steering_figures(self, period_start, period_end):
        """The figures of one network for an evaluation over the period.

        Member figures are those of today (the day of submission); activities,
        registrations and advice are those of the period. Aggregates only.
        """
        self.ensure_one()
        # sudo: the figures are counts; office and board may not read every
        # registration or advice, and no record is returned.
        network_sudo = self.sudo()
        memberships_sudo = self.env["party.network.membership"].sudo()
        active = [("network_id", "=", self.id), ("state", "=", "active")]
        member_count = memberships_sudo.search_count(active)
        consenting = memberships_sudo.search_count(
            [*active, ("consent_data_sharing", "=", True)]
        )
        events_sudo = self._events_in_period(period_start, period_end)
        registrations = dict(
            self.env["event.registration"]
            .sudo()
            ._read_group(
                [
                    ("event_id", "in", events_sudo.ids),
                    ("state", "in", ("open", "done")),
                ],
                ["state"],
                ["__count"],
            )
        )
        advice = self._advice_figures(period_start, period_end)
        core_members_sudo = self.env["party.network.core.member"].sudo()
        return {
            "member_count": member_count,
            "target_member_count": network_sudo.target_member_count,
            "consent_rate": round(100.0 * consenting / member_count, 1)
            if member_count
            else 0.0,
            "activity_count": len(events_sudo),
            "registration_count": sum(registrations.values()),
            "attended_count": registrations.get("done", 0),
            "advice_count": advice["count"],
            "advice_adopted_count": advice["adopted"],
            "core_member_count": core_members_sudo.search_count(
                [("network_id", "=", self.id), *core_members_sudo._sitting_domain()]
            ),
            "province_count": network_sudo.province_count,
        }

    def _events_in_period(self, period_start, period_end):
        """The network's activities that began in the period (sudo)."""
        # sudo: plain ``event`` gives the office no read access on its own.
        return (
            self.env["event.event"]
            .sudo()
            .search(
                [
                    ("network_id", "=", self.id),
                    ("date_begin", ">=", datetime.combine(period_start, time.min)),
                    ("date_begin", "<=", datetime.combine(period_end, time.max)),
                ],
                order="date_begin, id",
            )
        )

    def _advice_figures(self, period_start, period_end):
        """Advice given in the period and how it was taken up; zeros as long as
        the advice model is not installed."""
        self.ensure_one()
        figures = {"count": 0, "adopted": 0, "uptake": {}}
        if ADVICE_MODEL not in self.env:
            return figures
        Advice = self.env[ADVICE_MODEL].sudo()
        domain = [("network_id", "=", self.id), ("state", "in", ("sent", "answered"))]
        if "date_sent" in Advice._fields:
            domain += [
                ("date_sent", ">=", period_start),
                ("date_sent", "<", period_end + relativedelta(days=1)),
            ]
        if "uptake" in Advice._fields:
            uptake = dict(Advice._read_group(domain, ["uptake"], ["__count"]))
        else:
            uptake = {False: Advice.search_count(domain)}
        figures["count"] = sum(uptake.values())
        figures["adopted"] = uptake.get("adopted", 0) + uptake.get("partly", 0)
        figures["uptake"] = uptake
        return figures

    def _members_by_month(self, day):
        """Members at the end of each month up to ``day``, against the target.

        :return: list of dicts ``month`` (date), ``members``, ``expected`` (an even
            growth to the target by the target date), ``target``
        """
        self.ensure_one()
        # sudo: only dates are read, to count; no member is named.
        rows = (
            self.env["party.network.membership"]
            .sudo()
            .search_read(
                [("network_id", "=", self.id)], ["date_joined", "date_left", "state"]
            )
        )
        first = self.date_start or min(
            (row["date_joined"] for row in rows), default=day
        )
        month = max(
            first.replace(day=1),
            day.replace(day=1) - relativedelta(months=PACK_MONTHS - 1),
        )
        target = self.target_member_count
        table = []
        while month <= day:
            end = min(month + relativedelta(months=1, days=-1), day)
            members = sum(
                1
                for row in rows
                if row["date_joined"] <= end
                and not (
                    row["state"] == "left"
                    and (not row["date_left"] or row["date_left"] <= end)
                )
            )
            table.append(
                {
                    "month": month,
                    "members": members,
                    "expected": self._expected_members_on(end),
                    "target": target,
                }
            )
            month += relativedelta(months=1)
        return table

    def _expected_members_on(self, day):
        """How many members an even growth to the target gives on ``day``."""
        self.ensure_one()
        target = self.target_member_count
        if not self.date_start or not target or day < self.date_start:
            return 0
        deadline = self.target_date or self.date_start
        if day >= deadline:
            return target
        total_days = (deadline - self.date_start).days
        return round(target * (day - self.date_start).days / total_days)

    def _province_spread(self):
        """Active members per province, most first; counts under 5 as "< 5"."""
        self.ensure_one()
        groups = (
            self.env["party.network.membership"]
            .sudo()
            ._read_group(
                [("network_id", "=", self.id), ("state", "=", "active")],
                ["partner_state_id"],
                ["__count"],
            )
        )
        spread = [
            {
                "province": province.name or self.env._("Province unknown"),
                "count": count,
                "label": self._small_count_label(count),
            }
            for province, count in groups
        ]
        # the small counts in name order: their order would tell their sizes
        return sorted(
            spread,
            key=lambda row: (
                -row["count"] if row["count"] >= SMALL_COUNT else 0,
                row["province"],
            ),
        )

    @api.model
    def _small_count_label(self, count):
        return f"< {SMALL_COUNT}" if 0 < count < SMALL_COUNT else str(count)

    def _health_pack_values(self, period_start=None, period_end=None, figures=None):
        """What the health pack prints for one network: the KPIs (``figures``, or
        today's), members per month, the province spread, activities and
        attendance, advice and uptake, the core group's composition and terms.
        Aggregates only: no member is named. Gathered as superuser: for the
        office and the board (the report checks it).
        """
        self.ensure_one()
        if not period_start or not period_end:
            period_start, period_end = self._evaluation_period()
        figures = figures or self._steering_figures(period_start, period_end)
        events = []
        for event_sudo in self._events_in_period(period_start, period_end):
            registrations = event_sudo.registration_ids.filtered(
                lambda r: r.state in ("open", "done")
            )
            events.append(
                {
                    "name": event_sudo.name,
                    "date": format_date(self.env, event_sudo.date_begin.date()),
                    "kind": dict(
                        event_sudo._fields[
                            "network_activity_kind"
                        ]._description_selection(self.env)
                    ).get(event_sudo.network_activity_kind, ""),
                    "registrations": len(registrations),
                    "attended": len(
                        registrations.filtered(lambda r: r.state == "done")
                    ),
                }
            )
        advice = self._advice_figures(period_start, period_end)
        uptake_labels = {}
        if ADVICE_MODEL in self.env and "uptake" in self.env[ADVICE_MODEL]._fields:
            uptake_labels = dict(
                self.env[ADVICE_MODEL]
                ._fields["uptake"]
                ._description_selection(self.env)
            )
        core_members_sudo = self.env["party.network.core.member"].sudo()
        seats = core_members_sudo.search(
            [("network_id", "=", self.id), *core_members_sudo._sitting_domain()]
        )
        roles = dict(seats._fields["role"]._description_selection(self.env))
        network_sudo = self.sudo()
        return {
            "network": network_sudo,
            "period_start": period_start,
            "period_end": period_end,
            "figures": figures,
            "status_label": dict(
                self._fields["target_status"]._description_selection(self.env)
            ).get(network_sudo.target_status, ""),
            "months": self._members_by_month(period_end),
            "provinces": self._province_spread(),
            "events": events,
            "advice_uptake": [
                {
                    "label": uptake_labels.get(key) or self.env._("Not recorded"),
                    "count": count,
                }
                for key, count in advice["uptake"].items()
            ],
            "seats": [
                {
                    "role": roles[seat.role],
                    "experienced": seat.governance_experience,
                    "date_start": seat.date_start,
                    "date_end": seat.date_end,
                    "valid_until": seat.requirements_met
                    and seat.requirements_valid_until,
                }
                for seat in seats.sorted(
                    lambda s: (s.date_end or fields.Date.today(), s.id)
                )
            ],
            "composition": {
                "experienced": network_sudo.composition_experienced_count,
                "inexperienced": network_sudo.composition_inexperienced_count,
                "provinces": len(seats.partner_id.state_id),
                "warning": network_sudo.composition_warning,
            },
        }

    # ------------------------------------------------------------------
    # Daily: behind the target, evaluations due
    # ------------------------------------------------------------------

    @api.model
    def _cron_steering(self):
        self._cron_target_reminders()
        self._cron_create_evaluations()

    @api.model
    def _cron_target_reminders(self):
        """Tell the party office once per network, three months before its target
        date, that it is behind its member target."""
        today = fields.Date.context_today(self)
        candidates = self.search(
            [
                ("state", "=", "active"),
                ("target_date", ">=", today),
                ("target_date", "<=", today + relativedelta(months=3)),
                ("target_reminder_date", "=", False),
            ]
        )
        behind = candidates.filtered(lambda n: n.target_status == "behind")
        coordinator = self._get_coordinator_user()
        env = self.with_context(lang=coordinator.lang or self.env.lang).env
        for network in behind:
            network.activity_schedule(
                "partijnetwerken.mail_activity_type_target_behind",
                date_deadline=today + relativedelta(weeks=2),
                user_id=coordinator.id or self.env.uid,
                note=env._(
                    "%(network)s has %(count)s members on the way to %(target)s by "
                    "%(date)s. Talk with the core group about recruiting members.",
                    network=network.name,
                    count=network.member_count,
                    target=network.target_member_count,
                    date=format_date(env, network.target_date),
                ),
            )
        behind.with_context(pn_keep_target_reminder=True).write(
            {"target_reminder_date": today}
        )

    @api.model
    def _cron_create_evaluations(self):
        """Prepare a draft evaluation for each active network whose evaluation is
        due, and tell the party office."""
        today = fields.Date.context_today(self)
        due = self.search(
            [
                ("state", "=", "active"),
                ("next_evaluation_date", "<=", today),
                (
                    "evaluation_ids",
                    "not any",
                    [("state", "in", ("draft", "submitted"))],
                ),
            ]
        )
        for network in due:
            evaluation = network._create_evaluation()
            evaluation._schedule_office_activity(
                "partijnetwerken.mail_activity_type_evaluation"
            )
