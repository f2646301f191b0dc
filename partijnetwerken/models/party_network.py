# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .boolean_search import searches_true
from .const import (
    BOARD_DECISION_STATES,
    NETWORK_STATES,
    OFFICE_BOARD,
    OPEN_STATES,
    PRE_PLAN_STATES,
    ROLE_GROUPS,
)
from .export_guard import check_export_field_access

# Words that nearly every network name contains; left out when comparing names.
GENERIC_NAME_WORDS = (
    r"\m(themanetwerk|doelgroepnetwerk|partijnetwerk|netwerk|network)\M"
)
# Trigram similarity from which a name or goal counts as close (pg_trgm's own
# default threshold).
SIMILARITY_THRESHOLD = 0.3


class PartyNetwork(models.Model):
    _name = "party.network"
    _description = "Party network"
    _inherit = [
        "party.network.portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "party.network.composition.mixin",
        "party.network.board.decision.mixin",
        "party.network.application.mixin",
        "party.network.target.mixin",
        "party.network.working.group.contribution.mixin",
        "party.network.advice.mixin",
        "party.network.to.decide.mixin",
        "party.network.members.mail.mixin",
    ]
    _order = "name, id"
    _board_decision_states = BOARD_DECISION_STATES

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
        string="Initiative",
        default="members",
        required=True,
        tracking=True,
        help="Members apply through the party office; the national board may "
        "establish a network on its own initiative and skip the intake.",
    )
    invitation_ids = fields.One2many(
        "party.network.invitation",
        "network_id",
        string="Co-initiator invitations",
        groups=OFFICE_BOARD,
        help="The fellow members the applicant invited; they become initiators "
        "when they accept in the portal.",
    )
    membership_ids = fields.One2many(
        "party.network.membership",
        "network_id",
        string="Memberships",
        groups=OFFICE_BOARD,
    )
    # Stored: the portal shows it on every network card and page, and counting the
    # memberships of twenty networks at party scale took longer than the page.
    member_count = fields.Integer(
        string="Members",
        compute="_compute_member_count",
        store=True,
        compute_sudo=True,
        help="Active members of the network.",
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
        string="Target date",
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
    tag_ids = fields.Many2many(
        "party.network.tag",
        "party_network_tag_rel",
        "network_id",
        "tag_id",
        string="Theme tags",
        help="The themes the network works on. Networks that share a theme may lie "
        "close together and can be merged into one.",
    )
    intake_user_id = fields.Many2one(
        "res.users",
        string="Intake by",
        domain=[("share", "=", False)],
        tracking=True,
        copy=False,
        help="The party office employee who holds the intake conversation.",
    )
    intake_date = fields.Date(
        string="Intake conversation on", tracking=True, copy=False
    )
    intake_breadth = fields.Text(
        string="Breadth",
        copy=False,
        groups=OFFICE_BOARD,
        help="Outcome of the intake: is there enough breadth? Who is involved, from "
        "which parts of the party and the country?",
    )
    intake_added_value = fields.Text(
        string="Added value",
        copy=False,
        groups=OFFICE_BOARD,
        help="Outcome of the intake: what does the network add next to the existing "
        "networks?",
    )
    overlap_network_ids = fields.Many2many(
        "party.network",
        string="Networks close by",
        compute="_compute_overlap_network_ids",
        groups=OFFICE_BOARD,
        help="Networks and applications whose themes lie close to this one: shared "
        "theme tags, or a similar name or goal. Themes that lie close together are "
        "merged into one network.",
    )
    # What the current user is in this network, for record rules and the portal.
    # Not stored: the date is checked at every search, so the end of a term or of
    # a membership takes effect at once.
    user_is_member = fields.Boolean(
        string="I am a member",
        compute="_compute_user_is_member",
        search="_search_user_is_member",
    )
    user_is_core_member = fields.Boolean(
        string="I sit in the core group",
        compute="_compute_user_is_core_member",
        search="_search_user_is_core_member",
        help="Appointed to the core group and within the term, today.",
    )
    user_has_data_access = fields.Boolean(
        string="I see its member data",
        compute="_compute_user_has_data_access",
        search="_search_user_has_data_access",
        help="Sitting in the core group with the requirements met, today: may see "
        "the shared data of the consenting members.",
    )
    date_closed = fields.Date(
        string="Closed on", readonly=True, tracking=True, copy=False
    )
    close_reason = fields.Text(
        string="Reason for closing",
        tracking=True,
        copy=False,
        groups=OFFICE_BOARD,
        help="Why the national board closed the network.",
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
    def _group_expand_states(self, states, domain):
        # the pipeline always shows; rejected, merged and closed only when used
        return [
            key for key, _label in NETWORK_STATES if key in OPEN_STATES or key in states
        ]

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

    @api.depends("membership_ids.state")
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

    @api.depends("name", "goal", "tag_ids")
    def _compute_overlap_network_ids(self):
        for network in self:
            network.overlap_network_ids = network._find_overlapping_networks()

    @api.depends(
        "network_type",
        "state",
        "core_member_ids.state",
        "core_member_ids.governance_experience",
        "core_member_ids.partner_id.state_id",
    )
    def _compute_composition(self):
        return super()._compute_composition()

    def _composition_people(self):
        self.ensure_one()
        seats = self.core_member_ids.filtered(lambda seat: seat.state != "ended")
        people = [(seat.partner_id, seat.governance_experience) for seat in seats]
        return people, self.network_type, self.state == "active"

    @api.model
    def _user_networks(self, role):
        """The networks in which the current user has ``role`` today.

        :param str role: ``member``, ``core_member`` or ``data_access``
        """
        return self.env["party.network.core.member"]._networks_of_role(
            self.env.user.partner_id, role
        )

    def _compute_user_role(self, field_name, role):
        networks = self._user_networks(role)
        for network in self:
            network[field_name] = network in networks

    @api.depends_context("uid")
    def _compute_user_is_member(self):
        self._compute_user_role("user_is_member", "member")

    @api.depends_context("uid")
    def _compute_user_is_core_member(self):
        self._compute_user_role("user_is_core_member", "core_member")

    @api.depends_context("uid")
    def _compute_user_has_data_access(self):
        self._compute_user_role("user_has_data_access", "data_access")

    def _search_user_role(self, role, operator, value):
        positive = searches_true(self.env, operator, value)
        return [("id", "in" if positive else "not in", self._user_networks(role).ids)]

    def _search_user_is_member(self, operator, value):
        return self._search_user_role("member", operator, value)

    def _search_user_is_core_member(self, operator, value):
        return self._search_user_role("core_member", operator, value)

    def _search_user_has_data_access(self, operator, value):
        return self._search_user_role("data_access", operator, value)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for network in self:
            network.access_url = f"/my/networks/{network.id}"
        return res

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

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self.check_access("create")
            if any(map(self._is_members_application, vals_list)):
                self._check_intake_open()
        networks = super().create(vals_list)
        networks.filtered(lambda n: n.state == "application")._schedule_first_activity()
        return networks

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
        return self.env["party.network.membership"]._join(
            self, goal_endorsed=goal_endorsed, consent_data_sharing=consent_data_sharing
        )

    def action_start_intake(self):
        """Invite the initiators of an application to the intake conversation."""
        self._check_role(
            "office",
            self.env._("Only the party office can start an intake conversation."),
        )
        for network in self:
            if network.state != "application":
                raise UserError(
                    self.env._(
                        "Only an application goes to the intake; %(network)s is at "
                        "the stage %(state)s.",
                        network=network.name,
                        state=network._state_label(),
                    )
                )
        intake_user = self.env.user
        if not intake_user.has_group(ROLE_GROUPS["office"]):
            intake_user = self._get_coordinator_user()
        for network in self:
            network.write(
                {
                    "state": "intake",
                    "intake_user_id": network.intake_user_id.id or intake_user.id,
                }
            )
            network.activity_reschedule(
                ["partijnetwerken.mail_activity_type_intake"],
                new_user_id=network.intake_user_id.id,
            )
            network._send_private_mails(
                "partijnetwerken.mail_template_network_intake_invitation",
                network,
                network.initiator_partner_ids,
            )
        return True

    def action_invite_plan(self):
        """Invite the intended core group to write the founding plan.

        Creates the draft plan, proposing the initiators as its core group. Networks
        established by the national board skip the intake.
        """
        self._check_role(
            "office",
            self.env._(
                "Only the party office can invite members to write a founding plan."
            ),
        )
        for network in self:
            states = ("intake",)
            if network.origin == "board":
                states = PRE_PLAN_STATES
            if network.state not in states:
                raise UserError(
                    self.env._(
                        "%(network)s is at the stage %(state)s: only after the intake "
                        "conversation are the initiators invited to write a founding "
                        "plan.",
                        network=network.name,
                        state=network._state_label(),
                    )
                )
            if network.origin == "members" and not network.intake_date:
                raise UserError(
                    self.env._(
                        "Record the date and outcome of the intake conversation with "
                        "%(network)s first.",
                        network=network.name,
                    )
                )
        for network in self:
            network.state = "plan"
            if not network.plan_ids.filtered(
                lambda p: p.state in ("draft", "revision")
            ):
                self.env["party.network.plan"].create(
                    {
                        "network_id": network.id,
                        "goal": network.goal,
                        "proposed_core_partner_ids": [
                            Command.set(network.initiator_partner_ids.ids)
                        ],
                    }
                )
            network.activity_feedback(["partijnetwerken.mail_activity_type_intake"])
            network._schedule_office_activity(
                "partijnetwerken.mail_activity_type_founding_plan"
            )
            network._send_private_mails(
                "partijnetwerken.mail_template_network_plan_invitation",
                network,
                network.initiator_partner_ids,
            )
        return True

    def action_close(self):
        """Close an active network by decision of the national board.

        The reason comes from ``close_reason`` (the form asks for it). The members
        are told by email, one private mail each; memberships and core-group terms
        end and everything is kept as history; the network is archived.
        """
        self._check_role(
            "board", self.env._("Only the national board can close a network.")
        )
        for network in self:
            if network.state != "active":
                raise UserError(
                    self.env._(
                        "Only an active network can be closed; %(network)s is at the "
                        "stage %(state)s.",
                        network=network.name,
                        state=network._state_label(),
                    )
                )
            if not (network.close_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Give the reason why the national board closes %(network)s.",
                        network=network.name,
                    )
                )
        today = fields.Date.context_today(self)
        for network in self:
            # sudo: the board reads memberships but does not change them; closing
            # ends the active memberships of this network only.
            memberships_sudo = (
                self.env["party.network.membership"]
                .sudo()
                .search([("network_id", "=", network.id), ("state", "=", "active")])
            )
            informed = network._mail_members(
                "partijnetwerken.mail_template_network_closed", memberships_sudo
            )
            memberships_sudo.write({"state": "left", "date_left": today})
            network.core_member_ids.filtered(lambda s: s.state != "ended").action_end()
            network.write({"state": "closed", "active": False, "date_closed": today})
            network._post_decision(
                self.env._(
                    "Closed by decision of the national board (%(user)s). "
                    "%(count)s members were informed by email; their memberships and "
                    "the core group's terms have ended.",
                    user=self.env.user.name,
                    count=len(informed),
                ),
                network.close_reason,
            )
        return True

    def action_open_close_wizard(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partijnetwerken.party_network_close_action"
        )
        action["context"] = {"default_network_id": self.id}
        return action

    def action_open_merge_wizard(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partijnetwerken.party_network_merge_action"
        )
        action["context"] = {"default_network_ids": self.ids}
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _board_decision_message(self):
        return self.env._(
            "Only a decision of the national board makes a network active, "
            "rejected or closed."
        )

    def _mail_members(self, template_xmlid, memberships):
        """Mail a template of memberships to their members, one private mail each.

        :return: the memberships whose member was mailed
        """
        self.ensure_one()
        memberships = memberships.filtered(lambda m: m.partner_id.email)
        if memberships:
            self.env.ref(template_xmlid).send_mail_batch(
                memberships.ids, email_values=self._private_mail_values()
            )
        return memberships

    def _find_overlapping_networks(self):
        """Open networks whose themes lie close to this one, closest first.

        Close means: a shared theme tag, or a name or goal that looks alike by
        PostgreSQL trigram similarity (``pg_trgm``); the words every network name
        contains are left out of the comparison. Without ``pg_trgm`` only shared
        theme tags count.
        """
        self.ensure_one()
        self.env["party.network"].flush_model(
            ["name", "goal", "state", "active", "tag_ids"]
        )
        if self.env.registry.has_trigram:
            likeness = SQL(
                """GREATEST(
                    similarity(
                        regexp_replace(lower(other.name), %(generic)s, ' ', 'g'),
                        regexp_replace(lower(%(name)s), %(generic)s, ' ', 'g')
                    ),
                    CASE WHEN other.goal IS NULL OR %(goal)s = '' THEN 0
                         ELSE similarity(other.goal, %(goal)s) END
                )""",
                generic=GENERIC_NAME_WORDS,
                name=self.name or "",
                goal=(self.goal or "").strip(),
            )
        else:
            likeness = SQL("0")
        self.env.cr.execute(
            SQL(
                """
                SELECT id
                  FROM (
                        SELECT other.id,
                               (SELECT count(*)
                                  FROM party_network_tag_rel rel
                                 WHERE rel.network_id = other.id
                                   AND rel.tag_id = ANY(%(tag_ids)s)) AS shared_tags,
                               %(likeness)s AS likeness
                          FROM party_network other
                         WHERE other.id != %(network_id)s
                           AND other.active
                           AND other.state IN %(states)s
                       ) AS candidate
                 WHERE shared_tags > 0 OR likeness >= %(threshold)s
              ORDER BY shared_tags DESC, likeness DESC, id
                 LIMIT 10
                """,
                tag_ids=self.tag_ids._origin.ids,
                likeness=likeness,
                network_id=self._origin.id or 0,
                states=OPEN_STATES,
                threshold=SIMILARITY_THRESHOLD,
            )
        )
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    def _merge_into(self, target, note=False):
        """Fold the networks of ``self`` into ``target``: state ``merged``.

        Their active members move to the target, without duplicates and with the
        consent choices they made; the old memberships are kept as history (left).
        Applications are merged by the party office, active networks by the
        national board. ``note`` says why, for the chatter of both.
        """
        target.ensure_one()
        if any(network.state == "active" for network in self):
            self._check_role(
                "board",
                self.env._("Only the national board can merge an active network."),
            )
        if any(network.state != "active" for network in self):
            self._check_role(
                "office",
                self.env._("Only the party office can merge an application."),
            )
        if target in self:
            raise UserError(self.env._("A network cannot be merged into itself."))
        for network in self | target:
            if network.state not in OPEN_STATES or not network.active:
                raise UserError(
                    self.env._(
                        "%(network)s is at the stage %(state)s and cannot be merged.",
                        network=network.name,
                        state=network._state_label(),
                    )
                )
        today = fields.Date.context_today(self)
        # sudo: the board reads memberships but does not change them; the moves stay
        # within the networks of this merge.
        memberships_sudo = self.env["party.network.membership"].sudo()
        # sudo: as above; the groups of the merged networks go along, archived too.
        groups_sudo = (
            self.env["party.network.working.group"]
            .sudo()
            .with_context(active_test=False)
        )
        for network in self:
            leaving = memberships_sudo.search(
                [("network_id", "=", network.id), ("state", "=", "active")]
            )
            # who takes part in which group, before leaving takes them out
            groups = groups_sudo.search([("network_id", "=", network.id)])
            taking_part = {group: group.membership_ids.partner_id for group in groups}
            # the activities still to come go first, so that leaving cancels none
            # of their registrations
            moved_events = network._move_upcoming_events(target)
            present = memberships_sudo.search(
                [
                    ("network_id", "=", target.id),
                    ("state", "=", "active"),
                    ("partner_id", "in", leaving.partner_id.ids),
                ]
            ).partner_id
            moving = leaving.filtered(
                lambda m, present=present: m.partner_id not in present
                and m.partner_id.is_party_member
            )
            leaving.with_context(pn_consent_channel="merge").write(
                {"state": "left", "date_left": today}
            )
            memberships_sudo.flush_model(["state"])
            memberships_sudo.with_context(pn_welcome_mail=False).create(
                [
                    {
                        "network_id": target.id,
                        "partner_id": membership.partner_id.id,
                        # the goal of the merged network lives on in the target
                        "goal_endorsed": True,
                        **memberships_sudo._consent_values(
                            membership.consent_data_sharing,
                            "merge",
                            membership.consent_date,
                        ),
                        "date_joined": today,
                    }
                    for membership in moving
                ]
            )
            self._move_working_groups(taking_part, target)
            network.core_member_ids.filtered(lambda s: s.state != "ended").action_end()
            target.initiator_partner_ids = [
                Command.link(partner.id) for partner in network.initiator_partner_ids
            ]
            network.write({"state": "merged", "merged_into_id": target.id})
            # nothing is left to do on the merged network and its plans
            (network.activity_ids | network.plan_ids.activity_ids).unlink()
            counts = {
                "moved": len(moving),
                "present": len(present),
                "user": self.env.user.name,
            }
            along = ""
            if moved_events or groups:
                along = " " + self.env._(
                    "Moved along: %(events)s activities still to come, %(groups)s "
                    "working groups.",
                    events=len(moved_events),
                    groups=len(groups),
                )
            network._post_decision(
                self.env._(
                    "Merged into %(target)s by %(user)s: %(moved)s members moved, "
                    "%(present)s were members there already.",
                    target=target.name,
                    **counts,
                )
                + along,
                note,
            )
            target._post_decision(
                self.env._(
                    "%(network)s was merged into this network by %(user)s: "
                    "%(moved)s members moved, %(present)s were members already.",
                    network=network.name,
                    **counts,
                )
                + along,
                note,
            )
        return True

    def _move_upcoming_events(self, target):
        """Move the activities of this network that have not ended to ``target``,
        with their registrations and the contributions made for them: they take
        place all the same, now in the network the members move to.

        :return: the activities moved (sudo)
        """
        self.ensure_one()
        # sudo: the merge is the board's or the office's; the events and the
        # contributions for them change network, nothing else.
        events_sudo = (
            self.env["event.event"]
            .sudo()
            .search(
                [
                    ("network_id", "=", self.id),
                    ("date_end", ">", fields.Datetime.now()),
                ]
            )
        )
        if not events_sudo:
            return events_sudo
        contributions_sudo = (
            self.env["party.network.contribution"]
            .sudo()
            .search([("event_id", "in", events_sudo.ids)])
        )
        events_sudo.write({"network_id": target.id})
        contributions_sudo.write({"network_id": target.id})
        return events_sudo

    @api.model
    def _move_working_groups(self, taking_part, target):
        """Move working groups to ``target`` with those of their members who are
        active members there now (moved by the merge or members already, with the
        consent choice of their membership there); the others drop out.

        :param dict taking_part: ``{group: partners}``, the groups (sudo) and who
            took part in them before the merge
        """
        partners = self.env["res.partner"].union(*taking_part.values())
        # sudo: the groups come sudo; the memberships are the target's only.
        in_target = {
            membership.partner_id: membership
            for membership in self.env["party.network.membership"]
            .sudo()
            .search(
                [
                    ("network_id", "=", target.id),
                    ("state", "=", "active"),
                    ("partner_id", "in", partners.ids),
                ]
            )
        }
        for group, members in taking_part.items():
            staying = [in_target[p].id for p in members if p in in_target]
            # one write: the group's network and members change together
            group.write(
                {"network_id": target.id, "membership_ids": [Command.set(staying)]}
            )

    def _members_reply_to(self):
        """Where members' replies to a core group's message go: the network's
        chatter through the party's catch-all address when there is one, else the
        party office. Shown on the message form."""
        self.ensure_one()
        # sudo: the writer may not read the network's aliases; only the address
        # replies go to is returned.
        return self.sudo()._notify_get_reply_to(default=self._party_reply_to())[self.id]
