# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PartyNetworkCase


@tagged("post_install", "-at_install")
class TestRecordRules(PartyNetworkCase):
    """Each record rule lets the right user in and keeps the wrong one out."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.application = cls.env["party.network"].create(
            {
                "name": "Themanetwerk Wonen",
                "network_type": "theme",
                "initiator_partner_ids": [Command.set(cls.member_user.partner_id.ids)],
            }
        )
        cls.plan = cls.env["party.network.plan"].create(
            {
                "network_id": cls.application.id,
                "goal": "Betaalbaar wonen.",
                "proposed_core_partner_ids": [
                    Command.set(cls.core_b_user.partner_id.ids)
                ],
            }
        )
        cls.proposed = cls.env["party.network.core.member"].create(
            {
                "network_id": cls.application.id,
                "partner_id": cls.core_b_user.partner_id.id,
            }
        )

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    # party.network
    def test_network_rule_portal(self):
        networks = self.network_a | self.application
        self.assertEqual(self._visible(self.outsider_user, networks), self.network_a)
        # the initiator sees their own application
        self.assertEqual(self._visible(self.member_user, networks), networks)
        with self.assertRaises(AccessError):
            self.application.with_user(self.outsider_user).read(["name"])

    def test_network_rule_internal(self):
        networks = self.network_a | self.application
        self.assertEqual(self._visible(self.internal_user, networks), self.network_a)
        # a core member (internal) of a network in preparation sees it
        self.assertEqual(
            self._visible(self.core_internal_user, networks), self.network_a
        )

    def test_network_rule_office_board(self):
        networks = self.network_a | self.application
        for user in (self.office_user, self.board_user):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user, networks), networks)

    # party.network.plan
    def test_plan_rule_portal(self):
        self.assertEqual(self._visible(self.core_b_user, self.plan), self.plan)
        self.assertEqual(self._visible(self.member_user, self.plan), self.plan)
        self.assertFalse(self._visible(self.outsider_user, self.plan))
        self.assertFalse(self._visible(self.core_user, self.plan))

    def test_plan_rule_internal(self):
        self.assertFalse(self._visible(self.internal_user, self.plan))
        self.plan.proposed_core_partner_ids |= self.internal_user.partner_id
        self.assertEqual(self._visible(self.internal_user, self.plan), self.plan)

    def test_plan_rule_office_board(self):
        for user in (self.office_user, self.board_user):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user, self.plan), self.plan)

    # party.network.core.member
    def test_core_member_rule_portal(self):
        # a seat's term, experience and requirements are for its own core group;
        # others see names and roles on the portal page only (never by RPC)
        core = self.core_a | self.proposed
        self.assertFalse(self._visible(self.outsider_user, core))
        self.assertFalse(self._visible(self.member_user, core))
        self.assertEqual(self._visible(self.core_user, core), self.core_a)
        self.assertEqual(self._visible(self.core_b_user, core), self.proposed)

    def test_core_member_rule_internal(self):
        core = self.core_a | self.proposed
        self.assertFalse(self._visible(self.internal_user, core))
        self.assertEqual(self._visible(self.core_internal_user, core), self.core_a)

    def test_core_member_rule_ended_seat_sees_only_itself(self):
        ended = self.env["party.network.core.member"].create(
            {
                "network_id": self.application.id,
                "partner_id": self.internal_user.partner_id.id,
                "state": "ended",
                "date_start": self.today - relativedelta(years=2),
                "date_end": self.today - relativedelta(years=1),
            }
        )
        core = self.core_a | self.proposed | ended
        self.assertEqual(self._visible(self.internal_user, core), ended)

    def test_core_member_rule_office_board(self):
        core = self.core_a | self.proposed
        for user in (self.office_user, self.board_user):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user, core), core)

    # party.network.membership
    def test_membership_rule_portal_member_sees_own_only(self):
        Membership = self.env["party.network.membership"]
        self.assertEqual(
            Membership.with_user(self.member_user).search([]), self.m_member
        )
        self.assertFalse(Membership.with_user(self.outsider_user).search([]))
        with self.assertRaises(AccessError):
            self.m_anna.with_user(self.member_user).read(["shared_name"])

    def test_membership_rule_portal_core_member(self):
        Membership = self.env["party.network.membership"]
        self.assertEqual(
            Membership.with_user(self.core_user).search([]),
            self.m_anna | self.m_member,
        )
        self.assertEqual(Membership.with_user(self.core_b_user).search([]), self.m_daan)

    def test_membership_rule_internal(self):
        Membership = self.env["party.network.membership"]
        self.assertFalse(Membership.with_user(self.internal_user).search([]))
        self.assertEqual(
            Membership.with_user(self.core_internal_user).search([]),
            self.m_anna | self.m_member,
        )

    def test_membership_rule_office_board(self):
        everything = self.env["party.network.membership"].search([])
        for user in (self.office_user, self.board_user):
            with self.subTest(user=user.login):
                found = self.env["party.network.membership"].with_user(user).search([])
                self.assertEqual(found, everything)
                self.assertIn(self.m_bram, found)
                self.assertEqual(
                    self.m_bram.with_user(user).read(["partner_id"])[0]["partner_id"][
                        0
                    ],
                    self.bram.id,
                )
