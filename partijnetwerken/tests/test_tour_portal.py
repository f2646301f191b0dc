# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .portal_common import PartyNetworkPortalCommon


@tagged("post_install", "-at_install", "is_tour")
class TestPortalTours(PartyNetworkPortalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a name of its own, so that the tour finds it among any other networks
        cls.network_tour = cls.env["party.network"].create(
            {
                "name": "Doelgroepnetwerk Portaaltour",
                "network_type": "target_group",
                "goal": "Jonge leden ontmoeten elkaar.",
                "state": "active",
                "date_start": cls.today,
            }
        )

    def test_member_journey(self):
        """Browse → join with consent → my networks → withdraw consent → leave."""
        user = self.member_user
        self.start_tour(
            "/my/networks/browse", "partijnetwerken_member_journey", login=user.login
        )
        memberships = self.env["party.network.membership"].search(
            [
                ("network_id", "=", self.network_tour.id),
                ("partner_id", "=", user.partner_id.id),
            ]
        )
        self.assertEqual(len(memberships), 1)
        self.assertEqual(memberships.state, "left")
        self.assertTrue(memberships.goal_endorsed)
        self.assertFalse(memberships.consent_data_sharing)
        self.assertEqual(self.m_member.state, "active")

    def test_core_member_opens_the_member_list(self):
        self.start_tour(
            "/my/networks",
            "partijnetwerken_core_member_list",
            login=self.core_user.login,
        )
