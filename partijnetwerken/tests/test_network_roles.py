# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.tests import tagged

from .common import PartyNetworkCase


@tagged("post_install", "-at_install")
class TestNetworkRolesOfToday(PartyNetworkCase):
    """The user's networks are read once per transaction
    (``res.partner._pn_networks_of_role``): every change of a membership or a seat,
    and the next day, must show in the very next access check of the same
    transaction, as the record rules and the consent gate see it."""

    def _networks(self, user, field):
        Network = self.env["party.network"].with_user(user)
        return Network.search([(field, "=", True), ("id", "in", self._ids)])

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._ids = (cls.network_a | cls.network_b).ids

    def _visible_members(self, user):
        """Memberships of network A whose data ``user`` sees, but their own."""
        memberships = (
            self.env["party.network.membership"]
            .with_user(user)
            .search([("network_id", "=", self.network_a.id)])
        )
        return memberships.filtered(lambda m: m.shared_name and not m.is_own)

    def test_joining_and_leaving_show_at_once(self):
        self.assertEqual(
            self._networks(self.member_user, "user_is_member"), self.network_a
        )
        membership = self._join(
            self.network_b, self.member_user.partner_id, consent=True
        )
        self.assertEqual(
            self._networks(self.member_user, "user_is_member"),
            self.network_a | self.network_b,
        )
        membership.action_leave()
        self.assertEqual(
            self._networks(self.member_user, "user_is_member"), self.network_a
        )

    def test_a_new_seat_grants_access_at_once(self):
        self.assertFalse(self._networks(self.member_user, "user_has_data_access"))
        self.assertFalse(self._visible_members(self.member_user))
        self._appoint(self.network_a, self.member_user.partner_id, self.today)
        self.assertEqual(
            self._networks(self.member_user, "user_has_data_access"), self.network_a
        )
        self.assertIn(self.m_anna, self._visible_members(self.member_user))

    def test_lapsed_requirements_end_access_at_once(self):
        self.assertIn(self.m_anna, self._visible_members(self.core_user))
        self.core_a.requirements_met = False
        self.assertEqual(
            self._networks(self.core_user, "user_is_core_member"), self.network_a
        )
        self.assertFalse(self._networks(self.core_user, "user_has_data_access"))
        self.assertFalse(self._visible_members(self.core_user))

    def test_the_end_of_a_term_ends_access_the_next_day(self):
        self.assertIn(self.m_anna, self._visible_members(self.core_user))
        with freeze_time(self.core_a.date_end + relativedelta(days=1)):
            # nothing was written: the roles of yesterday must not be reused today
            self.assertFalse(self._networks(self.core_user, "user_is_core_member"))
            self.assertNotIn(self.m_anna, self._visible_members(self.core_user))

    def test_an_archived_network_ends_the_seat_at_once(self):
        self.assertEqual(
            self._networks(self.core_b_user, "user_is_core_member"), self.network_b
        )
        self.network_b.active = False
        self.assertFalse(
            self.env["party.network.core.member"]._networks_of_sitting_member(
                self.core_b_user.partner_id
            )
        )
