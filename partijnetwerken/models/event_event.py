# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytz
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, format_date

from .plain_text import checkbox_value, clean_plain_text, strip_control_chars

# The party works in Dutch time: the time zone of a member who has none set.
DEFAULT_TZ = "Europe/Amsterdam"
# What the browser's ``datetime-local`` input sends.
DATETIME_LOCAL_FORMAT = "%Y-%m-%dT%H:%M"
MAX_NAME_LENGTH = 120
MAX_LOCATION_LENGTH = 250
MAX_URL_LENGTH = 500
MAX_SEATS = 10_000
# How far ahead the core group may plan, and how long one activity may last.
MAX_PLAN_YEARS = 3
MAX_DURATION_DAYS = 14
OPEN_STATES = ("open", "done")
# Days before an activity that its registered members are reminded of it, unless
# the setting partijnetwerken.event_reminder_days says otherwise.
DEFAULT_REMINDER_DAYS = 2


def is_web_url(url):
    """Whether ``url`` is an absolute http(s) address (no script, no mail link)."""
    if not url or any(char.isspace() for char in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


class EventEvent(models.Model):
    _name = "event.event"
    # The office mixin: the coordinator's activity for a new network activity.
    _inherit = ["event.event", "party.network.office.mixin"]

    network_id = fields.Many2one(
        "party.network",
        string="Party network",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
    )
    network_activity_kind = fields.Selection(
        [
            ("meeting", "Meeting"),
            ("expert_session", "Expert session"),
            ("working_visit", "Working visit"),
        ],
        string="Kind of network activity",
    )
    network_members_only = fields.Boolean(
        string="Network members only",
        default=True,
        help="Only active members of the network may register. Otherwise any "
        "party member may.",
    )
    network_location = fields.Char(
        string="Place",
        help="Where the activity takes place, as the core group typed it.",
    )
    network_online_url = fields.Char(
        string="Online link",
        help="The link of the online meeting (http or https).",
    )

    @api.depends(
        "date_tz",
        "event_registrations_started",
        "date_begin",
        "date_end",
        "seats_available",
        "seats_limited",
        "seats_max",
        "event_ticket_ids.sale_available",
        "network_id",
    )
    def _compute_event_registrations_open(self):
        # Registration for a network activity closes when it starts.
        res = super()._compute_event_registrations_open()
        now = fields.Datetime.now()
        for event in self:
            if event.network_id and event.date_begin and event.date_begin <= now:
                event.event_registrations_open = False
        return res

    @api.depends("event_type_id")
    def _compute_event_mail_ids(self):
        # A network activity confirms each registration with the party's own
        # mail (in the member's language, with the activity as .ics attachment)
        # instead of event's ticket, whose links a portal member cannot open, and
        # reminds the registered members of it shortly before it starts.
        network_events = self.filtered(
            lambda e: e.network_id and not e.event_type_id and not e.event_mail_ids
        )
        for event in network_events:
            event.event_mail_ids = self._network_event_mail_values()
        return super(EventEvent, self - network_events)._compute_event_mail_ids()

    @api.model
    def _network_event_mail_values(self):
        """The mail schedulers of a new network activity: the confirmation on
        registration, and the reminder (``_network_event_reminder_values``)."""
        template = self.env.ref(
            "partijnetwerken.mail_template_network_event_registration",
            raise_if_not_found=False,
        )
        if not template:
            return self._network_event_reminder_values()
        return [
            Command.create(
                {
                    "interval_nbr": 0,
                    "interval_unit": "now",
                    "interval_type": "after_sub",
                    "template_ref": f"mail.template,{template.id}",
                }
            ),
            *self._network_event_reminder_values(),
        ]

    @api.model
    def _network_event_reminder_values(self):
        """The reminder's scheduler, ``partijnetwerken.event_reminder_days`` days
        before the start (event's own ``before_event``); none for fewer than one
        day."""
        days = self.env["party.network"]._get_setting_int(
            "event_reminder_days", DEFAULT_REMINDER_DAYS
        )
        template = self.env.ref(
            "partijnetwerken.mail_template_network_event_reminder",
            raise_if_not_found=False,
        )
        if not template or days < 1:
            return []
        return [
            Command.create(
                {
                    "interval_nbr": days,
                    "interval_unit": "days",
                    "interval_type": "before_event",
                    "template_ref": f"mail.template,{template.id}",
                }
            )
        ]

    @api.model
    def _pn_add_missing_reminders(self):
        """Give the network activities still to come that have no reminder the one
        that new activities get (``_network_event_reminder_values``); activities of
        an event type keep the type's schedule. For the upgrade that brought the
        reminder (migrations/18.0.1.1.0).

        :return: the activities that got a reminder
        """
        events = self.search(
            [
                ("network_id", "!=", False),
                ("event_type_id", "=", False),
                ("date_begin", ">", fields.Datetime.now()),
            ]
        ).filtered(
            lambda e: "before_event" not in e.event_mail_ids.mapped("interval_type")
        )
        reminder = self._network_event_reminder_values()
        if not reminder:
            return self.browse()
        # one write: a create command on several records makes one line each
        events.write({"event_mail_ids": reminder})
        return events

    @api.constrains("network_online_url")
    def _check_network_online_url(self):
        for event in self:
            if event.network_online_url and not is_web_url(event.network_online_url):
                raise ValidationError(
                    self.env._(
                        "The online link must be a web address that starts with "
                        "http:// or https://."
                    )
                )

    # ------------------------------------------------------------------
    # Portal: the helpers below run as the portal user; each sudo is confined
    # to one lookup and says why.
    # ------------------------------------------------------------------

    @api.model
    def _portal_upcoming(self, networks, limit=None, field_names=None):
        """The upcoming activities of each network: ``{network: events}`` (sudo).

        :param field_names: the fields the page shows, read at once (a list of
            networks shows a few of sixty); by default the events' own, as usual
        """
        # sudo: plain ``event`` gives portal users no access to events; these are
        # the activities of networks the user may read, shown to their members.
        domain = [
            ("network_id", "in", networks.ids),
            ("date_end", ">", fields.Datetime.now()),
            ("stage_id.pipe_end", "=", False),
        ]
        Event = self.env["event.event"].sudo()
        events_sudo = (
            Event.search_fetch(
                domain, ["network_id", *field_names], order="date_begin, id"
            )
            if field_names
            else Event.search(domain, order="date_begin, id")
        )
        upcoming = {network: events_sudo.browse() for network in networks}
        for event in events_sudo:
            network = event.network_id
            if limit is None or len(upcoming[network]) < limit:
                upcoming[network] |= event
        return upcoming

    def _portal_start_day(self):
        """The day the activity starts, in its own time zone, written as the
        reader's language writes dates (a card of the browse page shows it)."""
        self.ensure_one()
        tz = pytz.timezone(self.date_tz or DEFAULT_TZ)
        start = pytz.utc.localize(self.date_begin).astimezone(tz)
        return format_date(self.env, start.date())

    @api.model
    def _portal_network_event(self, network, event_id):
        """The activity ``event_id`` of ``network`` (sudo), or an empty recordset.

        ``network`` has been read as the user; only its own activities are found.
        """
        # sudo: portal users have no access to events in plain ``event``; the
        # search is restricted to the activities of a network the user may read.
        return (
            self.env["event.event"]
            .sudo()
            .search([("id", "=", event_id), ("network_id", "=", network.id)])
        )

    @api.model
    def _portal_own_registrations(self, events):
        """``{event: registration}``: the user's open registrations of ``events``."""
        # sudo: portal users cannot read registrations; restricted to their own.
        registrations_sudo = (
            self.env["event.registration"]
            .sudo()
            .search(
                [
                    ("event_id", "in", events.ids),
                    ("partner_id", "=", self.env.user.partner_id.id),
                    ("state", "in", OPEN_STATES),
                ]
            )
        )
        return {
            registration.event_id: registration for registration in registrations_sudo
        }

    @api.model
    def _portal_my_registrations(self):
        """The user's own open registrations for upcoming network activities."""
        # sudo: as above, restricted to the user's own registrations.
        registrations_sudo = (
            self.env["event.registration"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", self.env.user.partner_id.id),
                    ("state", "in", OPEN_STATES),
                    ("event_id.network_id", "!=", False),
                    ("event_id.date_end", ">", fields.Datetime.now()),
                ]
            )
        )
        return registrations_sudo.sorted(lambda r: (r.event_id.date_begin, r.id))

    def _portal_registration_error(self):
        """Why the current user cannot register for this activity, or None."""
        self.ensure_one()
        _ = self.env._
        network = self.network_id
        now = fields.Datetime.now()
        if not network or network.state != "active":
            return _("This activity is not open for registration.")
        if self.date_end and self.date_end <= now:
            return _("This activity has already taken place.")
        if self.date_begin and self.date_begin <= now:
            return _("This activity has already started; registration is closed.")
        if self.stage_id.pipe_end:
            return _("This activity has ended.")
        if self.network_members_only:
            if not network.user_is_member:
                return _(
                    "This activity is for members of the network. Join the network "
                    "first, then register."
                )
        elif not self.env.user.partner_id.is_party_member:
            return _("Only party members can register for this activity.")
        if self.seats_limited and self.seats_max and self.seats_available <= 0:
            return _("This activity is full.")
        return None

    def _portal_register(self):
        """Register the current user's partner for this activity (one row per
        partner and event: a cancelled one is reopened, a repeat adds none).

        Every check comes before the first write: the event mail scheduler that a
        new registration starts may commit, so nothing may need a rollback after.

        :raise UserError: with the reason for the member
        """
        self.ensure_one()
        partner = self.env.user.partner_id
        # Two registrations of one member at the same moment (a double click that
        # reaches two workers): a row version of the event of its own, so that the
        # second waits here and, once the first has committed, fails to serialise;
        # Odoo retries that request, and the retry finds the first registration.
        self.env.cr.execute(
            SQL("UPDATE event_event SET write_date = write_date WHERE id = %s", self.id)
        )
        # sudo: portal users have no access to registrations; restricted to the
        # user's own registration of this activity.
        registration_sudo = (
            self.env["event.registration"]
            .sudo()
            .search(
                [("event_id", "=", self.id), ("partner_id", "=", partner.id)],
                order="id",
                limit=1,
            )
        )
        if registration_sudo.state in OPEN_STATES:
            return registration_sudo
        error = self._portal_registration_error()
        if error:
            raise UserError(error)
        if registration_sudo:
            registration_sudo.state = "open"
            return registration_sudo
        return (
            self.env["event.registration"]
            .sudo()
            .create({"event_id": self.id, "partner_id": partner.id, "state": "open"})
        )

    def _portal_unregister(self):
        """Cancel the current user's registration for this activity, if any."""
        self.ensure_one()
        if self.date_end and self.date_end <= fields.Datetime.now():
            raise UserError(self.env._("This activity has already taken place."))
        # sudo: as above, restricted to the user's own registration.
        registrations_sudo = (
            self.env["event.registration"]
            .sudo()
            .search(
                [
                    ("event_id", "=", self.id),
                    ("partner_id", "=", self.env.user.partner_id.id),
                    ("state", "in", ("draft", *OPEN_STATES)),
                ]
            )
        )
        registrations_sudo.action_cancel()
        return registrations_sudo

    def _portal_registration_domain(self):
        """The domain of the memberships of the registered members whose names
        the current user may see, to search as the user: the consent gate (the
        membership rule and ``core_visible``) decides; the registrations only
        narrow the search, as a list of candidate memberships."""
        self.ensure_one()
        # sudo: the partners of registrations are not the reader's to see; they
        # only narrow a search that runs as the user, in the database.
        registered = (
            self.env["event.registration"]
            .sudo()
            ._search([("event_id", "=", self.id), ("state", "in", OPEN_STATES)])
        )
        # sudo: the partner of a membership is office-only in domains; the ids
        # found are filtered again as the user. Read as a list (at most the
        # activity's registrations): as a subquery, PostgreSQL drove the user's
        # search from a scan of every membership of the party, its rule being an
        # OR (5.3 ms against 2.3 ms at party scale, 288 names of 500).
        candidates = (
            self.env["party.network.membership"]
            .sudo()
            .search(
                [
                    ("network_id", "=", self.network_id.id),
                    ("state", "=", "active"),
                    ("partner_id", "in", registered.subselect("partner_id")),
                ]
            )
            .ids
        )
        return [("id", "in", candidates), ("core_visible", "=", True)]

    def _portal_registration_memberships(self):
        """Those memberships (``_portal_registration_domain``), searched as the
        user even when ``self`` is sudo, by the member's name: their ids only
        (one query), for the caller to page through."""
        self.ensure_one()
        return (
            self.env["party.network.membership"]
            .sudo(False)
            ._portal_search_by_name(self.network_id, self._portal_registration_domain())
        )

    # ------------------------------------------------------------------
    # Organising from the portal
    # ------------------------------------------------------------------

    @api.model
    def _portal_create_network_activity(self, network, values):
        """Create an activity of ``network`` from the portal form ``values`` (the
        raw strings the browser sent), for a sitting core-group member.

        :raise AccessError: when the user does not sit in the core group
        :raise ValidationError: with a message for the member on bad input
        """
        network = network.with_env(self.env)
        if (
            not (network.user_is_core_member or self.env.user._is_party_office())
            or network.state != "active"
        ):
            raise AccessError(
                self.env._(
                    "Only the core group of the network can organise its activities."
                )
            )
        vals = self._portal_activity_values(values)
        # sudo: plain ``event`` gives portal users no right to create events; the
        # core group's standing was checked above and the values validated.
        event_sudo = (
            self.env["event.event"]
            .sudo()
            .create(
                {
                    **vals,
                    # not event's sample text, which would reach the .ics file
                    "description": False,
                    "network_id": network.id,
                    "user_id": self._get_coordinator_user().id or False,
                }
            )
        )
        event_sudo._schedule_office_activity(
            "partijnetwerken.mail_activity_type_network_event",
            summary=self.env._(
                "New activity of %(network)s: %(name)s",
                network=network.name,
                name=event_sudo.name,
            ),
        )
        return event_sudo

    @api.model
    def _portal_activity_values(self, values):
        """The event values of the portal form, validated.

        :raise ValidationError: with a message for the member
        """
        _ = self.env._
        name = clean_plain_text(
            self.env, values.get("name"), _("Name"), MAX_NAME_LENGTH, required=True
        )
        kinds = dict(
            self._fields["network_activity_kind"]._description_selection(self.env)
        )
        kind = values.get("network_activity_kind")
        if kind not in kinds:
            raise ValidationError(_("Please choose the kind of activity."))
        tz_name = self.env.user.tz or DEFAULT_TZ
        date_begin = self._parse_local_datetime(
            values.get("date_begin"), tz_name, _("Start")
        )
        date_end = self._parse_local_datetime(values.get("date_end"), tz_name, _("End"))
        now = fields.Datetime.now()
        if date_begin <= now:
            raise ValidationError(_("The start must lie in the future."))
        if date_begin > now + relativedelta(years=MAX_PLAN_YEARS):
            raise ValidationError(
                _(
                    "The start may lie at most %(years)s years ahead.",
                    years=MAX_PLAN_YEARS,
                )
            )
        if date_end <= date_begin:
            raise ValidationError(_("The end must come after the start."))
        if date_end - date_begin > timedelta(days=MAX_DURATION_DAYS):
            raise ValidationError(
                _(
                    "An activity may last at most %(days)s days.",
                    days=MAX_DURATION_DAYS,
                )
            )
        location = clean_plain_text(
            self.env, values.get("address"), _("Place"), MAX_LOCATION_LENGTH
        )
        online_url = strip_control_chars(values.get("online_url")).strip()
        if len(online_url) > MAX_URL_LENGTH:
            raise ValidationError(
                _(
                    "%(field)s: use at most %(max)s characters (you used %(length)s).",
                    field=_("Online link"),
                    max=MAX_URL_LENGTH,
                    length=len(online_url),
                )
            )
        if online_url and not is_web_url(online_url):
            raise ValidationError(
                _(
                    "The online link must be a web address that starts with "
                    "http:// or https://."
                )
            )
        seats = strip_control_chars(values.get("seats_max")).strip()
        if seats and not (seats.isascii() and seats.isdigit()):
            raise ValidationError(
                _("Seats: fill in a whole number, or leave it empty for no limit.")
            )
        seats_max = int(seats) if seats else 0
        if seats_max > MAX_SEATS:
            raise ValidationError(_("Seats: at most %(max)s.", max=MAX_SEATS))
        return {
            "name": name,
            "network_activity_kind": kind,
            "date_begin": date_begin,
            "date_end": date_end,
            "date_tz": tz_name,
            "network_location": location or False,
            "network_online_url": online_url or False,
            "seats_limited": bool(seats_max),
            "seats_max": seats_max,
            "network_members_only": checkbox_value(values.get("network_members_only")),
        }

    @api.model
    def _parse_local_datetime(self, value, tz_name, label):
        """A ``datetime-local`` value in time zone ``tz_name`` as naive UTC."""
        text = strip_control_chars(value).strip()
        if not text:
            raise ValidationError(self.env._("Please fill in: %(field)s.", field=label))
        try:
            local = datetime.strptime(text[:16], DATETIME_LOCAL_FORMAT)
            if len(text) > 16:
                raise ValueError(text)
            aware = pytz.timezone(tz_name).localize(local)
            return aware.astimezone(pytz.utc).replace(tzinfo=None)
        except (ValueError, OverflowError, pytz.UnknownTimeZoneError):
            raise ValidationError(
                self.env._(
                    "%(field)s: fill in a date and time, such as 2030-03-14T19:30.",
                    field=label,
                )
            ) from None
