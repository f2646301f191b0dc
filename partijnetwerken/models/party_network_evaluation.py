# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

# The figures that the submission freezes (DESIGN §10.5).
FROZEN_FIELDS = (
    "member_count",
    "target_member_count",
    "consent_rate",
    "activity_count",
    "registration_count",
    "attended_count",
    "advice_count",
    "advice_adopted_count",
    "core_member_count",
    "province_count",
)
# What the national board decides; the office prepares everything else.
DECISION_FIELDS = ("decision", "decision_note")
OUTCOMES = [
    ("continue", "Continue"),
    ("adjust", "Continue with adjustments"),
    ("merge", "Merge"),
    ("close", "Close"),
]


class PartyNetworkEvaluation(models.Model):
    _name = "party.network.evaluation"
    _description = "Network evaluation"
    _inherit = [
        "party.network.thread.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "party.network.record.mixin",
        "party.network.decided.mixin",
    ]
    _order = "period_end desc, id desc"
    _rec_names_search = ["network_id"]
    _board_decision_states = ("decided",)
    _decision_activity_type = "partijnetwerken.mail_activity_type_evaluation_decision"
    _pn_followers_office_only = True

    network_id = fields.Many2one(tracking=True)
    network_type = fields.Selection(related="network_id.network_type")
    period_start = fields.Date(
        string="Period from", required=True, default=fields.Date.context_today
    )
    period_end = fields.Date(
        string="Period until", required=True, default=fields.Date.context_today
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("decided", "Decided")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    date_submitted = fields.Datetime(string="Submitted on", readonly=True, copy=False)
    # Frozen at submission
    member_count = fields.Integer(string="Members", readonly=True, copy=False)
    target_member_count = fields.Integer(
        string="Member target", readonly=True, copy=False
    )
    consent_rate = fields.Float(
        string="Consent (%)",
        readonly=True,
        copy=False,
        digits=(16, 1),
        help="Share of the active members who consent to share their data with the "
        "core group.",
    )
    activity_count = fields.Integer(
        string="Activities held",
        readonly=True,
        copy=False,
        help="Activities of the network that began in the period.",
    )
    registration_count = fields.Integer(
        string="Registrations",
        readonly=True,
        copy=False,
        help="Registrations (confirmed or attended) for those activities.",
    )
    attended_count = fields.Integer(string="Attended", readonly=True, copy=False)
    advice_count = fields.Integer(
        string="Advice given",
        readonly=True,
        copy=False,
        help="Advice the network sent in the period.",
    )
    advice_adopted_count = fields.Integer(
        string="Advice taken up",
        readonly=True,
        copy=False,
        help="Of that advice, how much was adopted fully or in part.",
    )
    core_member_count = fields.Integer(
        string="Core-group members", readonly=True, copy=False
    )
    province_count = fields.Integer(string="Provinces", readonly=True, copy=False)
    # Prepared by the office
    findings = fields.Html(
        help="What the party office found: activities, breadth, advice, the core "
        "group's work, the members' voice.",
    )
    recommendation = fields.Selection(
        OUTCOMES,
        tracking=True,
        help="The party office's advice to the national board.",
    )
    appointment_method = fields.Selection(
        [
            ("appointment", "Appointment by the board"),
            ("election", "Election by members"),
        ],
        string="Core group by",
        default="appointment",
        tracking=True,
        help="How the core-group members are chosen from now on.",
    )
    next_term_months = fields.Integer(
        string="Next term (months)",
        tracking=True,
        help="The term of core-group members appointed or reappointed from now on; "
        "empty keeps the term of the founding plan.",
    )
    # Decided by the board
    decision = fields.Selection(OUTCOMES, tracking=True, copy=False)
    next_evaluation_date = fields.Date(
        string="Next evaluation",
        copy=False,
        tracking=True,
        help="When the network is evaluated again after continuing; empty: the "
        "evaluation interval of the settings after the decision.",
    )

    _sql_constraints = [
        (
            "period_coherent",
            "CHECK(period_end >= period_start)",
            "An evaluation period cannot end before it starts.",
        ),
        (
            "next_term_months_positive",
            "CHECK(next_term_months IS NULL OR next_term_months >= 0)",
            "The next term cannot be negative.",
        ),
    ]

    @api.depends("network_id.name", "period_end")
    def _compute_display_name(self):
        for evaluation in self:
            evaluation.display_name = self.env._(
                "Evaluation %(network)s %(date)s",
                network=evaluation.network_id.name or "",
                date=format_date(self.env, evaluation.period_end),
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(evaluation.state != "draft" for evaluation in self):
            raise UserError(
                self.env._("A submitted or decided evaluation is kept as history.")
            )

    def _is_board_decision(self, vals):
        # setting a decision or its reason, or clearing one that was given
        decides = any(
            key in vals and (vals[key] or any(self.mapped(key)))
            for key in DECISION_FIELDS
        )
        return decides or super()._is_board_decision(vals)

    def _board_decision_message(self):
        return self.env._(
            "Only the national board decides on an evaluation; the party office "
            "prepares and submits it."
        )

    def write(self, vals):
        if not self.env.su:
            # the access rights answer first: who may not write learns nothing more
            self.check_access("write")
            self._check_writable(vals)
        return super().write(vals)

    def _check_writable(self, vals):
        """Submitted figures stay as they were; a decided evaluation is history."""
        frozen = set(FROZEN_FIELDS) & set(vals)
        for evaluation in self:
            if evaluation.state == "decided" and set(vals) - {"state"} - set(
                self._fields_always_writable()
            ):
                raise UserError(
                    self.env._(
                        "The evaluation of %(network)s has been decided and is kept "
                        "as it is.",
                        network=evaluation.network_id.name,
                    )
                )
            if frozen and not self.env.context.get("pn_freeze_figures"):
                raise UserError(
                    self.env._(
                        "The figures of an evaluation are taken when the party office "
                        "submits it and cannot be changed."
                    )
                )
            if evaluation.state != "draft" and {
                "network_id",
                "period_start",
                "period_end",
            } & set(vals):
                raise UserError(
                    self.env._(
                        "The network and period of a submitted evaluation cannot be "
                        "changed."
                    )
                )

    @api.model
    def _fields_always_writable(self):
        # what mail.thread and activities write on any record
        return {
            "message_main_attachment_id",
            "message_follower_ids",
            "activity_ids",
            "message_ids",
        }

    def action_submit(self):
        """Submit the evaluation to the national board; the figures are frozen."""
        self._check_role(
            "office",
            self.env._("Only the party office submits an evaluation to the board."),
        )
        for evaluation in self:
            if evaluation.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft evaluation can be submitted; the evaluation of "
                        "%(network)s is %(state)s.",
                        network=evaluation.network_id.name,
                        state=evaluation._state_label(),
                    )
                )
        for evaluation in self:
            figures = evaluation.network_id._steering_figures(
                evaluation.period_start, evaluation.period_end
            )
            evaluation.with_context(pn_freeze_figures=True).write(
                {
                    **{key: figures[key] for key in FROZEN_FIELDS},
                    "state": "submitted",
                    "date_submitted": fields.Datetime.now(),
                }
            )
            evaluation.activity_feedback(
                ["partijnetwerken.mail_activity_type_evaluation"]
            )
            evaluation._schedule_board_activities()
            evaluation.message_post(
                body=self.env._(
                    "Submitted to the national board by %(user)s, with the figures of "
                    "today.",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_reset_draft(self):
        """Take a submitted evaluation back to draft (party office), to redo it."""
        self._check_role(
            "office", self.env._("Only the party office can take an evaluation back.")
        )
        for evaluation in self:
            if evaluation.state != "submitted":
                raise UserError(
                    self.env._("Only a submitted evaluation can be taken back.")
                )
        self.activity_unlink([self._decision_activity_type])
        self.with_context(pn_freeze_figures=True).write(
            {
                **{key: 0 for key in FROZEN_FIELDS},
                "state": "draft",
                "date_submitted": False,
            }
        )
        return True

    def action_decide(self):
        """Decide on submitted evaluations (national board): continue, adjust, merge
        or close. Closing closes the network with ``decision_note`` as reason;
        continuing sets the next evaluation date. The decision is posted on the
        network and mailed to its core group."""
        self._check_role(
            "board", self.env._("Only the national board decides on an evaluation.")
        )
        for evaluation in self:
            name = evaluation.network_id.name
            if evaluation.state != "submitted":
                raise UserError(
                    self.env._(
                        "Only a submitted evaluation can be decided on; the "
                        "evaluation of %(network)s is %(state)s.",
                        network=name,
                        state=evaluation._state_label(),
                    )
                )
            if not evaluation.decision:
                raise UserError(
                    self.env._(
                        "Choose the decision on the evaluation of %(network)s.",
                        network=name,
                    )
                )
            if (
                evaluation.decision == "close"
                and not (evaluation.decision_note or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "Give the reason why the national board closes %(network)s: "
                        "it is sent to the members.",
                        network=name,
                    )
                )
            if (
                evaluation.decision == "close"
                and evaluation.network_id.state != "active"
            ):
                raise UserError(
                    self.env._(
                        "Only an active network can be closed; %(network)s is at the "
                        "stage %(state)s.",
                        network=name,
                        state=evaluation.network_id._state_label(),
                    )
                )
        today = fields.Date.context_today(self)
        months = self._get_setting_int("evaluation_months", 12)
        for evaluation in self:
            network = evaluation.network_id
            # the core group before a closing ends its terms
            core_partners = network.core_member_ids.filtered(
                lambda s: s.state == "appointed"
            ).partner_id
            values = {}
            if evaluation.decision in ("continue", "adjust"):
                values["next_evaluation_date"] = (
                    evaluation.next_evaluation_date
                    or today + relativedelta(months=months)
                )
            evaluation._record_decision("decided", **values)
            if evaluation.decision in ("continue", "adjust"):
                network.next_evaluation_date = evaluation.next_evaluation_date
            elif evaluation.decision == "close":
                network.close_reason = evaluation.decision_note
                network.action_close()
            elif evaluation.decision == "merge":
                network._schedule_office_activity(
                    "partijnetwerken.mail_activity_type_evaluation",
                    summary=self.env._("Prepare the merge decided at the evaluation"),
                )
            headline = evaluation._decision_headline()
            evaluation._post_decision(headline, evaluation.decision_note)
            network._post_decision(headline, evaluation.decision_note)
            self._send_private_mails(
                "partijnetwerken.mail_template_evaluation_decision",
                evaluation,
                core_partners,
            )
        return True

    def _decision_headline(self):
        self.ensure_one()
        decision = dict(self._fields["decision"]._description_selection(self.env))[
            self.decision
        ]
        headline = self.env._(
            "Evaluation decided by the national board (%(user)s): %(decision)s.",
            user=self.env.user.name,
            decision=decision,
        )
        if self.next_evaluation_date:
            headline += " " + self.env._(
                "Next evaluation: %(date)s.",
                date=format_date(self.env, self.next_evaluation_date),
            )
        if self.decision in ("continue", "adjust"):
            method = dict(
                self._fields["appointment_method"]._description_selection(self.env)
            ).get(self.appointment_method)
            if method:
                headline += " " + self.env._(
                    "Core group by: %(method)s.", method=method
                )
            if self.next_term_months:
                headline += " " + self.env._(
                    "Term: %(months)s months.", months=self.next_term_months
                )
        return headline

    def _schedule_board_activities(self):
        """Every member of the national board gets the decision as an activity."""
        board = self.env.ref("partijnetwerken.group_board")
        # sudo: the office may not read group memberships; only board users return.
        users_sudo = (
            self.env["res.users"]
            .sudo()
            .search([("share", "=", False), ("groups_id", "in", board.id)])
        )
        deadline = self.env.ref(self._decision_activity_type)._get_date_deadline()
        for evaluation in self:
            for user in users_sudo:
                evaluation.activity_schedule(
                    self._decision_activity_type,
                    date_deadline=deadline,
                    user_id=user.id,
                )

    def _health_pack_values(self):
        """The health pack of the evaluation: its frozen figures, the tables up to
        the end of its period."""
        self.ensure_one()
        figures = None
        if self.state != "draft":
            figures = {key: self[key] for key in FROZEN_FIELDS}
        return self.network_id._health_pack_values(
            self.period_start, self.period_end, figures
        )
