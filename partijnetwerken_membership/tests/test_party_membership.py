# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.partijnetwerken.tests.common import PartyNetworkCase


@tagged("post_install", "-at_install")
class TestPartyMembership(PartyNetworkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {
                "name": "Lidmaatschap",
                "membership": True,
                "type": "service",
                "list_price": 60.0,
                "membership_date_from": cls.today - relativedelta(months=2),
                "membership_date_to": cls.today + relativedelta(months=1),
            }
        )
        cls.fenna = cls.env["res.partner"].create(
            {"name": "Fenna Faber", "email": "fenna.faber@example.nl"}
        )

    def _invoice(self, partner, post=True, pay=True):
        move = partner.create_membership_invoice(self.product, 60.0)
        if post:
            move.action_post()
        if pay:
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=move.ids
            ).create({})._create_payments()
        return move

    def _assert_state(self, partner, state, member):
        self.assertEqual(partner.membership_state, state)
        self.assertEqual(partner.is_party_member, member)

    # one test per state of Odoo's membership

    def test_none(self):
        self._assert_state(self.fenna, "none", False)

    def test_paid(self):
        self._invoice(self.fenna)
        self._assert_state(self.fenna, "paid", True)
        membership = self._join(self.network_a, self.fenna, consent=True)
        self.assertEqual(membership.state, "active")

    def test_invoiced(self):
        self._invoice(self.fenna, pay=False)
        self._assert_state(self.fenna, "invoiced", True)

    def test_waiting(self):
        self._invoice(self.fenna, post=False, pay=False)
        self._assert_state(self.fenna, "waiting", False)

    def test_free(self):
        self.fenna.free_member = True
        self._assert_state(self.fenna, "free", True)
        membership = self._join(self.network_a, self.fenna, consent=True)
        self.fenna.free_member = False
        self._assert_state(self.fenna, "none", False)
        self.assertEqual(membership.state, "left")

    def test_canceled(self):
        move = self._invoice(self.fenna, pay=False)
        membership = self._join(self.network_a, self.fenna, consent=True)
        move.button_draft()
        self._assert_state(self.fenna, "waiting", False)
        self.assertEqual(membership.state, "left")
        move.button_cancel()
        self._assert_state(self.fenna, "canceled", False)

    def test_old_by_cron(self):
        # the membership runs out on its end date without any write: the daily
        # cron turns it "old" and ends the networks and the core seat
        self._invoice(self.fenna)
        membership = self._join(self.network_a, self.fenna, consent=True)
        seat = self._appoint(
            self.network_b, self.fenna, self.today - relativedelta(months=1)
        )
        later = self.today + relativedelta(months=1, days=1)
        with freeze_time(later):
            self.env["res.partner"]._cron_pn_sync_party_membership()
            self._assert_state(self.fenna, "old", False)
            self.assertEqual(membership.state, "left")
            self.assertEqual(seat.state, "ended")
            self.assertEqual(seat.date_end, later)
        # the cron is the one of this addon, daily
        cron = self.env.ref("partijnetwerken_membership.ir_cron_party_membership_sync")
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "days"))

    def test_cron_keeps_current_members(self):
        self._invoice(self.fenna)
        membership = self._join(self.network_a, self.fenna, consent=True)
        self.env["res.partner"]._cron_pn_sync_party_membership()
        self._assert_state(self.fenna, "paid", True)
        self.assertEqual(membership.state, "active")
        # the fixture's members (set by hand before the bridge) stay too
        self.assertEqual(self.m_anna.state, "active")
        self.assertEqual(self.core_a.state, "appointed")

    def test_core_member_losing_membership_loses_seat(self):
        partner = self.core_user.partner_id
        partner.free_member = True
        self.assertTrue(partner.is_party_member)
        membership = self._join(self.network_b, partner, consent=True)
        # whoever edits the Free Member box decides: here the office
        partner.with_user(self.office_user).free_member = False
        self.assertFalse(partner.is_party_member)
        self.assertEqual(self.core_a.state, "ended")
        self.assertEqual(self.core_a.date_end, self.today)
        self.assertEqual(membership.state, "left")
        self.assertFalse(
            self.env["party.network.membership"]
            .with_user(self.core_user)
            .search([("network_id", "=", self.network_a.id)])
        )
        self.assertEqual(self.core_b.state, "appointed")

    def test_associate_member_follows(self):
        self._invoice(self.fenna)
        self.anna.associate_member = self.fenna
        self._assert_state(self.anna, "paid", True)
        self.fenna.member_lines.unlink()
        self._assert_state(self.anna, "none", False)
        self.assertEqual(self.m_anna.state, "left")

    def test_office_cannot_set_by_hand(self):
        for value in (False, True):
            with self.assertRaises(UserError) as caught:
                self.fenna.with_user(self.office_user).write({"is_party_member": value})
            self.assertIn("Members app", str(caught.exception))
        with self.assertRaises(UserError):
            self.env["res.partner"].with_user(self.office_user).create(
                {"name": "Gijs Gerritsen", "is_party_member": True}
            )
        self.assertFalse(self.fenna.is_party_member)
        # others are refused as before
        with self.assertRaises(UserError):
            self.anna.with_user(self.internal_user).write({"is_party_member": False})
        self.assertTrue(self.anna.is_party_member)

    def test_message_in_dutch(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        fenna = self.fenna.with_user(self.office_user).with_context(lang="nl_NL")
        with self.assertRaises(UserError) as caught:
            fenna.write({"is_party_member": True})
        self.assertIn("volgt de app Leden", str(caught.exception))
