# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, escape_psql

from .boolean_search import searches_true
from .plain_text import clean_plain_text

# Lengths of what the core group types in the portal.
NAME_MAX_LENGTH = 80
DESCRIPTION_MAX_LENGTH = 2000


class PartyNetworkWorkingGroup(models.Model):
    """A working group of a network (DESIGN §10.2): members who work on one topic,
    with the core group still responsible.

    Who is in it is member data. Members of the network read the group and its
    member count; the memberships in it are read as the reader (``membership_ids``
    applies the membership rules), so the core group sees them through the same
    consent gate as its member list and prints only their ``shared_*`` fields.
    """

    _name = "party.network.working.group"
    _description = "Working group"
    # The chatter is the party office's: nobody follows it but whom the office adds,
    # and joining or leaving is not tracked (it would tell who is in it).
    _inherit = [
        "party.network.thread.mixin",
        "mail.thread",
        "party.network.record.mixin",
    ]
    _pn_followers_office_only = True
    _order = "name, id"

    network_id = fields.Many2one(tracking=True)
    name = fields.Char(required=True, tracking=True)
    description = fields.Text(tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    membership_ids = fields.Many2many(
        "party.network.membership",
        "party_network_working_group_membership_rel",
        "working_group_id",
        "membership_id",
        string="Members",
        domain="[('network_id', '=', network_id), ('state', '=', 'active')]",
        help="Active members of the network who take part. Who is in a working "
        "group is member data: the core group sees only the members who share "
        "their details with it.",
    )
    member_count = fields.Integer(
        string="Member count", compute="_compute_member_count", compute_sudo=True
    )
    user_is_in_group = fields.Boolean(
        string="I take part",
        compute="_compute_user_is_in_group",
        search="_search_user_is_in_group",
    )

    def _compute_member_count(self):
        # Counted in the relation alone: only active memberships are ever in it
        # (``_check_memberships``, and leaving removes the member from its groups,
        # ``_pn_remove_left_members``). Joining the memberships made PostgreSQL
        # walk every membership of the party: 6.4 ms against 0.6 ms at party scale.
        ids = tuple(self._origin.ids)
        counts = {}
        if ids:
            self.flush_model(["membership_ids"])
            relation = self._fields["membership_ids"].relation
            counts = dict(
                self.env.execute_query(
                    SQL(
                        "SELECT working_group_id, COUNT(*) FROM %s"
                        " WHERE working_group_id IN %s GROUP BY working_group_id",
                        SQL.identifier(relation),
                        ids,
                    )
                )
            )
        for group in self:
            group.member_count = counts.get(group._origin.id, 0)

    def _own_groups_query(self):
        # sudo: the memberships are matched on the reader's own partner only.
        return (
            self.sudo()
            .with_context(active_test=False)
            ._search([("membership_ids", "any", [("is_own", "=", True)])])
        )

    @api.depends_context("uid")
    def _compute_user_is_in_group(self):
        own = self.browse(self._own_groups_query()) if self.ids else self.browse()
        for group in self:
            group.user_is_in_group = group._origin in own

    def _search_user_is_in_group(self, operator, value):
        positive = searches_true(self.env, operator, value)
        return [("id", "in" if positive else "not in", self._own_groups_query())]

    @api.constrains("membership_ids", "network_id")
    def _check_memberships(self):
        for group in self:
            # sudo: the check sees every membership, also those the writer cannot read
            wrong = group.sudo().membership_ids.filtered(
                lambda m, network=group.network_id: m.network_id != network
                or m.state != "active"
            )
            if wrong:
                raise ValidationError(
                    self.env._(
                        "Only active members of %(network)s can take part in its "
                        "working group %(group)s.",
                        network=group.network_id.name,
                        group=group.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        groups = super(
            PartyNetworkWorkingGroup, self.with_context(mail_create_nosubscribe=True)
        ).create(vals_list)
        return groups.with_env(self.env)

    @api.model
    def _get_mail_message_access(self, res_ids, operation, model_name=None):
        check = super()._get_mail_message_access(res_ids, operation, model_name)
        user = self.env.user
        if check == "read" and not (
            user._is_party_office() or user._is_national_board()
        ):
            # the chatter holds the party office's notes: members read the page
            return "write"
        return check

    @api.model
    def _pn_remove_left_members(self, memberships):
        """Leaving the network leaves its working groups, archived ones too.

        Called by ``party.network.membership._on_leave``.
        """
        # sudo: whoever ends a membership (the member, the office, a merge) takes
        # it out of the groups; written on these memberships only.
        for membership in memberships.sudo().with_context(active_test=False):
            groups = membership.working_group_ids
            if groups:
                membership.write(
                    {"working_group_ids": [Command.unlink(g.id) for g in groups]}
                )

    def _own_membership(self):
        """The current user's active membership of the group's network (sudo)."""
        self.ensure_one()
        # sudo: the partner link is for the office; restricted to the reader.
        return (
            self.env["party.network.membership"]
            .sudo()
            .search(
                [
                    ("network_id", "=", self.network_id.id),
                    ("partner_id", "=", self.env.user.partner_id.id),
                    ("state", "=", "active"),
                ],
                limit=1,
            )
        )

    def action_join(self):
        """Take part in this working group as the current user (idempotent)."""
        self.ensure_one()
        self.check_access("read")
        membership = self._own_membership()
        if not membership:
            raise UserError(
                self.env._(
                    "Only members of %(network)s can take part in its working groups.",
                    network=self.network_id.name,
                )
            )
        if not self.active:
            raise UserError(self.env._("This working group is no longer active."))
        # sudo: members do not write memberships or working groups; this links
        # their own membership only, from its side (the relation ignores a second
        # identical link).
        membership.write({"working_group_ids": [Command.link(self.id)]})
        return True

    def action_leave(self):
        """Stop taking part in this working group as the current user."""
        self.ensure_one()
        self.check_access("read")
        membership = self._own_membership()
        if membership:
            # sudo: as above, the reader's own membership only.
            membership.write({"working_group_ids": [Command.unlink(self.id)]})
        return True

    @api.model
    def _portal_create(self, network, name, description):
        """Create a working group of ``network`` for the core group (or the office).

        Only ``name`` and ``description`` are taken from the form, cleaned as plain
        text. A form sent twice makes one group: an active group of the same name
        made by the same user is returned; one made by someone else is refused.
        """
        network = network.with_env(self.env)
        network.ensure_one()
        network.check_access("read")
        if not (self.env.su or self.env.user._is_party_office()) and not (
            network.user_is_core_member
        ):
            raise UserError(
                self.env._(
                    "Only the core group of %(network)s can form its working groups.",
                    network=network.name,
                )
            )
        if network.state != "active":
            raise UserError(
                self.env._(
                    "Working groups can be formed once %(network)s is active.",
                    network=network.name,
                )
            )
        name = clean_plain_text(
            self.env,
            name,
            self.env._("Name"),
            max_length=NAME_MAX_LENGTH,
            required=True,
        )
        description = clean_plain_text(
            self.env,
            description,
            self.env._("Description"),
            max_length=DESCRIPTION_MAX_LENGTH,
            required=True,
            multiline=True,
        )
        # sudo: members and the core group do not create working groups over
        # RPC; this one is made with the checked values above only.
        groups_sudo = self.sudo()
        existing = groups_sudo.search(
            [("network_id", "=", network.id), ("name", "=ilike", escape_psql(name))],
            limit=1,
        )
        if existing and existing.create_uid == self.env.user:
            return self.browse(existing.id)
        if existing:
            raise ValidationError(
                self.env._(
                    "%(network)s already has a working group called %(name)s.",
                    network=network.name,
                    name=existing.name,
                )
            )
        group = groups_sudo.create(
            {
                "network_id": network.id,
                "name": name,
                "description": description,
            }
        )
        return self.browse(group.id)

    @api.model
    def _portal_network_groups(self, network):
        """The working groups of ``network`` that the user may see (as the user)."""
        return self.search([("network_id", "=", network.id)])

    def _portal_members_domain(self):
        """The memberships of the group that the user may see listed: searched as
        the user, so the membership rules decide (own, or active and consenting in
        a network where the reader has data access); narrowed to those who
        share."""
        self.ensure_one()
        return [
            ("working_group_ids", "in", self.ids),
            ("state", "=", "active"),
            ("consent_data_sharing", "=", True),
            ("core_visible", "=", True),
        ]

    def _portal_members(self, offset=0, limit=None):
        """Those memberships (``_portal_members_domain``) by the member's name, a
        page of them with ``offset`` and ``limit``."""
        self.ensure_one()
        return self.env["party.network.membership"]._portal_search_by_name(
            self.network_id, self._portal_members_domain(), offset, limit
        )
