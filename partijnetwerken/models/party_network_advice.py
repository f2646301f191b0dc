# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import format_date, html2plaintext, is_html_empty, plaintext2html

from .boolean_search import searches_true
from .plain_text import clean_plain_text

ADVICE_STATES = [
    ("requested", "Requested"),
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("answered", "Answered"),
    ("withdrawn", "Withdrawn"),
]
# The core group writes the advice while it is requested or a draft.
OPEN_STATES = ("requested", "draft")
# What the network's members and the bodies read.
SENT_STATES = ("sent", "answered")
# The advice's own fields: who may change them is checked (the chatter's are not).
GUARDED_FIELDS = frozenset(
    {
        "network_id",
        "name",
        "advice_type",
        "body_ids",
        "requester_user_id",
        "question",
        "date_requested",
        "date_due",
        "content",
        "form",
        "state",
        "date_sent",
        "response",
        "uptake",
        "date_answered",
        "website_published",
        "overdue_reminder_date",
    }
)
# Fields that only the actions change (through their own checks).
WORKFLOW_FIELDS = frozenset(
    {"state", "date_sent", "date_answered", "overdue_reminder_date"}
)
# What each audience may change besides the party office, and in which states.
CORE_GROUP_FIELDS = frozenset({"name", "content", "form", "body_ids"})
REQUESTER_FIELDS = frozenset({"name", "question", "date_due", "body_ids", "form"})
BODY_FIELDS = frozenset({"response", "uptake"})
# The longest title the portal and the back-office accept.
NAME_MAX_LENGTH = 150
CONTENT_MAX_LENGTH = 20000


class PartyNetworkAdvice(models.Model):
    """Advice of a network to one or more bodies of the party (DESIGN §10.4).

    Requested advice starts as a request of the party office or of a body's user
    (``requested``); the core group writes it (``draft``) and sends it to the
    bodies (``sent``), who record their response and what they did with it
    (``answered``). Unsolicited advice starts as a draft of the core group.
    """

    _name = "party.network.advice"
    _description = "Advice of a network"
    _inherit = [
        "party.network.thread.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "party.network.record.mixin",
    ]
    _order = "create_date desc, id desc"

    network_id = fields.Many2one(tracking=True, domain=[("state", "=", "active")])
    network_type = fields.Selection(
        related="network_id.network_type", string="Network type"
    )
    name = fields.Char(string="Title", required=True, tracking=True)
    advice_type = fields.Selection(
        [("requested", "Requested"), ("unsolicited", "Unsolicited")],
        string="Type",
        required=True,
        default="unsolicited",
        tracking=True,
    )
    body_ids = fields.Many2many(
        "party.network.advice.body",
        "party_network_advice_body_rel",
        "advice_id",
        "body_id",
        string="Addressed to",
        help="The bodies of the party the advice is for.",
    )
    requester_user_id = fields.Many2one(
        "res.users",
        string="Requested by",
        domain=[("share", "=", False)],
        index="btree_not_null",
        tracking=True,
    )
    question = fields.Text(help="What the body asks the network.")
    date_requested = fields.Date(string="Requested on", tracking=True)
    date_due = fields.Date(
        string="Wanted by", tracking=True, help="When the body needs the advice."
    )
    content = fields.Html(string="Advice")
    form = fields.Selection(
        [("formal", "Formal"), ("meeting", "In a meeting"), ("informal", "Informal")],
        required=True,
        default="formal",
        tracking=True,
    )
    state = fields.Selection(
        ADVICE_STATES,
        string="Status",
        required=True,
        default=lambda self: self._default_state(),
        index=True,
        tracking=True,
        group_expand="_group_expand_states",
    )
    date_sent = fields.Date(string="Sent on", readonly=True, copy=False, tracking=True)
    response = fields.Text(help="The answer of the bodies to the advice.")
    uptake = fields.Selection(
        [
            ("pending", "Pending"),
            ("adopted", "Adopted"),
            ("partly", "Partly adopted"),
            ("not_adopted", "Not adopted"),
        ],
        required=True,
        default="pending",
        tracking=True,
        help="What the bodies did with the advice.",
    )
    date_answered = fields.Date(
        string="Answered on", readonly=True, copy=False, tracking=True
    )
    website_published = fields.Boolean(
        string="Published on the website",
        copy=False,
        tracking=True,
        help="Theme networks show the advice they gave on the party's website; only "
        "sent or answered advice can be published.",
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="A request past the date it was wanted by, not sent yet.",
    )
    # Which buttons the reader may use on this advice, for the form; the actions
    # check the same (_may_send, _may_answer, _may_withdraw).
    user_can_send = fields.Boolean(string="I may send", compute="_compute_user_can")
    user_can_answer = fields.Boolean(string="I may answer", compute="_compute_user_can")
    user_can_withdraw = fields.Boolean(
        string="I may withdraw", compute="_compute_user_can"
    )
    overdue_reminder_date = fields.Date(
        string="Overdue reminder on",
        readonly=True,
        copy=False,
        help="When the party office was reminded of this overdue request; cleared "
        "when the date it is wanted by changes.",
    )

    @api.model
    def _default_state(self):
        # a request starts as requested, unsolicited advice as a draft
        advice_type = self.env.context.get("default_advice_type")
        return "requested" if advice_type == "requested" else "draft"

    @api.model
    def _group_expand_states(self, states, domain):
        # the kanban shows the flow; withdrawn only when there is one
        return [
            key for key, _label in ADVICE_STATES if key != "withdrawn" or key in states
        ]

    @api.model
    def _overdue_domain(self):
        today = fields.Date.context_today(self)
        return [
            ("state", "in", OPEN_STATES),
            ("date_due", "!=", False),
            ("date_due", "<", today),
        ]

    @api.depends("state", "network_id", "body_ids", "requester_user_id")
    @api.depends_context("uid")
    def _compute_user_can(self):
        sitting = self.env["party.network"]._user_networks("core_member")
        for advice in self:
            advice.user_can_send = advice.state in OPEN_STATES and advice._may_send(
                sitting
            )
            advice.user_can_answer = advice.state == "sent" and advice._may_answer()
            advice.user_can_withdraw = (
                advice.state in OPEN_STATES and advice._may_withdraw(sitting)
            )

    @api.depends("state", "date_due")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for advice in self:
            advice.is_overdue = bool(
                advice.state in OPEN_STATES
                and advice.date_due
                and advice.date_due < today
            )

    def _search_is_overdue(self, operator, value):
        domain = self._overdue_domain()
        if not searches_true(self.env, operator, value):
            domain = ["!", *expression.normalize_domain(domain)]
        return domain

    @api.constrains("website_published", "state", "network_id")
    def _check_website_published(self):
        for advice in self.filtered("website_published"):
            if advice.state not in SENT_STATES or advice.network_type != "theme":
                raise ValidationError(
                    self.env._(
                        "Only advice of a theme network that has been sent can be "
                        "published on the website (%(advice)s).",
                        advice=advice.name,
                    )
                )

    @api.constrains("name")
    def _check_name_length(self):
        for advice in self:
            if len(advice.name or "") > NAME_MAX_LENGTH:
                raise ValidationError(
                    self.env._(
                        "Title: use at most %(max)s characters (you used "
                        "%(length)s).",
                        max=NAME_MAX_LENGTH,
                        length=len(advice.name),
                    )
                )

    @api.constrains("date_requested", "date_due")
    def _check_dates(self):
        for advice in self:
            if (
                advice.date_requested
                and advice.date_due
                and advice.date_due < advice.date_requested
            ):
                raise ValidationError(
                    self.env._(
                        "The date the advice is wanted by cannot lie before the date "
                        "it was requested (%(advice)s).",
                        advice=advice.name,
                    )
                )

    @api.constrains("advice_type", "question", "body_ids")
    def _check_request(self):
        for advice in self.filtered(lambda a: a.advice_type == "requested"):
            if not (advice.question or "").strip():
                raise ValidationError(
                    self.env._("A request for advice needs the question to answer.")
                )
            if not advice.body_ids:
                raise ValidationError(
                    self.env._("A request for advice needs the body that asks it.")
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        vals_list = [dict(vals) for vals in vals_list]
        for vals in vals_list:
            advice_type = vals.get("advice_type") or self.default_get(
                ["advice_type"]
            ).get("advice_type")
            start = "requested" if advice_type == "requested" else "draft"
            if not self.env.su:
                self._check_create_values(vals, advice_type)
                vals["state"] = start
            vals["state"] = vals.get("state") or start
            if advice_type == "requested":
                vals["requester_user_id"] = (
                    vals.get("requester_user_id") or self.env.uid
                )
                vals["date_requested"] = vals.get("date_requested") or today
        advices = super().create(vals_list)
        if not (self.env.su or self.env.user._is_party_office()):
            advices._check_created_by_user()
        for advice in advices:
            if advice.network_id.state != "active":
                raise UserError(
                    self.env._(
                        "Only an active network gives advice; %(network)s is at the "
                        "stage %(stage)s.",
                        network=advice.network_id.name,
                        stage=advice.network_id._state_label(),
                    )
                )
        advices.filtered(lambda a: a.state == "requested")._notify_requested()
        return advices

    @api.model
    def _check_create_values(self, vals, advice_type):
        """Who creates what: the office anything; a body's user a request of their
        own bodies; the core group unsolicited advice of its network."""
        if vals.get("state") not in (None, False, *OPEN_STATES):
            raise UserError(
                self.env._(
                    "New advice starts as a request or a draft; use the buttons to "
                    "move it on."
                )
            )
        user = self.env.user
        if user._is_party_office():
            return
        if advice_type == "requested":
            allowed = REQUESTER_FIELDS | {"network_id", "advice_type"}
            if (vals.get("requester_user_id") or user.id) != user.id:
                raise AccessError(
                    self.env._("You can only request advice in your own name.")
                )
            allowed |= {"requester_user_id"}
        else:
            allowed = CORE_GROUP_FIELDS | {"network_id", "advice_type"}
        # the form sends empty fields and defaults along: only values count
        given = {
            name
            for name in GUARDED_FIELDS & set(vals)
            if vals[name]
            and not (name == "uptake" and vals[name] == "pending")
            and not (name == "content" and is_html_empty(vals[name]))
        }
        refused = given - allowed - {"state"}
        if refused:
            raise AccessError(self._refused_fields_message(refused))

    def _check_created_by_user(self):
        """A body's user requests advice for their own bodies only; unsolicited
        advice is written by the core group of its network."""
        user = self.env.user
        sitting = self.env["party.network"]._user_networks("core_member")
        for advice in self:
            if advice.advice_type == "requested":
                # sudo: who acts for a body is checked for the current user only
                bodies_sudo = advice.sudo().body_ids
                if not bodies_sudo or bodies_sudo.filtered(
                    lambda body: user not in body.user_ids
                ):
                    raise AccessError(
                        self.env._(
                            "Only the party office or a user acting for the bodies "
                            "that ask can request advice from a network."
                        )
                    )
            elif advice.network_id not in sitting:
                raise AccessError(
                    self.env._(
                        "Only the core group of the network or the party office can "
                        "write unsolicited advice."
                    )
                )

    def _refused_fields_message(self, fields_names):
        labels = sorted(
            self._fields[name].get_description(self.env)["string"]
            for name in fields_names
        )
        return self.env._(
            "You cannot change these fields of the advice: %(fields)s.",
            fields=", ".join(labels),
        )

    def write(self, vals):
        if not self.env.su:
            self._check_write_values(vals)
        if "date_due" in vals and "overdue_reminder_date" not in vals:
            # a new date gets its own reminder
            vals["overdue_reminder_date"] = False
        result = super().write(vals)
        if vals.get("content") and not is_html_empty(vals["content"]):
            # the core group has started writing the requested advice
            started = self.filtered(lambda a: a.state == "requested")
            if started:
                super(PartyNetworkAdvice, started).write({"state": "draft"})
        return result

    def _check_write_values(self, vals):
        """Who changes what, besides the party office: the core group its advice
        while requested or a draft, the requester their request while it is
        requested, and the bodies' users the response once the advice is sent."""
        guarded = GUARDED_FIELDS & set(vals)
        workflow = guarded & WORKFLOW_FIELDS
        if workflow:
            raise UserError(
                self.env._(
                    "The status of advice changes through its buttons (send, answer, "
                    "withdraw)."
                )
            )
        if not guarded or self.env.user._is_party_office():
            return
        sitting = self.env["party.network"]._user_networks("core_member")
        user = self.env.user
        for advice in self:
            allowed = set()
            if advice.network_id in sitting and advice.state in OPEN_STATES:
                allowed |= CORE_GROUP_FIELDS
            if advice._is_requester(user) and advice.state == "requested":
                allowed |= REQUESTER_FIELDS
            if advice._is_body_user(user) and advice.state in SENT_STATES:
                allowed |= BODY_FIELDS
            refused = guarded - allowed
            if refused:
                raise AccessError(self._refused_fields_message(refused))

    def _may_send(self, sitting):
        """Whether the current user may send this advice: its network's core
        group (``sitting``: the networks they sit in today) or the office."""
        self.ensure_one()
        user = self.env.user
        return self.env.su or user._is_party_office() or self.network_id in sitting

    def _may_answer(self):
        self.ensure_one()
        user = self.env.user
        return self.env.su or user._is_party_office() or self._is_body_user(user)

    def _may_withdraw(self, sitting):
        """The office, the requester of a request, or the core group for its
        own (unsolicited) draft."""
        self.ensure_one()
        user = self.env.user
        return (
            self.env.su
            or user._is_party_office()
            or self._is_requester(user)
            or (
                self.advice_type == "unsolicited"
                and self.state == "draft"
                and self.network_id in sitting
            )
        )

    def _is_requester(self, user):
        self.ensure_one()
        return self.advice_type == "requested" and self.requester_user_id == user

    def _is_body_user(self, user):
        self.ensure_one()
        # sudo: who acts for a body is for internal users; checked for ``user`` only
        return user in self.sudo().body_ids.user_ids

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_send(self):
        """Send the advice to its bodies (the core group or the party office).

        Each user acting for the bodies gets an activity and a mail in their own
        language; the date it was sent is recorded.
        """
        self._check_core_group_or_office(
            self.env._(
                "Only the core group of the network or the party office can send "
                "advice."
            )
        )
        for advice in self:
            advice._check_state(
                OPEN_STATES,
                self.env._(
                    "Only a request or a draft can be sent; %(advice)s is %(state)s."
                ),
            )
            if (
                is_html_empty(advice.content)
                or not html2plaintext(advice.content or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "Write the advice before you send it (%(advice)s).",
                        advice=advice.name,
                    )
                )
            if not advice.body_ids:
                raise UserError(
                    self.env._(
                        "Choose at least one body to send the advice to "
                        "(%(advice)s).",
                        advice=advice.name,
                    )
                )
        today = fields.Date.context_today(self)
        # sudo: the status moves only through this action, whose checks are above;
        # portal core members may not schedule the bodies' activities themselves.
        advices_sudo = self.sudo()
        advices_sudo.write({"state": "sent", "date_sent": today})
        for advice_sudo in advices_sudo:
            advice_sudo.activity_feedback(
                ["partijnetwerken.mail_activity_type_advice_request"]
            )
            advice_sudo._post_decision(
                self.env._(
                    "Sent to %(bodies)s by %(user)s.",
                    bodies=", ".join(advice_sudo.body_ids.mapped("name")),
                    user=self.env.user.name,
                )
            )
            users = advice_sudo.body_ids.user_ids.filtered(lambda u: not u.share)
            advice_sudo._schedule_user_activities(
                "partijnetwerken.mail_activity_type_advice_received",
                users,
                date_deadline=None,
            )
            advice_sudo._send_private_mails(
                "partijnetwerken.mail_template_advice_sent",
                advice_sudo,
                users.partner_id,
            )
        return True

    def action_answer(self):
        """Record the bodies' response and what they did with the advice (a user
        acting for one of its bodies, or the party office)."""
        user = self.env.user
        for advice in self:
            if not advice._may_answer():
                raise AccessError(
                    self.env._(
                        "Only a user acting for the bodies the advice was sent to, "
                        "or the party office, can record the answer."
                    )
                )
            advice._check_state(
                ("sent",),
                self.env._(
                    "Only advice that was sent can be answered; %(advice)s is "
                    "%(state)s."
                ),
            )
            if not (advice.response or "").strip():
                raise UserError(
                    self.env._(
                        "Write the response of the bodies first (%(advice)s).",
                        advice=advice.name,
                    )
                )
        today = fields.Date.context_today(self)
        # sudo: the status moves only through this action, whose checks are above
        advices_sudo = self.sudo()
        advices_sudo.write({"state": "answered", "date_answered": today})
        for advice_sudo in advices_sudo:
            advice_sudo.activity_feedback(
                ["partijnetwerken.mail_activity_type_advice_received"]
            )
            advice_sudo._post_decision(
                self.env._(
                    "Answered by %(user)s; uptake: %(uptake)s.",
                    user=user.name,
                    uptake=dict(
                        advice_sudo._fields["uptake"]._description_selection(self.env)
                    )[advice_sudo.uptake],
                ),
                advice_sudo.response,
            )
            advice_sudo._send_private_mails(
                "partijnetwerken.mail_template_advice_answered",
                advice_sudo,
                advice_sudo._core_group_partners(),
            )
        return True

    def action_withdraw(self):
        """Withdraw a request or a draft: the party office, the requester of a
        request, or the core group for its own (unsolicited) draft."""
        user = self.env.user
        sitting = self.env["party.network"]._user_networks("core_member")
        for advice in self:
            advice._check_state(
                OPEN_STATES,
                self.env._(
                    "Only a request or a draft can be withdrawn; %(advice)s is "
                    "%(state)s."
                ),
            )
            if not advice._may_withdraw(sitting):
                raise AccessError(
                    self.env._(
                        "Only the party office, the requester of a request, or the "
                        "core group for its own draft can withdraw advice."
                    )
                )
        # sudo: the status moves only through this action, whose checks are above
        advices_sudo = self.sudo()
        advices_sudo.write({"state": "withdrawn"})
        for advice_sudo in advices_sudo:
            advice_sudo.activity_ids.unlink()
            advice_sudo._post_decision(
                self.env._("Withdrawn by %(user)s.", user=user.name)
            )
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _check_state(self, states, message):
        """Refuse with ``message`` (translated, with ``%(advice)s`` and
        ``%(state)s``) unless the advice is in one of ``states``."""
        self.ensure_one()
        if self.state not in states:
            raise UserError(
                message % {"advice": self.name, "state": self._state_label().lower()}
            )

    def _core_group_partners(self):
        """The partners sitting in the core group of the advice's network today."""
        self.ensure_one()
        Seat = self.env["party.network.core.member"]
        # sudo: whoever triggers the mail may not read the core group's seats
        seats_sudo = Seat.sudo().search(
            [("network_id", "=", self.network_id.id), *Seat._sitting_domain()]
        )
        return seats_sudo.partner_id

    def _schedule_user_activities(self, activity_type_xmlid, users, date_deadline):
        """One activity of this type per user, without Odoo's assignment mail: the
        users get a mail of their own from the party."""
        self.ensure_one()
        activity_type = self.env.ref(activity_type_xmlid)
        deadline = date_deadline or activity_type._get_date_deadline()
        record = self.with_context(mail_activity_quick_update=True)
        for user in users:
            record.activity_schedule(
                activity_type_xmlid, date_deadline=deadline, user_id=user.id
            )

    def _notify_requested(self):
        """Tell the core group of a new request: a mail to each member, and an
        activity with the due date for the internal ones."""
        for advice in self:
            # sudo: the requester may not read the core group; the mail and the
            # activities go to its members only
            advice_sudo = advice.sudo()
            partners = advice_sudo._core_group_partners()
            users = partners.user_ids.filtered(lambda u: not u.share)
            advice_sudo._schedule_user_activities(
                "partijnetwerken.mail_activity_type_advice_request",
                users,
                date_deadline=advice_sudo.date_due,
            )
            advice_sudo._send_private_mails(
                "partijnetwerken.mail_template_advice_requested",
                advice_sudo,
                partners,
            )

    @api.model
    def _cron_remind_overdue(self):
        """Daily: remind the party office once of each request past its date."""
        overdue = self.search(
            [*self._overdue_domain(), ("overdue_reminder_date", "=", False)]
        )
        coordinator = self._get_coordinator_user()
        # the note is read by the coordinator: in their language
        env = self.with_context(lang=coordinator.lang or self.env.lang).env
        for advice in overdue:
            advice._schedule_office_activity(
                "partijnetwerken.mail_activity_type_advice_overdue",
                date_deadline=fields.Date.context_today(self),
                note=env._(
                    "%(network)s was asked for advice on %(advice)s by %(date_due)s "
                    "and has not sent it yet.",
                    network=advice.network_id.name,
                    advice=advice.name,
                    date_due=format_date(env, advice.date_due),
                ),
            )
        overdue.write({"overdue_reminder_date": fields.Date.context_today(self)})

    # Portal: the helpers below run as the portal user.

    @api.model
    def _portal_counts(self, network):
        """What the current user may read of the network's advice, by state."""
        counts = dict(
            self._read_group([("network_id", "=", network.id)], ["state"], ["__count"])
        )
        return {
            "sent": sum(counts.get(state, 0) for state in SENT_STATES),
            "open": sum(counts.get(state, 0) for state in OPEN_STATES),
            "requested": counts.get("requested", 0),
        }

    @api.model
    def _portal_bodies(self):
        return self.env["party.network.advice.body"].search([])

    @api.model
    def _portal_save(self, network, advice, values, send=False):
        """Create or change advice of ``network`` from the portal form.

        :param advice: the advice to change, or an empty recordset for new advice
        :param dict values: ``name``, ``content`` (plain text, stored as safe
            HTML), ``form`` and ``body_ids`` (list of ids as typed)
        :param bool send: send it to the bodies at once
        :return: the advice
        """
        network.ensure_one()
        if network.state != "active" or not network.user_is_core_member:
            raise AccessError(
                self.env._("Only the core group of the network can write its advice.")
            )
        if advice:
            advice.ensure_one()
            if advice.network_id != network:
                raise AccessError(self.env._("This advice is of another network."))
            if advice.state not in OPEN_STATES:
                raise UserError(
                    self.env._(
                        "This advice has been sent and can no longer be changed."
                    )
                )
        name = clean_plain_text(
            self.env,
            values.get("name"),
            self.env._("Title"),
            max_length=NAME_MAX_LENGTH,
            required=True,
        )
        text = clean_plain_text(
            self.env,
            values.get("content"),
            self.env._("Advice"),
            max_length=CONTENT_MAX_LENGTH,
            required=True,
            multiline=True,
        )
        forms = dict(self._fields["form"].selection)
        form = values.get("form") or "formal"
        if form not in forms:
            raise ValidationError(self.env._("Choose the form of the advice."))
        bodies = self._portal_parse_bodies(values.get("body_ids") or [])
        vals = {
            "name": name,
            "content": plaintext2html(text),
            "form": form,
            "body_ids": [Command.set(bodies.ids)],
        }
        if advice:
            advice.write(vals)
        else:
            advice = self.with_context(mail_create_nosubscribe=True).create(
                {**vals, "network_id": network.id, "advice_type": "unsolicited"}
            )
        if send:
            advice.action_send()
        return advice

    @api.model
    def _portal_parse_bodies(self, raw_ids):
        """The bodies picked in the form: active ones only, or a clear refusal."""
        if not isinstance(raw_ids, list | tuple) or len(raw_ids) > 50:
            raise ValidationError(self.env._("Choose the bodies from the list."))
        ids = set()
        for raw in raw_ids:
            if not (isinstance(raw, str) and raw.isdigit() and len(raw) < 10):
                raise ValidationError(self.env._("Choose the bodies from the list."))
            ids.add(int(raw))
        bodies = self._portal_bodies().filtered(lambda b: b.id in ids)
        if len(bodies) != len(ids):
            raise ValidationError(
                self.env._("One of the chosen bodies does not exist (any more).")
            )
        return bodies

    def _portal_plain_content(self):
        """The advice as the plain text the portal's form edits."""
        self.ensure_one()
        return (
            html2plaintext(self.content or "")
            if not is_html_empty(self.content)
            else ""
        )
