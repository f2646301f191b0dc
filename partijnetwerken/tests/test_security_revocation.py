# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PartyNetworkCase


@tagged("post_install", "-at_install")
class TestImmediateRevocation(PartyNetworkCase):
    """Access to member data ends at once: no cron, no manual revocation."""

    def _visible_to_core(self):
        return self.env["party.network.membership"].with_user(self.core_user).search([])

    def test_consent_withdrawal(self):
        self.assertIn(self.m_anna, self._visible_to_core())
        anna_user = self._make_user("pn_anna", "base.group_portal")
        anna_user.partner_id = self.anna
        self.m_anna.with_user(anna_user).action_set_consent(False)
        self.assertNotIn(self.m_anna, self._visible_to_core())
        with self.assertRaises(AccessError):
            self.m_anna.with_user(self.core_user).read(["shared_name"])
        # the member still sees their own membership, with the new choice
        own = self.m_anna.with_user(anna_user)
        self.assertFalse(own.consent_data_sharing)
        self.assertTrue(own.consent_date)

    def test_leaving(self):
        self.assertIn(self.m_member, self._visible_to_core())
        self.m_member.with_user(self.member_user).action_leave()
        self.assertEqual(self.m_member.state, "left")
        self.assertEqual(self.m_member.date_left, self.today)
        self.assertNotIn(self.m_member, self._visible_to_core())

    def test_end_of_term(self):
        self.assertTrue(self._visible_to_core())
        # the rule domain is now cached for this user; the end date must still bite
        with freeze_time(self.core_a.date_end + relativedelta(days=1)):
            self.assertFalse(self._visible_to_core())
            self.assertFalse(self.core_a.with_user(self.core_user).has_data_access)
        with freeze_time(self.core_a.date_end):
            self.assertTrue(self._visible_to_core())

    def test_ending_the_term_now(self):
        self.assertTrue(self._visible_to_core())
        self.core_a.with_user(self.office_user).action_end()
        self.assertEqual(self.core_a.state, "ended")
        self.assertFalse(self._visible_to_core())

    def test_requirements_unset(self):
        self.assertTrue(self._visible_to_core())
        self.core_a.with_user(self.office_user).requirements_met = False
        self.assertFalse(self._visible_to_core())
        self.core_a.with_user(self.office_user).requirements_met = True
        self.assertTrue(self._visible_to_core())

    def test_term_not_started(self):
        self.core_a.date_start = self.today + relativedelta(days=1)
        self.assertFalse(self._visible_to_core())

    def test_member_leaving_the_party_leaves_networks(self):
        self.anna.with_user(self.office_user).is_party_member = False
        self.assertEqual(self.m_anna.state, "left")
        self.assertNotIn(self.m_anna, self._visible_to_core())

    def test_core_member_leaving_the_party_loses_seat(self):
        # the office unsets the flag: the seat ends today, with its access
        partner = self.core_user.partner_id
        membership = self._join(self.network_b, partner, consent=True)
        self.assertIn(self.m_anna, self._visible_to_core())
        partner.with_user(self.office_user).is_party_member = False
        self.assertEqual(self.core_a.state, "ended")
        self.assertEqual(self.core_a.date_end, self.today)
        self.assertEqual(membership.state, "left")
        self.assertNotIn(self.m_anna, self._visible_to_core())
        # the other seats stay
        self.assertEqual(self.core_b.state, "appointed")
        self.assertEqual(self.core_a_internal.state, "appointed")
