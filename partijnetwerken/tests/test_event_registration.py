# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PartyNetworkCase


@tagged("post_install", "-at_install")
class TestEventRegistration(PartyNetworkCase):
    """Registering for network activities (DESIGN §10.1), as the model does it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.now = fields.Datetime.now()
        cls.event = cls._event(cls.network_a, "Ledenbijeenkomst", days=7)
        cls.event_open = cls._event(
            cls.network_a, "Open bijeenkomst", days=8, network_members_only=False
        )
        cls.event_b = cls._event(cls.network_b, "Jongerenavond", days=7)

    @classmethod
    def _event(cls, network, name, days, **vals):
        return cls.env["event.event"].create(
            {
                "name": name,
                "network_id": network.id,
                "network_activity_kind": "meeting",
                "date_begin": cls.now + timedelta(days=days),
                "date_end": cls.now + timedelta(days=days, hours=2),
                **vals,
            }
        )

    def _registrations(self, event, partner):
        return self.env["event.registration"].search(
            [("event_id", "=", event.id), ("partner_id", "=", partner.id)]
        )

    def _register(self, user, event):
        return event.with_user(user).sudo()._portal_register()

    def test_member_registers_once(self):
        partner = self.member_user.partner_id
        first = self._register(self.member_user, self.event)
        second = self._register(self.member_user, self.event)
        self.assertEqual(first, second)
        registrations = self._registrations(self.event, partner)
        self.assertEqual(len(registrations), 1)
        self.assertEqual(registrations.state, "open")

    def test_cancelled_registration_is_reopened(self):
        partner = self.member_user.partner_id
        self._register(self.member_user, self.event)
        self.event.with_user(self.member_user).sudo()._portal_unregister()
        self.assertEqual(self._registrations(self.event, partner).state, "cancel")
        self._register(self.member_user, self.event)
        registrations = self._registrations(self.event, partner)
        self.assertEqual(len(registrations), 1)
        self.assertEqual(registrations.state, "open")

    def test_non_member_is_refused_for_members_only(self):
        with self.assertRaisesRegex(UserError, "members of the network"):
            self._register(self.core_b_user, self.event)
        self.assertFalse(self._registrations(self.event, self.core_b_user.partner_id))

    def test_party_member_registers_for_open_activity(self):
        self._register(self.core_b_user, self.event_open)
        self.assertEqual(
            self._registrations(self.event_open, self.core_b_user.partner_id).state,
            "open",
        )

    def test_non_party_member_is_refused_for_open_activity(self):
        with self.assertRaisesRegex(UserError, "Only party members"):
            self._register(self.outsider_user, self.event_open)
        self.assertFalse(
            self._registrations(self.event_open, self.outsider_user.partner_id)
        )

    def test_full_activity_is_refused(self):
        self.event.write({"seats_limited": True, "seats_max": 1})
        self._join(self.network_a, self.core_user.partner_id, consent=True)
        self._register(self.core_user, self.event)
        with self.assertRaisesRegex(UserError, "full"):
            self._register(self.member_user, self.event)
        self.assertFalse(self._registrations(self.event, self.member_user.partner_id))

    def test_registration_closes_at_start(self):
        with freeze_time(self.event.date_begin + timedelta(minutes=1)):
            self.event.invalidate_recordset(["event_registrations_open"])
            self.assertFalse(self.event.event_registrations_open)
            with self.assertRaisesRegex(UserError, "started"):
                self._register(self.member_user, self.event)
        with freeze_time(self.event.date_end + timedelta(days=1)):
            with self.assertRaisesRegex(UserError, "taken place"):
                self._register(self.member_user, self.event)
        self.assertFalse(self._registrations(self.event, self.member_user.partner_id))

    def test_confirmation_mail_in_member_language_with_ics(self):
        self._load_dutch()
        dutch = self.member_user.partner_id
        dutch.lang = "nl_NL"
        english = self.core_b_user.partner_id
        english.lang = "en_US"
        self.assertEqual(
            self.event.event_mail_ids.filtered(
                lambda m: m.interval_type == "after_sub"
            ).template_ref,
            self.env.ref("partijnetwerken.mail_template_network_event_registration"),
        )
        self._register(self.member_user, self.event)
        self._register(self.core_b_user, self.event_open)
        Mail = self.env["mail.mail"]
        mail_nl = Mail.search([("recipient_ids", "in", dutch.ids)])
        mail_en = Mail.search([("recipient_ids", "in", english.ids)])
        self.assertEqual(len(mail_nl), 1)
        self.assertEqual(mail_nl.subject, f"Je bent ingeschreven: {self.event.name}")
        self.assertIn("Beste", mail_nl.body_html)
        self.assertEqual(mail_en.subject, f"You are registered: {self.event_open.name}")
        for mail, event in ((mail_nl, self.event), (mail_en, self.event_open)):
            ics = mail.attachment_ids.filtered(lambda a: a.name.endswith(".ics"))
            self.assertEqual(len(ics), 1)
            content = base64.b64decode(ics.datas)
            self.assertIn(b"BEGIN:VCALENDAR", content)
            self.assertIn(event.name.encode(), content)

    def test_reminder_goes_to_those_still_registered_days_ahead(self):
        self._load_dutch()
        self.member_user.partner_id.lang = "nl_NL"
        self._join(self.network_a, self.core_user.partner_id, consent=True)
        self.core_user.partner_id.lang = "en_US"
        reminder = self.event.event_mail_ids.filtered(
            lambda m: m.interval_type == "before_event"
        )
        self.assertEqual(
            reminder.template_ref,
            self.env.ref("partijnetwerken.mail_template_network_event_reminder"),
        )
        self.assertEqual((reminder.interval_nbr, reminder.interval_unit), (2, "days"))
        self.assertEqual(
            reminder.scheduled_date, self.event.date_begin - timedelta(days=2)
        )
        self._register(self.member_user, self.event)
        self._register(self.core_user, self.event)
        # registered, then cancelled: no reminder
        self._join(self.network_a, self.core_b_user.partner_id, consent=False)
        self._register(self.core_b_user, self.event)
        self.event.with_user(self.core_b_user).sudo()._portal_unregister()
        Mail = self.env["mail.mail"]
        reminders = [("subject", "like", "%" + self.event.name)]
        reminders += [("subject", "not like", "%registered%")]
        reminders += [("subject", "not like", "%ingeschreven%")]
        Scheduler = self.env["event.mail"]
        with freeze_time(self.event.date_begin - timedelta(days=3)):
            Scheduler.schedule_communications()
        self.assertFalse(Mail.search(reminders), "not yet: three days ahead")
        with freeze_time(self.event.date_begin - timedelta(days=2, minutes=-1)):
            Scheduler.schedule_communications()
        sent = Mail.search(reminders)
        self.assertEqual(
            sorted(sent.mapped("subject")),
            [f"Herinnering: {self.event.name}", f"Reminder: {self.event.name}"],
        )
        self.assertEqual(
            sent.recipient_ids,
            self.member_user.partner_id | self.core_user.partner_id,
        )
        dutch = sent.filtered(lambda m: m.subject.startswith("Herinnering"))
        self.assertEqual(dutch.recipient_ids, self.member_user.partner_id)
        self.assertIn("Beste", dutch.body_html)
        self.assertIn(f"/my/networks/{self.network_a.id}", dutch.body_html)
        self.assertTrue(reminder.mail_done)
        # once is enough: the cron's next run sends nothing more
        with freeze_time(self.event.date_begin - timedelta(days=1)):
            Scheduler.schedule_communications()
        self.assertEqual(Mail.search(reminders), sent)

    def test_reminder_days_follow_the_setting(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("partijnetwerken.event_reminder_days", "5")
        event = self._event(self.network_a, "Werkbezoek", days=20)
        reminder = event.event_mail_ids.filtered(
            lambda m: m.interval_type == "before_event"
        )
        self.assertEqual(reminder.interval_nbr, 5)
        # a value that is no number of days ahead: no reminder, the confirmation stays
        params.set_param("partijnetwerken.event_reminder_days", "-1")
        event = self._event(self.network_a, "Expertsessie", days=20)
        self.assertEqual(event.event_mail_ids.mapped("interval_type"), ["after_sub"])
        # an event type's own schedule is left as it is
        event_type = self.env["event.type"].create(
            {"name": "Congres", "event_type_mail_ids": [(5, 0, 0)]}
        )
        event = self._event(
            self.network_a, "Congres", days=20, event_type_id=event_type.id
        )
        self.assertFalse(event.event_mail_ids)

    def test_upgrade_gives_activities_to_come_their_reminder(self):
        # as before the reminder existed: the confirmation only
        before = self._event(self.network_a, "Werkbezoek", days=20)
        past = self._event(self.network_a, "Terugblik", days=-20)
        for event in (before, past, self.event):
            event.event_mail_ids.filtered(
                lambda m: m.interval_type == "before_event"
            ).unlink()
        kept = self.event_b.event_mail_ids
        added = self.env["event.event"]._pn_add_missing_reminders()
        self.assertEqual(added, before | self.event)
        for event in added:
            with self.subTest(event=event.name):
                self.assertEqual(
                    sorted(event.event_mail_ids.mapped("interval_type")),
                    ["after_sub", "before_event"],
                )
        self.assertEqual(past.event_mail_ids.mapped("interval_type"), ["after_sub"])
        self.assertEqual(self.event_b.event_mail_ids, kept, "it had its reminder")
        # once: a second run adds nothing
        self.assertFalse(self.env["event.event"]._pn_add_missing_reminders())

    def test_reminder_setting_refuses_what_is_no_number_of_days(self):
        Settings = self.env["party.network.settings"].with_user(self.office_user)
        for days in (-1, 61):
            with self.subTest(days=days):
                with self.assertRaisesRegex(ValidationError, "between 1 and 60 days"):
                    Settings.create({"partijnetwerken_event_reminder_days": days})
        params = self.env["ir.config_parameter"].sudo()
        self.assertEqual(params.get_param("partijnetwerken.event_reminder_days"), "2")
        Settings.create({"partijnetwerken_event_reminder_days": 7}).action_save()
        self.assertEqual(params.get_param("partijnetwerken.event_reminder_days"), "7")
        # emptied, it falls back to the default, as the other numbers do
        Settings.create({"partijnetwerken_event_reminder_days": 0}).action_save()
        self.assertEqual(
            self.env["party.network"]._get_setting_int("event_reminder_days", 2), 2
        )

    def test_leaving_cancels_future_members_only_registrations(self):
        partner = self.member_user.partner_id
        past = self._event(self.network_a, "Terugblik", days=-10)
        past_registration = self.env["event.registration"].create(
            {"event_id": past.id, "partner_id": partner.id, "state": "open"}
        )
        self._register(self.member_user, self.event)
        self._register(self.member_user, self.event_open)
        self.m_member.with_user(self.member_user).action_leave()
        self.assertEqual(self._registrations(self.event, partner).state, "cancel")
        # not members-only, and past: they stay
        self.assertEqual(self._registrations(self.event_open, partner).state, "open")
        self.assertEqual(past_registration.state, "open")

    def test_core_member_creates_activity(self):
        Event = self.env["event.event"].with_user(self.core_user)
        begin = fields.Datetime.now() + timedelta(days=30)
        event = Event._portal_create_network_activity(
            self.network_a,
            {
                "name": "Werkbezoek wijkverpleging",
                "network_activity_kind": "working_visit",
                # Amsterdam in winter or summer: one or two hours ahead of UTC
                "date_begin": begin.strftime("%Y-%m-%dT10:00"),
                "date_end": begin.strftime("%Y-%m-%dT12:30"),
                "address": "Wijkcentrum De Linde, Utrecht",
                "online_url": "",
                "seats_max": "12",
                "network_members_only": "on",
            },
        )
        self.assertEqual(event.network_id, self.network_a)
        self.assertEqual(event.date_begin.strftime("%M"), "00")
        self.assertIn(event.date_begin.hour, (8, 9))
        self.assertEqual(event.date_end - event.date_begin, timedelta(hours=2.5))
        self.assertEqual(event.network_location, "Wijkcentrum De Linde, Utrecht")
        self.assertTrue(event.seats_limited)
        self.assertEqual(event.seats_max, 12)
        self.assertTrue(event.network_members_only)
        self.assertFalse(event.description)
        activity = event.activity_ids
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("partijnetwerken.mail_activity_type_network_event"),
        )
        self.assertIn(event, self.network_a.event_ids)

    def test_plain_member_cannot_create_activity(self):
        Event = self.env["event.event"].with_user(self.member_user)
        with self.assertRaises(AccessError):
            Event._portal_create_network_activity(
                self.network_a, {"name": "Zomaar iets"}
            )

    def test_online_url_must_be_web_address(self):
        for url in ("javascript:alert(1)", "ftp://example.nl", "https://", "www.x.nl"):
            with self.subTest(url=url), self.assertRaises(ValidationError):
                self.event.network_online_url = url
        self.event.network_online_url = "https://meet.example.nl/zorg"

    def test_office_finds_the_activity_under_the_network(self):
        action = self.network_a.with_user(self.office_user).action_view_events()
        events = (
            self.env["event.event"].with_user(self.office_user).search(action["domain"])
        )
        self.assertIn(self.event, events)
        self.assertNotIn(self.event_b, events)
        self.assertEqual(self.network_a.event_count, len(events))
        form = self.env.ref("event.view_event_form")
        arch = self.env["event.event"].get_view(form.id, "form")["arch"]
        for name in ("network_id", "network_members_only", "network_online_url"):
            self.assertIn(f'name="{name}"', arch)
