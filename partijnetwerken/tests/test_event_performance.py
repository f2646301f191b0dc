# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from .portal_common import PartyNetworkPortalCommon

# Queries of one warm request, as a core-group member of network A with data
# access, with five upcoming activities. The counts must not depend on the number
# of registrations; these pin them.
PINNED_QUERY_COUNTS = {
    # the user's networks and seats of today are read once per request
    # (res.partner._pn_networks_of_role), not once per access check
    "network": 24,
    # 14, plus the one INSERT of the access log (DESIGN §10.6), plus the list of
    # the registered members' memberships that the user's search narrows to (all
    # the shared names' ids come in one search, paged 50 a page), plus one: the
    # reader is registered too, and the list reads only the five shared fields of
    # the registered partners, so the layout reads the reader's other fields apart
    # (before, all seventy columns of every registered partner came in one read)
    "registrations": 17,
}


@tagged("post_install", "-at_install", "is_query_count")
class TestEventQueryCounts(PartyNetworkPortalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        cls.events = cls.event_a | cls.env["event.event"].create(
            [
                {
                    "name": f"Activiteit {i}",
                    "network_id": cls.network_a.id,
                    "network_activity_kind": kind,
                    "date_begin": now + timedelta(days=10 + i),
                    "date_end": now + timedelta(days=10 + i, hours=2),
                    "seats_limited": i % 2 == 0,
                    "seats_max": 500 if i % 2 == 0 else 0,
                    "network_location": "Utrecht",
                    "network_online_url": "https://meet.example.nl/a",
                    # no confirmation mails: they are not what is measured here
                    "event_mail_ids": [Command.clear()],
                }
                for i, kind in enumerate(
                    ("meeting", "expert_session", "working_visit", "meeting")
                )
            ]
        )
        # the core member is a member and registered, as organisers are
        cls.event_a.event_mail_ids = [Command.clear()]
        cls._join(cls.network_a, cls.core_user.partner_id, consent=True)
        cls.env["event.registration"].create(
            [
                {"event_id": event.id, "partner_id": cls.core_user.partner_id.id}
                for event in cls.events
            ]
        )
        cls.count = 1

    def _add_registrations(self, total):
        """Members of network A (a third without consent) registered for every
        activity, up to ``total`` registrations per activity."""
        new = total - self.count
        partners = self.env["res.partner"].create(
            [
                {"name": f"Deelnemer {self.count + i:04d}", "is_party_member": True}
                for i in range(new)
            ]
        )
        self.env["party.network.membership"].create(
            [
                {
                    "network_id": self.network_a.id,
                    "partner_id": partner.id,
                    "goal_endorsed": True,
                    "consent_data_sharing": i % 3 != 0,
                }
                for i, partner in enumerate(partners)
            ]
        )
        self.env["event.registration"].create(
            [
                {"event_id": event.id, "partner_id": partner.id}
                for event in self.events
                for partner in partners
            ]
        )
        self.count = total

    def _urls(self):
        url_a = f"/my/networks/{self.network_a.id}"
        return {
            "network": url_a,
            "registrations": f"{url_a}/events/{self.event_a.id}/registrations",
        }

    def _measure(self):
        counts = {}
        for key, url in self._urls().items():
            self.assertEqual(self.url_open(url).status_code, 200)
            self.env.flush_all()
            before = self.cr.sql_log_count
            response = self.url_open(url)
            counts[key] = self.cr.sql_log_count - before
            self.assertEqual(response.status_code, 200)
        return counts

    def test_query_counts_do_not_grow_with_registrations(self):
        self.authenticate(self.core_user.login, self.core_user.login)
        self._add_registrations(10)
        with_10 = self._measure()
        page = self.url_open(self._urls()["registrations"]).text
        self.assertIn("<strong>10</strong> registrations", page)
        self._add_registrations(200)
        with_200 = self._measure()
        page = self.url_open(self._urls()["registrations"]).text
        self.assertIn("<strong>200</strong> registrations", page)
        self.assertEqual(with_10, with_200)
        for key, url in self._urls().items():
            with (
                self.subTest(page=key),
                self.assertQueryCount(PINNED_QUERY_COUNTS[key]),
            ):
                self.url_open(url)
