# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .portal_common import PartyNetworkPortalCommon


@tagged("post_install", "-at_install", "is_tour")
class TestEventTours(PartyNetworkPortalCommon, HttpCase):
    def test_member_registers_and_cancels(self):
        partner = self.member_user.partner_id
        self.start_tour(
            "/my/networks",
            "partijnetwerken_activity_registration",
            login=self.member_user.login,
        )
        registrations = self.env["event.registration"].search(
            [("event_id", "=", self.event_a.id), ("partner_id", "=", partner.id)]
        )
        self.assertEqual(len(registrations), 1)
        self.assertEqual(registrations.state, "cancel")

    def test_core_member_creates_activity(self):
        self.start_tour(
            "/my/networks",
            "partijnetwerken_activity_create",
            login=self.core_user.login,
        )
        event = self.network_a.event_ids.filtered(
            lambda e: e.name == "Werkbezoek huisartsenpost"
        )
        self.assertEqual(len(event), 1)
        self.assertEqual(event.network_activity_kind, "working_visit")
        self.assertEqual(event.seats_max, 15)
        self.assertEqual(event.network_location, "Huisartsenpost Utrecht")
        # 19:30 in Amsterdam (winter time) is 18:30 UTC
        year = self.today.year + 1
        self.assertEqual(
            event.date_begin.strftime("%Y-%m-%d %H:%M"), f"{year}-03-14 18:30"
        )
        self.assertTrue(event.network_members_only)
