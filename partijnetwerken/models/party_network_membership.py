# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import psycopg2

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from .boolean_search import search_own_partner, searches_true
from .const import CONSENT_CHANNELS, OFFICE_BOARD
from .export_guard import check_export_field_access


class PartyNetworkMembership(models.Model):
    _name = "party.network.membership"
    _description = "Network membership"
    # The chatter is the membership's history: joining, consent given or withdrawn
    # and leaving are tracked. Nobody is subscribed, so it sends no mail.
    _inherit = [
        "party.network.thread.mixin",
        "mail.thread",
        "party.network.record.mixin",
    ]
    _pn_followers_office_only = True
    _order = "date_joined desc, id desc"
    _rec_names_search = ["network_id"]

    # Who is a member is private: only the office and the board read the partner.
    # Everyone else reads the consent-gated ``shared_*`` fields below.
    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        index=True,
        ondelete="restrict",
        groups=OFFICE_BOARD,
    )
    # The member lists' order, the member's name, without joining the partners: at
    # party scale that join looked up all 3,000 sharing members of a network in
    # res_partner for each page of 50.
    partner_sort_name = fields.Char(
        string="Member name",
        related="partner_id.complete_name",
        store=True,
        groups=OFFICE_BOARD,
    )
    state = fields.Selection(
        [("active", "Active"), ("left", "Left")],
        default="active",
        required=True,
        index=True,
        tracking=True,
    )
    date_joined = fields.Date(
        string="Joined on", default=fields.Date.context_today, required=True
    )
    date_left = fields.Date(string="Left on", tracking=True)
    goal_endorsed = fields.Boolean(
        string="Endorses the goal",
        help="The member endorses the network's goal; required to join.",
        tracking=True,
    )
    consent_data_sharing = fields.Boolean(
        string="Shares data with the core group",
        help="The member consents to the party office giving the network's core "
        "group access to their name, email, phone and city. It can be withdrawn at "
        "any time and then takes effect at once.",
        tracking=True,
    )
    consent_date = fields.Datetime(string="Consent changed on")
    date_welcomed = fields.Datetime(
        string="Welcome mail sent on",
        readonly=True,
        copy=False,
        groups=OFFICE_BOARD,
        help="When the member was sent the welcome mail of the network; it is sent "
        "once, when the membership becomes active.",
    )
    consent_channel = fields.Selection(
        CONSENT_CHANNELS,
        string="Consent changed through",
        readonly=True,
        tracking=True,
        help="Who gave or withdrew the consent last: the member in the portal, the "
        "party office, a merge of networks, or the system.",
    )
    is_own = fields.Boolean(
        string="My membership",
        compute="_compute_is_own",
        search="_search_is_own",
    )
    shared_name = fields.Char(
        string="Name",
        compute="_compute_shared",
        compute_sudo=True,
        search="_search_shared_name",
    )
    shared_email = fields.Char(
        string="Email",
        compute="_compute_shared",
        compute_sudo=True,
        search="_search_shared_email",
    )
    shared_phone = fields.Char(
        string="Phone", compute="_compute_shared", compute_sudo=True
    )
    shared_city = fields.Char(
        string="City",
        compute="_compute_shared",
        compute_sudo=True,
        search="_search_shared_city",
    )
    consent_ids = fields.One2many(
        "party.network.consent",
        "membership_id",
        string="Consent history",
        groups=OFFICE_BOARD,
    )
    # Where a member lives says something about who they are: office and board
    # only, like the partner. Not stored: it lets one grouped query count the
    # provinces of many networks (``party.network.province_count``).
    partner_state_id = fields.Many2one(
        related="partner_id.state_id", string="Province", groups=OFFICE_BOARD
    )
    working_group_ids = fields.Many2many(
        "party.network.working.group",
        "party_network_working_group_membership_rel",
        "membership_id",
        "working_group_id",
        string="Working groups",
    )

    core_visible = fields.Boolean(
        string="Visible to my core group",
        compute="_compute_core_visible",
        search="_search_core_visible",
        help="Active, consenting membership of a network whose member data the "
        "current user may see as core-group member today.",
    )

    _sql_constraints = [
        # Implemented by the partial unique index created in init(): it also holds
        # when two join requests arrive at the same time.
        (
            "one_active_membership",
            "",
            "This person is already an active member of this network.",
        ),
    ]

    @api.depends("partner_id")
    @api.depends_context("uid")
    def _compute_is_own(self):
        # sudo: the partner link is restricted to the office; comparing it with the
        # reader's own partner reveals nothing about others.
        partner = self.env.user.partner_id
        for membership in self:
            membership.is_own = membership.sudo().partner_id == partner

    def _search_is_own(self, operator, value):
        return search_own_partner(self, operator, value)

    @api.model
    def _core_visible_domain(self):
        networks = self.env["party.network.core.member"]._networks_with_data_access(
            self.env.user.partner_id
        )
        return [
            ("network_id", "in", networks.ids),
            ("state", "=", "active"),
            ("consent_data_sharing", "=", True),
        ]

    @api.depends("network_id", "state", "consent_data_sharing")
    @api.depends_context("uid")
    def _compute_core_visible(self):
        visible = self.filtered_domain(self._core_visible_domain())
        for membership in self:
            membership.core_visible = membership in visible

    def _search_core_visible(self, operator, value):
        positive = searches_true(self.env, operator, value)
        query = self.sudo()._search(self._core_visible_domain())
        return [("id", "in" if positive else "not in", query)]

    @api.depends(
        "state",
        "consent_data_sharing",
        "partner_id.name",
        "partner_id.email",
        "partner_id.phone",
        "partner_id.mobile",
        "partner_id.city",
    )
    @api.depends_context("uid")
    def _compute_shared(self):
        readable = self.filtered_domain(self._shared_readable_domain())
        # the shared fields only: a partner has seventy columns
        readable.partner_id.fetch(["name", "email", "phone", "mobile", "city"])
        for membership in self:
            partner = membership.partner_id if membership in readable else None
            membership.shared_name = partner.name if partner else False
            membership.shared_email = partner.email if partner else False
            membership.shared_phone = (
                (partner.phone or partner.mobile) if partner else False
            )
            membership.shared_city = partner.city if partner else False

    def _shared_readable_domain(self):
        """Domain of the memberships whose shared data the current user may read:
        active and consenting, and for anyone but the office and the board, of a
        network where they have core-group data access, or their own."""
        domain = [("state", "=", "active"), ("consent_data_sharing", "=", True)]
        user = self.env.user
        if self._reads_all_members():
            return domain
        networks = self.env["party.network.core.member"]._networks_with_data_access(
            user.partner_id
        )
        return [
            *domain,
            "|",
            ("network_id", "in", networks.ids),
            ("partner_id", "=", user.partner_id.id),
        ]

    def _search_shared(self, partner_field, operator, value):
        """Search the shared data exactly as the reader sees it.

        Only memberships whose shared data the reader may read can match, so a
        search never tells anything about a member who did not consent. The ids
        are one SQL subquery: searching, counting and paging stay in the database.
        """
        if operator not in ("=", "ilike", "=ilike", "like", "=like") or not (
            isinstance(value, str) and value
        ):
            raise UserError(self.env._("Unsupported search on shared member data."))
        # sudo: the partner is office-only in domains; the domain is limited to the
        # memberships whose shared data the current user may read (see above).
        query = self.sudo()._search(
            [
                *self._shared_readable_domain(),
                ("partner_id", "any", [(partner_field, operator, value)]),
            ]
        )
        return [("id", "in", query)]

    def _search_shared_name(self, operator, value):
        return self._search_shared("name", operator, value)

    def _search_shared_email(self, operator, value):
        return self._search_shared("email", operator, value)

    def _search_shared_city(self, operator, value):
        return self._search_shared("city", operator, value)

    @api.depends("network_id", "shared_name")
    @api.depends_context("uid")
    def _compute_display_name(self):
        # The name of a member is shown only where the reader may see it: the office
        # and the board always, others only within the member's consent.
        full = self._reads_all_members()
        for membership in self:
            if full:
                name = membership.sudo().partner_id.name
            else:
                name = membership.shared_name or self.env._("Member")
            membership.display_name = self.env._(
                "%(member)s – %(network)s",
                member=name,
                network=membership.network_id.name,
            )

    @api.constrains("goal_endorsed", "state")
    def _check_goal_endorsed(self):
        for membership in self:
            if membership.state == "active" and not membership.goal_endorsed:
                raise ValidationError(
                    self.env._(
                        "To join %(network)s a member must endorse its goal.",
                        network=membership.network_id.name,
                    )
                )

    @api.constrains("partner_id", "state")
    def _check_party_member(self):
        for membership in self:
            if (
                membership.state == "active"
                and not membership.partner_id.is_party_member
            ):
                raise ValidationError(
                    self.env._(
                        "Only party members can join a network; %(partner)s is not "
                        "a party member.",
                        partner=membership.partner_id.name,
                    )
                )

    @api.constrains("date_joined", "date_left")
    def _check_dates(self):
        for membership in self:
            if membership.date_left and membership.date_left < membership.date_joined:
                raise ValidationError(
                    self.env._(
                        "The date a member left cannot lie before the date they joined."
                    )
                )

    @api.model
    def _reads_all_members(self):
        """Whether the current user is party office or national board: they read
        every member's identity and every membership's history (chatter).

        The history is the party office's file on a member: the core group, which
        may read a consenting member's membership, may not read the notes on it.
        """
        user = self.env.user
        return user._is_party_office() or user._is_national_board()

    @api.model
    def _get_mail_message_access(self, res_ids, operation, model_name=None):
        check = super()._get_mail_message_access(res_ids, operation, model_name)
        if check == "read" and not self._reads_all_members():
            # nobody else has write access: reading a message is refused
            return "write"
        return check

    def export_data(self, fields_to_export):
        check_export_field_access(self, fields_to_export)
        return super().export_data(fields_to_export)

    @api.model_create_multi
    def create(self, vals_list):
        # A pending "left" must reach the database before the new active row, or
        # the unique index would see two active memberships (leave, then rejoin).
        self.flush_model(["state"])
        vals_list = [self._with_consent_values(vals) for vals in vals_list]
        memberships = super(
            PartyNetworkMembership, self.with_context(mail_create_nosubscribe=True)
        ).create(vals_list)
        memberships._record_consent("join")
        memberships._send_welcome_mail()
        return memberships.with_env(self.env)

    def write(self, vals):
        leaving = (
            self.filtered(lambda m: m.state == "active")
            if vals.get("state") == "left"
            else self.browse()
        )
        changing = (
            self.filtered(
                lambda m: m.consent_data_sharing != bool(vals["consent_data_sharing"])
            )
            if "consent_data_sharing" in vals
            else self.browse()
        )
        vals = self._with_consent_values(vals)
        if vals.get("state") == "left" and "date_left" not in vals:
            today = fields.Date.context_today(self)
            # "today" is the writer's, in their time zone; a membership that the
            # office created in another one may start a day later. A member never
            # leaves before they joined.
            joined_later = self.filtered(lambda m: m.date_joined > today)
            for membership in joined_later:
                super(PartyNetworkMembership, membership).write(
                    {**vals, "date_left": membership.date_joined}
                )
            res = super(PartyNetworkMembership, self - joined_later).write(
                {**vals, "date_left": today}
            )
        else:
            res = super().write(vals)
        changing._record_consent("change")
        if leaving:
            leaving._on_leave()
            leaving._record_consent("leave", consent=False)
        return res

    def _on_leave(self):
        """Called once for the memberships that just ended, whatever the path
        (the member leaves, leaves the party, the network closes or merges).

        The areas of the second stage add theirs here, as methods of their own
        models: one extension class per model and addon.
        """
        self.env["event.registration"]._pn_cancel_after_leaving(self)
        self.env["party.network.working.group"]._pn_remove_left_members(self)

    def _send_welcome_mail(self):
        """Welcome the members of the memberships that just became active, once.

        The mail says what the network is, what the member chose to share and
        where to change it. Not for memberships loaded from data files (demo) or
        imported by the office, nor when the caller says so with the context key
        ``pn_welcome_mail=False`` (a merge moves members who chose another network).
        """
        context = self.env.context
        if (
            context.get("pn_welcome_mail") is False
            or context.get("install_filename")
            or context.get("import_file")
        ):
            return
        # sudo: the member joining in the portal may not read their membership's
        # partner; the mail goes to that member only.
        memberships_sudo = self.sudo().filtered(
            lambda m: m.state == "active"
            and not m.date_welcomed
            and m.network_id.state == "active"
        )
        welcomed = self.sudo().browse()
        for network, memberships in memberships_sudo.grouped("network_id").items():
            welcomed |= network._mail_members(
                "partijnetwerken.mail_template_membership_welcome", memberships
            )
        welcomed.write({"date_welcomed": fields.Datetime.now()})

    def _record_consent(self, event, consent=None):
        """Add a row to the consent register for each membership (DESIGN §10.6).

        :param str event: ``join``, ``change`` or ``leave``
        :param consent: the consent from now on; default the membership's own
        """
        if not self:
            return
        Consent = self.env["party.network.consent"]
        own_partner = self.env.user.partner_id
        rows = []
        for membership in self.sudo():
            given = membership.consent_data_sharing if consent is None else consent
            channel = self._consent_channel_now(membership, event)
            # what the member saw: the page in their own session's language, else
            # the language they get their mails in
            lang = (
                self.env.lang
                if membership.partner_id == own_partner
                else membership.partner_id.lang or self.env.lang
            )
            rows.append(
                {
                    "membership_id": membership.id,
                    "network_id": membership.network_id.id,
                    "partner_id": membership.partner_id.id,
                    "consent": given,
                    "event": event,
                    # when the member decided: kept on a merge and in imported data
                    "date": event != "leave"
                    and membership.consent_date
                    or fields.Datetime.now(),
                    "channel": channel,
                    "user_id": self.env.uid,
                    "consent_text": Consent._text_for(event, given, channel, lang),
                }
            )
        # sudo: nobody has create access on the register; this is its one path.
        Consent.sudo().create(rows)

    def _consent_channel_now(self, membership, event):
        """Through which channel the current change of ``membership`` came."""
        if event != "leave" and membership.consent_channel:
            return membership.consent_channel
        if self.env.context.get("pn_consent_channel"):
            return self.env.context["pn_consent_channel"]
        if membership.partner_id == self.env.user.partner_id:
            return "portal"
        if self.env.user._is_party_office():
            return "office"
        return "system"

    @api.constrains("working_group_ids")
    def _check_working_groups(self):
        # the groups' own constraint holds when they are written; this one when
        # a membership is linked from its side (joining in the portal)
        for membership in self.sudo().with_context(active_test=False):
            groups = membership.working_group_ids
            if groups and (
                membership.state != "active"
                or groups.network_id != membership.network_id
            ):
                raise ValidationError(
                    self.env._(
                        "Only active members of %(network)s can take part in its "
                        "working groups.",
                        network=membership.network_id.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        raise UserError(
            self.env._(
                "Memberships are kept as history and cannot be deleted. "
                "Let the member leave the network instead."
            )
        )

    def _check_own_or_office(self):
        """Members change their own membership; the office changes any."""
        if self.env.user._is_party_office():
            self.check_access("write")
            return
        self.check_access("read")
        if not all(self.mapped("is_own")):
            raise AccessError(self.env._("You can only change your own membership."))

    def action_leave(self):
        """Leave the network: the membership is kept as history."""
        self._check_own_or_office()
        # sudo: members have no write access; access was checked just above.
        self.sudo().filtered(lambda m: m.state == "active").write({"state": "left"})
        return True

    def action_set_consent(self, consent):
        """Give (True) or withdraw (False) consent to share data with the core group."""
        self._check_own_or_office()
        channel = "portal" if all(self.mapped("is_own")) else "office"
        # sudo: members have no write access; access was checked just above.
        self.sudo().filtered(lambda m: m.consent_data_sharing != bool(consent)).write(
            self._consent_values(consent, channel)
        )
        return True

    @api.model
    def _consent_values(self, consent, channel, date=None):
        """The values of a change of consent: the one path every change takes.

        :param str channel: ``portal``, ``office``, ``merge`` or ``system``
        :param date: when the member decided (kept on a merge); default now
        """
        return {
            "consent_data_sharing": bool(consent),
            "consent_date": date or fields.Datetime.now(),
            "consent_channel": channel,
        }

    @api.model
    def _with_consent_values(self, vals):
        """``vals`` completed by ``_consent_values`` when it changes the consent
        without saying how (the back-office form, imports, demo data)."""
        if "consent_data_sharing" not in vals or "consent_channel" in vals:
            return vals
        channel = "office" if self.env.user._is_party_office() else "system"
        consent = self._consent_values(
            vals["consent_data_sharing"], channel, vals.get("consent_date")
        )
        return {**vals, **consent}

    @api.model
    def _join(self, network, goal_endorsed=False, consent_data_sharing=False):
        """Make the current user's partner an active member of ``network``.

        Idempotent: a member who is already active gets the existing membership.
        """
        network.ensure_one()
        network.check_access("read")
        partner = self.env.user.partner_id
        if network.state != "active":
            raise UserError(
                self.env._(
                    "%(network)s is not open for members yet.", network=network.name
                )
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
                    "To join %(network)s you must endorse its goal.",
                    network=network.name,
                )
            )
        # sudo: members cannot write memberships; this one is their own, created
        # for the current user's partner only.
        memberships_sudo = self.env["party.network.membership"].sudo()
        domain = [
            ("network_id", "=", network.id),
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
                        "network_id": network.id,
                        "partner_id": partner.id,
                        "goal_endorsed": True,
                        **self._consent_values(consent_data_sharing, "portal"),
                    }
                )
        except psycopg2.IntegrityError:
            # A concurrent request created the same membership first.
            raise UserError(
                self.env._(
                    "You are already a member of %(network)s.", network=network.name
                )
            ) from None
        return membership.with_env(self.env)

    @api.model
    def _portal_member_page(self, network, search=None, offset=0, limit=50):
        """The page of the member list that a core-group member sees in the portal.

        Searched as the current user: the record rules decide which memberships
        are listed, this only narrows them to the network's active, consenting
        members (and to ``search`` on the shared name, email or city).

        :return: (memberships of the page, number matching the search, number of
            members who share their data)
        """
        domain = self._portal_member_domain(network)
        shared_count = self.search_count(domain)
        if search:
            domain = self._portal_member_domain(network, search)
        count = self.search_count(domain) if search else shared_count
        memberships = self._portal_search_by_name(network, domain, offset, limit)
        return memberships, count, shared_count

    @api.model
    def _portal_search_by_name(self, network, domain, offset=0, limit=None):
        """The memberships of ``network`` that the current user's own search of
        ``domain`` returns, in the member lists' order: by the member's name.

        The portal's member list and a working group's list page with it."""
        # sudo: only to sort by the member's name (office-only, as the partner);
        # the ids are the ones the user's own search returns. The list's own
        # conditions again, so that PostgreSQL reads only the network's sharing
        # members by its index instead of scanning all memberships of the party.
        return (
            self.sudo()
            .search(
                [
                    *self._portal_member_domain(network),
                    ("id", "in", self._search(domain)),
                ],
                order="partner_sort_name, id",
                offset=offset,
                limit=limit,
            )
            .sudo(False)
        )

    @api.model
    def _portal_member_domain(self, network, search=None):
        """The member list of ``network``: active, consenting members, matching
        ``search`` on the shared name, email or city."""
        domain = [
            ("network_id", "=", network.id),
            ("state", "=", "active"),
            ("consent_data_sharing", "=", True),
        ]
        if search:
            domain += [
                "|",
                "|",
                ("shared_name", "ilike", search),
                ("shared_email", "ilike", search),
                ("shared_city", "ilike", search),
            ]
        return domain

    @api.model
    def _portal_member_rows(self, network, search=None):
        """The shared data of the whole member list, for the CSV: name, email,
        phone and city, in the order of the portal page.

        One query over the partners of the memberships that the current user's
        own search returns, when the user may read the shared data of this
        network: the same gate as the ``shared_*`` fields, checked once for the
        network instead of per row.

        :return: list of tuples
        """
        # The gate of the shared_* fields, for one network: the reader sees the
        # shared data of its active, consenting members when they read all
        # members (office, board) or have data access to it today.
        if not self._reads_all_members() and network not in self.env[
            "party.network.core.member"
        ]._networks_with_data_access(self.env.user.partner_id):
            return []
        # as the user: the record rules decide which memberships are listed
        memberships = self._search(self._portal_member_domain(network, search))
        self.env.cr.execute(
            SQL(
                """
                SELECT partner.name, partner.email,
                       COALESCE(NULLIF(partner.phone, ''), partner.mobile),
                       partner.city
                  FROM res_partner partner
                  JOIN %(table)s membership ON membership.partner_id = partner.id
                 WHERE membership.id IN %(ids)s
              ORDER BY membership.partner_sort_name, membership.id
                """,
                table=SQL.identifier(self._table),
                ids=memberships.subselect(),
            )
        )
        return self.env.cr.fetchall()

    def init(self):
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS
                party_network_membership_one_active_membership
                ON party_network_membership (network_id, partner_id)
             WHERE state = 'active'
            """
        )
