# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from .const import PRE_PLAN_STATES
from .plain_text import clean_plain_text

# Plan states that only a decision of the national board leads to.
DECISION_STATES = ("approved", "rejected", "revision")


class PartyNetworkPlan(models.Model):
    _name = "party.network.plan"
    _description = "Founding plan"
    _inherit = [
        "party.network.thread.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "party.network.composition.mixin",
        "party.network.record.mixin",
        "party.network.decided.mixin",
    ]
    _order = "create_date desc, id desc"
    _rec_names_search = ["network_id"]
    _board_decision_states = DECISION_STATES
    _decision_activity_type = "partijnetwerken.mail_activity_type_plan_decision"
    _pn_followers_office_only = True

    network_id = fields.Many2one(tracking=True)
    network_type = fields.Selection(related="network_id.network_type")
    network_state = fields.Selection(related="network_id.state", string="Network stage")
    network_origin = fields.Selection(related="network_id.origin")
    goal = fields.Text(tracking=True)
    organisation = fields.Text(
        help="How the network organises itself: meetings, working groups, tasks of "
        "the core group."
    )
    term_months = fields.Integer(
        string="Term (months)",
        default=24,
        tracking=True,
        help="The term of the core group appointed with this plan.",
    )
    collaborations = fields.Text(
        string="Intended collaborations",
        help="Intended collaborations inside and outside the party.",
    )
    proposed_core_partner_ids = fields.Many2many(
        "res.partner",
        "party_network_plan_core_partner_rel",
        "plan_id",
        "partner_id",
        string="Proposed core group",
    )
    proposed_core_count = fields.Integer(
        string="Proposed core-group size", compute="_compute_proposed_core_count"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("revision", "Revision requested"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
    )
    decision_note = fields.Text(
        help="Why the board decided as it did; required to reject or ask for a "
        "revision.",
    )
    date_handed_in = fields.Datetime(
        string="Handed to the office on",
        readonly=True,
        copy=False,
        tracking=True,
        help="When the intended core group handed the plan to the party office in "
        "the portal; from then on they can no longer change it there. Cleared when "
        "the plan returns to them for revision.",
    )

    _sql_constraints = [
        (
            "term_months_positive",
            "CHECK(term_months > 0)",
            "The term of a founding plan must be at least one month.",
        ),
    ]

    @api.depends("proposed_core_partner_ids")
    def _compute_proposed_core_count(self):
        for plan in self:
            plan.proposed_core_count = len(plan.proposed_core_partner_ids)

    @api.depends(
        "network_id.network_type",
        "proposed_core_partner_ids.governance_experience",
        "proposed_core_partner_ids.state_id",
    )
    def _compute_composition(self):
        return super()._compute_composition()

    def _composition_people(self):
        self.ensure_one()
        people = [
            (partner, partner.governance_experience)
            for partner in self.proposed_core_partner_ids
        ]
        return people, self.network_id.network_type, True

    @api.depends("network_id")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = self.env._(
                "Founding plan %(network)s", network=plan.network_id.name or ""
            )

    def write(self, vals):
        if vals.get("state") in ("draft", "revision") and "date_handed_in" not in vals:
            # back with the writers: they may change the plan in the portal again
            vals["date_handed_in"] = False
        return super().write(vals)

    def action_submit(self):
        """Submit the plan with its intended core group to the national board.

        The party office does this once the intended core group has written the
        plan; a network the board establishes itself may skip the intake.
        """
        self._check_role(
            "office",
            self.env._(
                "Only the party office can submit a founding plan to the national "
                "board."
            ),
        )
        for plan in self:
            network = plan.network_id
            if plan.state not in ("draft", "revision"):
                raise UserError(
                    self.env._(
                        "Only a draft plan or a plan returned for revision can be "
                        "submitted; the founding plan of %(network)s is %(state)s.",
                        network=network.name,
                        state=plan._state_label(),
                    )
                )
            states = ("plan",)
            if network.origin == "board":
                states = (*PRE_PLAN_STATES, "plan")
            if network.state not in states:
                raise UserError(
                    self.env._(
                        "%(network)s is at the stage %(state)s: a founding plan is "
                        "submitted after the initiators were invited to write it.",
                        network=network.name,
                        state=network._state_label(),
                    )
                )
            if network.plan_ids.filtered(lambda p: p.state == "submitted"):
                raise UserError(
                    self.env._(
                        "Another founding plan of %(network)s awaits the decision of "
                        "the national board.",
                        network=network.name,
                    )
                )
        for plan in self:
            plan.write(
                {
                    "state": "submitted",
                    **plan._reopen_decision_values(),
                }
            )
            plan.network_id.state = "submitted"
            plan.network_id.activity_feedback(
                ["partijnetwerken.mail_activity_type_founding_plan"]
            )
            plan._schedule_board_activities()
            plan.message_post(
                body=self.env._(
                    "Submitted to the national board by %(user)s.",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_approve(self):
        """Approve the plan: the network starts and its core group is appointed."""
        Network = self.env["party.network"]
        Network._check_role(
            "board",
            self.env._("Only the national board can approve a founding plan."),
        )
        minimum = Network._get_setting_int("min_core_members", 4)
        for plan in self:
            plan._check_decidable()
            if plan.proposed_core_count < minimum:
                raise UserError(
                    self.env._(
                        "The founding plan of %(network)s proposes %(count)s "
                        "core-group members; the national board appoints at least "
                        "%(minimum)s.",
                        network=plan.network_id.name,
                        count=plan.proposed_core_count,
                        minimum=minimum,
                    )
                )
        today = fields.Date.context_today(self)
        for plan in self:
            network = plan.network_id
            plan._record_decision("approved")
            network.write({"state": "active", "date_start": today})
            date_end = today + relativedelta(months=plan.term_months)
            seats = plan._appoint_core_group(today, date_end)
            network._schedule_office_activity(
                "partijnetwerken.mail_activity_type_core_access",
                note=self.env._(
                    "Make sure each appointed member meets the requirements for "
                    "access to member data (such as a signed confidentiality "
                    "statement), then tick it on their core-group seat."
                ),
            )
            headline = self.env._(
                "Founding plan approved by the national board (%(user)s). Appointed "
                "to the core group until %(date_end)s: %(members)s.",
                user=self.env.user.name,
                date_end=format_date(self.env, date_end),
                members=", ".join(seats.partner_id.mapped("name")),
            )
            plan.network_id._post_decision(headline, plan.decision_note)
            plan._announce_decision(headline)
        return True

    def action_reject(self):
        """Reject the plan, for the reason in ``decision_note``."""
        self._check_decision(
            self.env._("Only the national board can reject a founding plan.")
        )
        for plan in self.filtered(lambda p: not (p.decision_note or "").strip()):
            raise UserError(
                self.env._(
                    "Give the reason for rejecting the founding plan of %(network)s.",
                    network=plan.network_id.name,
                )
            )
        for plan in self:
            plan._record_decision("rejected")
            plan.network_id.state = "rejected"
            headline = self.env._(
                "Founding plan rejected by the national board (%(user)s).",
                user=self.env.user.name,
            )
            plan.network_id._post_decision(headline, plan.decision_note)
            plan._announce_decision(headline)
        return True

    def action_request_revision(self):
        """Return the plan to its writers, for the reason in ``decision_note``."""
        self._check_decision(
            self.env._("Only the national board can ask for a revision of a plan.")
        )
        for plan in self.filtered(lambda p: not (p.decision_note or "").strip()):
            raise UserError(
                self.env._(
                    "Give the reason for returning the founding plan of %(network)s "
                    "to its writers.",
                    network=plan.network_id.name,
                )
            )
        for plan in self:
            plan._record_decision("revision")
            plan.network_id.state = "plan"
            plan.network_id._schedule_office_activity(
                "partijnetwerken.mail_activity_type_founding_plan",
                summary=self.env._("Revise the founding plan with its writers"),
            )
            headline = self.env._(
                "The national board (%(user)s) asks for a revision of the founding "
                "plan.",
                user=self.env.user.name,
            )
            plan.network_id._post_decision(headline, plan.decision_note)
            plan._announce_decision(headline)
        return True

    def action_open_decision_wizard(self):
        """Confirm a decision (``decision``: approve, reject or revision) on one
        or more plans; a rejection or a revision request asks for the reason."""
        self._check_decision(self._board_decision_message())
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partijnetwerken.party_network_plan_decision_action"
        )
        if len(self) == 1:
            action["name"] = self.env._("Decision: %(plan)s", plan=self.display_name)
        action["context"] = {
            "default_plan_ids": self.ids,
            "default_decision": self.env.context.get("decision", "reject"),
        }
        return action

    def _board_decision_message(self):
        return self.env._(
            "Only the national board decides on founding plans: approves, "
            "rejects or returns them for revision."
        )

    def _check_decidable(self):
        for plan in self:
            if plan.state != "submitted" or plan.network_id.state != "submitted":
                raise UserError(
                    self.env._(
                        "Only a founding plan submitted to the national board can be "
                        "decided on; the founding plan of %(network)s is %(state)s.",
                        network=plan.network_id.name,
                        state=plan._state_label(),
                    )
                )

    def _check_decision(self, role_message):
        self._check_role("board", role_message)
        self._check_decidable()

    def _announce_decision(self, headline):
        """Post the decision on the plan and mail it to the writers."""
        self.ensure_one()
        self._post_decision(headline, self.decision_note)
        self.env["party.network"]._send_private_mails(
            "partijnetwerken.mail_template_plan_decision",
            self,
            self.network_id.initiator_partner_ids | self.proposed_core_partner_ids,
        )

    def _schedule_board_activities(self):
        """Every member of the national board gets the decision as an activity."""
        board = self.env.ref("partijnetwerken.group_board")
        # sudo: the office may not read group memberships; only board users return.
        users_sudo = (
            self.env["res.users"]
            .sudo()
            .search([("share", "=", False), ("groups_id", "in", board.id)])
        )
        xmlid = "partijnetwerken.mail_activity_type_plan_decision"
        deadline = self.env.ref(xmlid)._get_date_deadline()
        for plan in self:
            for user in users_sudo:
                plan.activity_schedule(xmlid, date_deadline=deadline, user_id=user.id)

    def _appoint_core_group(self, date_start, date_end):
        """Appoint the proposed core group for a term.

        A proposed seat that the office already entered is appointed; a member who
        has a current seat keeps it; the others get a new seat.

        :return: the appointed seats
        """
        self.ensure_one()
        seats = self.env["party.network.core.member"]
        current = self.network_id.core_member_ids.filtered(lambda s: s.state != "ended")
        for partner in self.proposed_core_partner_ids:
            seat = current.filtered(lambda s, p=partner: s.partner_id == p)[:1]
            if seat.state == "proposed":
                seat.write(
                    {
                        "state": "appointed",
                        "date_start": date_start,
                        "date_end": date_end,
                    }
                )
            elif not seat:
                seat = seats.create(
                    {
                        "network_id": self.network_id.id,
                        "partner_id": partner.id,
                        "state": "appointed",
                        "date_start": date_start,
                        "date_end": date_end,
                    }
                )
            seats |= seat
        return seats

    # Portal: the helpers below run as the portal user; each sudo is confined
    # to one lookup and says why.

    @api.model
    def _portal_info(self, network):
        """The founding plan as the intended core group sees it in the portal.

        :return: dict with ``plan`` (the latest plan, may be empty), ``is_writer``
            (the current user is an initiator or proposed for the core group),
            ``editable`` and ``team`` (the names of the intended core group)
        """
        network.ensure_one()
        # sudo: the initiators are office-only and portal users may not read other
        # contacts; the team sees its own names and is compared with the user.
        network_sudo = network.sudo()
        plan_sudo = network_sudo.plan_ids[:1]
        initiators_sudo = network_sudo.initiator_partner_ids
        team_sudo = plan_sudo.proposed_core_partner_ids or initiators_sudo
        is_writer = self.env.user.partner_id in (team_sudo | initiators_sudo)
        plan_open = plan_sudo.state in ("draft", "revision") and not (
            plan_sudo.date_handed_in
        )
        editable = (
            is_writer and network.state == "plan" and (not plan_sudo or plan_open)
        )
        decided = plan_sudo.state in ("approved", "rejected", "revision")
        return {
            "plan": plan_sudo.sudo(False),
            "is_writer": is_writer,
            "editable": editable,
            "team": sorted(team_sudo.mapped("name")),
            # the plan's real state: the writers were mailed the decision already
            "state": plan_sudo.state or False,
            "state_label": plan_sudo._state_label() if plan_sudo else "",
            "decided_on": (
                format_date(self.env, plan_sudo.decided_date)
                if decided and plan_sudo.decided_date
                else ""
            ),
            "decision_note": (plan_sudo.decision_note or "") if decided else "",
        }

    @api.model
    def _portal_save(self, network, values, hand_in=False):
        """Save the founding plan's draft and, with ``hand_in``, give it to the
        party office, after which it is read-only in the portal.

        :param dict values: ``goal``, ``organisation``, ``collaborations`` (text) and
            ``term_months`` (text or number), as typed
        :return: the plan
        """
        network.ensure_one()
        info = self._portal_info(network)
        if not info["editable"]:
            raise UserError(
                self.env._(
                    "This founding plan can no longer be changed here: it has been "
                    "handed to the party office."
                )
            )
        vals = {
            "goal": clean_plain_text(
                self.env, values.get("goal"), self.env._("Goal"), 5000, multiline=True
            ),
            "organisation": clean_plain_text(
                self.env,
                values.get("organisation"),
                self.env._("Organisation"),
                10000,
                multiline=True,
            ),
            "collaborations": clean_plain_text(
                self.env,
                values.get("collaborations"),
                self.env._("Intended collaborations"),
                5000,
                multiline=True,
            ),
        }
        try:
            term_months = int(str(values.get("term_months") or "").strip())
        except ValueError:
            term_months = 0
        if not 1 <= term_months <= 120:
            raise ValidationError(
                self.env._("Term: enter a number of months between 1 and 120.")
            )
        vals["term_months"] = term_months
        if hand_in:
            if not (vals["goal"] and vals["organisation"]):
                raise ValidationError(
                    self.env._(
                        "Describe at least the goal and the organisation before you "
                        "hand the plan to the party office."
                    )
                )
            vals["date_handed_in"] = fields.Datetime.now()
        plan = info["plan"]
        # sudo: members cannot write founding plans; the current user belongs to the
        # intended core group of this network in state plan (checked above).
        if plan:
            plan_sudo = plan.sudo()
            plan_sudo.write(vals)
        else:
            network_sudo = network.sudo()
            plan_sudo = network_sudo.env["party.network.plan"].create(
                {
                    "network_id": network.id,
                    "proposed_core_partner_ids": [
                        Command.set(network_sudo.initiator_partner_ids.ids)
                    ],
                    **vals,
                }
            )
        if hand_in:
            plan_sudo.with_context(mail_create_nosubscribe=True).message_post(
                body=self.env._(
                    "The intended core group handed the founding plan to the party "
                    "office."
                ),
                author_id=self.env.user.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        return plan_sudo.sudo(False)
