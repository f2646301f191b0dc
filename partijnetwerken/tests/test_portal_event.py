# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import OTHER_CONSENTING_NAME, SECRET_NAME
from .portal_common import PartyNetworkPortalCommon


@tagged("post_install", "-at_install")
class TestPortalEvent(PartyNetworkPortalCommon, HttpCase):
    """The activities in the portal: registering, organising, who is coming."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        cls.event_b = cls.env["event.event"].create(
            {
                "name": "Jongerenavond in Zwolle",
                "network_id": cls.network_b.id,
                "network_activity_kind": "meeting",
                "date_begin": now + timedelta(days=5),
                "date_end": now + timedelta(days=5, hours=2),
            }
        )
        cls.url_a = f"/my/networks/{cls.network_a.id}"
        cls.url_event = f"{cls.url_a}/events/{cls.event_a.id}"
        cls.begin = (now + timedelta(days=20)).strftime("%Y-%m-%dT19:30")
        cls.end = (now + timedelta(days=20)).strftime("%Y-%m-%dT21:00")

    def _registrations(self, event=None, partner=None):
        domain = [("event_id", "=", (event or self.event_a).id)]
        if partner:
            domain.append(("partner_id", "=", partner.id))
        return self.env["event.registration"].search(domain)

    def _network_events(self):
        return self.env["event.event"].search([("network_id", "=", self.network_a.id)])

    def _valid_form(self, **values):
        return {
            "name": "Expertsessie mantelzorg",
            "network_activity_kind": "expert_session",
            "date_begin": self.begin,
            "date_end": self.end,
            "address": "Stadskantoor Utrecht",
            "online_url": "https://meet.example.nl/zorg",
            "seats_max": "25",
            "network_members_only": "on",
            **values,
        }

    def test_browse_card_shows_the_day_in_the_activitys_time_zone(self):
        # 23:30 UTC on 1 March is already 2 March in Amsterdam
        start = fields.Datetime.now().replace(
            month=3, day=1, hour=23, minute=30, second=0, microsecond=0
        )
        start = start.replace(year=start.year + 1)
        event = self.env["event.event"].create(
            {
                "name": "Nachtelijke ledenavond",
                "network_id": self.network_b.id,
                "date_begin": start,
                "date_end": start + timedelta(hours=2),
                "date_tz": "Europe/Amsterdam",
            }
        )
        self.assertEqual(event._portal_start_day(), f"03/02/{start.year}")
        event.date_tz = "UTC"
        self.assertEqual(event._portal_start_day(), f"03/01/{start.year}")

    # -- registering ------------------------------------------------------

    def test_member_registers_and_cancels(self):
        self.login(self.member_user)
        page = self.get(self.url_a)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Online meeting on care", page.text)
        self.assertIn("o_pn_event_register", page.text)
        self.assertIn("Meeting", page.text)

        self.assertRedirect(self.post(f"{self.url_event}/register"), "registered")
        registration = self._registrations(partner=self.member_user.partner_id)
        self.assertEqual(registration.state, "open")
        page = self.get(self.url_a)
        self.assertIn("o_pn_event_registered", page.text)
        self.assertIn("o_pn_event_unregister", page.text)
        my_page = self.get("/my/networks")
        self.assertIn("o_pn_my_registrations", my_page.text)
        self.assertIn("Online meeting on care", my_page.text)

        self.assertRedirect(self.post(f"{self.url_event}/unregister"), "unregistered")
        self.assertEqual(registration.state, "cancel")
        self.assertNotIn("o_pn_my_registrations", self.get("/my/networks").text)

    def test_unregister_without_registration_changes_nothing(self):
        self.login(self.member_user)
        response = self.post(f"{self.url_event}/unregister")
        self.assertEqual(response.status_code, 303)
        self.assertNotIn("notice", response.headers["Location"])
        self.assertFalse(self._registrations())

    def test_double_register_leaves_one_registration(self):
        self.login(self.member_user)
        for _attempt in range(3):
            self.assertRedirect(self.post(f"{self.url_event}/register"), "registered")
        self.assertEqual(
            len(self._registrations(partner=self.member_user.partner_id)), 1
        )

    def test_non_member_gets_message(self):
        self.login(self.core_b_user)
        response = self.post(f"{self.url_event}/register")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Join the network first", response.text)
        self.assertFalse(self._registrations())

    def test_full_event_gets_message(self):
        self.event_a.write({"seats_limited": True, "seats_max": 1})
        self.env["event.registration"].create(
            {"event_id": self.event_a.id, "partner_id": self.anna.id, "state": "open"}
        )
        self.login(self.member_user)
        self.assertIn("Full", self.get(self.url_a).text)
        response = self.post(f"{self.url_event}/register")
        self.assertEqual(response.status_code, 200)
        self.assertIn("This activity is full.", response.text)
        self.assertEqual(len(self._registrations()), 1)

    def test_started_event_gets_message(self):
        now = fields.Datetime.now()
        self.event_a.write(
            {
                "date_begin": now - timedelta(minutes=5),
                "date_end": now + timedelta(hours=1),
            }
        )
        self.login(self.member_user)
        response = self.post(f"{self.url_event}/register")
        self.assertEqual(response.status_code, 200)
        self.assertIn("registration is closed", response.text)
        self.assertFalse(self._registrations())

    def test_other_networks_event_is_not_found(self):
        self.login(self.member_user)
        url = f"{self.url_a}/events/{self.event_b.id}/register"
        response = self.post(url)
        self.assertEqual(response.status_code, 404)
        self.assertIn("not one of the activities of this network", response.text)
        self.assertFalse(self._registrations(self.event_b))
        self.assertEqual(
            self.post(f"{self.url_a}/events/99999999/register").status_code, 404
        )

    def test_register_needs_csrf_token(self):
        self.login(self.member_user)
        response = self.post(f"{self.url_event}/register", csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._registrations())

    def test_online_link_only_for_registered(self):
        self.event_a.network_online_url = "https://meet.example.nl/geheim-zorg"
        self.login(self.member_user)
        self.assertNotIn("geheim-zorg", self.get(self.url_a).text)
        self.post(f"{self.url_event}/register")
        self.assertIn("geheim-zorg", self.get(self.url_a).text)

    # -- organising -------------------------------------------------------

    def test_core_member_creates_activity(self):
        self.login(self.core_user)
        page = self.get(self.url_a)
        self.assertIn("o_pn_event_new_link", page.text)
        self.assertEqual(self.get(f"{self.url_a}/events/new").status_code, 200)
        before = self._network_events()
        response = self.post(
            f"{self.url_a}/events/new",
            self._valid_form(network_members_only=None),
        )
        self.assertRedirect(response, "activity_created")
        event = self._network_events() - before
        self.assertEqual(len(event), 1)
        self.assertEqual(event.name, "Expertsessie mantelzorg")
        self.assertFalse(event.network_members_only)
        self.assertEqual(event.network_online_url, "https://meet.example.nl/zorg")
        self.assertEqual(event.seats_max, 25)
        self.assertTrue(event.activity_ids)

    def test_plain_member_cannot_organise(self):
        self.login(self.member_user)
        self.assertNotIn("o_pn_event_new_link", self.get(self.url_a).text)
        self.assertEqual(self.get(f"{self.url_a}/events/new").status_code, 403)
        before = self._network_events()
        response = self.post(f"{self.url_a}/events/new", self._valid_form())
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self._network_events(), before)

    def test_core_member_cannot_organise_for_another_network(self):
        self.login(self.core_user)
        url = f"/my/networks/{self.network_b.id}/events/new"
        self.assertEqual(self.post(url, self._valid_form()).status_code, 403)
        self.assertEqual(len(self.network_b.event_ids), 1)

    def test_bad_input_gets_message_and_creates_nothing(self):
        self.login(self.core_user)
        past = (fields.Datetime.now() - timedelta(days=2)).strftime("%Y-%m-%dT10:00")
        cases = {
            "missing name": {"name": ""},
            "missing kind": {"network_activity_kind": ""},
            "wrong kind": {"network_activity_kind": "party"},
            "missing start": {"date_begin": ""},
            "start not a date": {"date_begin": "morgen"},
            "start wrong format": {"date_begin": "14-03-2030 19:30"},
            "start out of range": {"date_begin": "99999-01-01T10:00"},
            "end before start": {"date_end": self.begin.replace("T19:30", "T18:00")},
            "in the past": {"date_begin": past},
            "seats negative": {"seats_max": "-5"},
            "seats huge": {"seats_max": str(2**63)},
            "seats text": {"seats_max": "veel"},
            "long name": {"name": "x" * 5000},
            "long place": {"address": "x" * 5000},
            "long url": {"online_url": "https://example.nl/" + "x" * 5000},
            "script in name": {"name": "<script>alert(1)</script>"},
            "html in place": {"address": "<b>Utrecht</b>"},
            "javascript url": {"online_url": "javascript:alert(1)"},
            "mail url": {"online_url": "mailto:kern@example.nl"},
        }
        before = self._network_events()
        for label, values in cases.items():
            with self.subTest(label):
                response = self.post(
                    f"{self.url_a}/events/new", self._valid_form(**values)
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn("o_pn_error", response.text)
                self.assertNotIn("<script>alert(1)</script>", response.text)
        self.assertEqual(self._network_events(), before)

    def test_activity_form_needs_csrf_token(self):
        self.login(self.core_user)
        before = self._network_events()
        response = self.post(f"{self.url_a}/events/new", self._valid_form(), csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._network_events(), before)

    # -- who is coming ------------------------------------------------------

    def _register_fixture_members(self):
        self.env["event.registration"].create(
            [
                {"event_id": self.event_a.id, "partner_id": partner.id, "state": "open"}
                for partner in (self.anna, self.bram, self.member_user.partner_id)
            ]
        )
        # Daan consents in network B, and is registered for A's activity as an
        # outsider: the core group of A never learns his name
        # the core member is a member too, without sharing: their own membership
        # is readable to them by the rule, yet not part of the shared list
        self._join(self.network_a, self.core_user.partner_id, consent=False)
        self.env["event.registration"].create(
            [
                {"event_id": self.event_a.id, "partner_id": partner.id, "state": "open"}
                for partner in (self.daan, self.core_user.partner_id)
            ]
        )

    def test_registrations_page_lists_only_consenting_names(self):
        """The consent gate: a registered member who does not share their data
        (Bram) or who is not in the network (Daan) is counted, never named."""
        self._register_fixture_members()
        self.login(self.core_user)
        page = self.get(self.url_a)
        self.assertIn("5 registrations", page.text)
        self.assertIn("o_pn_event_registrations_link", page.text)
        response = self.get(f"{self.url_event}/registrations")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers.get("Cache-Control"), "no-store")
        self.assertNoPrivateData(response)
        self.assertNotIn(SECRET_NAME, response.text)
        self.assertNotIn(OTHER_CONSENTING_NAME, response.text)
        self.assertIn("Anna Aandeel", response.text)
        self.assertIn(self.member_user.partner_id.name, response.text)
        self.assertEqual(response.text.count('o_pn_registration"'), 2)
        self.assertIn("3 of them do not share", response.text)

    def test_registrations_page_pages_through_the_names(self):
        """Fifty names a page by name; the count of those who do not share
        stays the whole activity's, and no page names them."""
        self._register_fixture_members()
        partners = self.env["res.partner"].create(
            [{"name": f"Deelnemer {i:03d}", "is_party_member": True} for i in range(60)]
        )
        for partner in partners:
            self._join(self.network_a, partner, consent=True)
        self.env["event.registration"].create(
            [{"event_id": self.event_a.id, "partner_id": p.id} for p in partners]
        )
        self.login(self.core_user)
        url = f"{self.url_event}/registrations"
        first, second = self.get(url), self.get(f"{url}/page/2")
        # 62 shared names: Anna, 60 participants, the member user
        self.assertEqual(first.text.count('o_pn_registration"'), 50)
        self.assertEqual(second.text.count('o_pn_registration"'), 12)
        self.assertIn("Anna Aandeel", first.text)
        self.assertIn("Deelnemer 000", first.text)
        self.assertIn("Deelnemer 048", first.text)
        self.assertNotIn("Deelnemer 049", first.text)
        self.assertIn("Deelnemer 049", second.text)
        self.assertIn(f"{url}/page/2", first.text)
        for page in (first, second):
            self.assertIn("3 of them do not share", page.text)
            self.assertNotIn(SECRET_NAME, page.text)
            self.assertNotIn(OTHER_CONSENTING_NAME, page.text)
        for page in (9, 99999999999999999999):
            with self.subTest(page=page):
                beyond = self.get(f"{url}/page/{page}")
                self.assertEqual(beyond.status_code, 200)
                self.assertNotIn('o_pn_registration"', beyond.text)
        self.login(self.member_user)
        self.assertIn(self.get(f"{url}/page/2").status_code, (403, 404))

    def test_consent_withdrawal_takes_the_name_off_at_once(self):
        self._register_fixture_members()
        self.m_anna.consent_data_sharing = False
        self.login(self.core_user)
        response = self.get(f"{self.url_event}/registrations")
        self.assertNotIn("Anna Aandeel", response.text)

    def test_registrations_page_is_for_the_core_group(self):
        self._register_fixture_members()
        for user in (self.member_user, self.core_b_user, self.outsider_user):
            with self.subTest(user=user.login):
                self.login(user)
                response = self.get(f"{self.url_event}/registrations")
                self.assertIn(response.status_code, (403, 404))
                self.assertNotIn("Anna Aandeel", response.text)
        self.login(self.core_user)
        url = f"{self.url_a}/events/{self.event_b.id}/registrations"
        self.assertEqual(self.get(url).status_code, 404)
