# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import ContributionPaymentCommon

LOGGER = "odoo.addons.partijnetwerken_payment.models.payment_transaction"


@tagged("post_install", "-at_install")
class TestContributionPayment(ContributionPaymentCommon, TransactionCase):
    """The transaction hooks: a done payment of exactly the pledge marks it paid;
    anything else changes nothing."""

    def _total(self):
        self.network_a.invalidate_recordset(["contribution_total"])
        return self.network_a.contribution_total

    def test_done_payment_marks_the_pledge_paid_and_counts_it(self):
        total = self._total()
        tx = self._transaction(self.pledge)
        tx._set_done()
        self.assertEqual(self.pledge.state, "paid")
        self.assertTrue(self.pledge.date_paid)
        self.assertEqual(self._total(), total + 25)
        self.assertIn(tx.reference, self.pledge.message_ids[0].body)
        # post-processing the same transaction again changes nothing
        messages = len(self.pledge.message_ids)
        tx._post_process()
        tx._set_done()
        self.assertEqual(len(self.pledge.message_ids), messages)
        self.assertEqual(self._total(), total + 25)

    def test_cancelled_or_failed_payment_leaves_the_pledge(self):
        self._transaction(self.pledge)._set_canceled()
        self._transaction(self.pledge)._set_error("declined")
        self._transaction(self.pledge)._set_pending()
        self.assertEqual(self.pledge.state, "pledged")
        self.assertEqual(self.pledge._pn_last_transaction().state, "pending")

    @mute_logger(LOGGER)
    def test_changed_amount_currency_or_partner_changes_nothing(self):
        other_currency = self.env.ref("base.USD")
        if other_currency == self.currency:
            other_currency = self.env.ref("base.EUR")
        for values in (
            {"amount": 1.0},
            {"amount": 24.99},
            {"partner_id": self.bram.id},
            {"currency_id": other_currency.id},
        ):
            self._transaction(self.pledge, **values)._set_done()
        self.assertEqual(self.pledge.state, "pledged")
        self.assertIn("does not match", self.pledge.message_ids[0].body)
        # someone else's payment for their own contribution pays only theirs
        self._transaction(self.bram_pledge)._set_done()
        self.assertEqual(self.bram_pledge.state, "paid")
        self.assertEqual(self.pledge.state, "pledged")

    def test_reference_alone_pays_nothing(self):
        """A payment that only names the contribution's reference (e.g. through
        /payment/pay) is not linked to it."""
        tx = self._transaction(self.pledge, contribution_id=False)
        self.assertTrue(tx.reference.startswith(self.pledge.reference))
        tx._set_done()
        self.assertEqual(self.pledge.state, "pledged")

    def test_second_payment_of_a_paid_or_cancelled_contribution_changes_nothing(self):
        self._transaction(self.pledge)._set_done()
        paid_on = self.pledge.date_paid
        messages = len(self.pledge.message_ids)
        self._transaction(self.pledge)._set_done()
        self.assertEqual(self.pledge.date_paid, paid_on)
        self.assertEqual(len(self.pledge.message_ids), messages)
        self.bram_pledge.with_user(self.office_user).action_cancel()
        self._transaction(self.bram_pledge)._set_done()
        self.assertEqual(self.bram_pledge.state, "cancelled")

    def test_refund_does_not_pay(self):
        tx = self._transaction(self.pledge, operation="refund")
        tx._set_done()
        self.assertEqual(self.pledge.state, "pledged")

    def test_members_do_not_read_transactions(self):
        tx = self._transaction(self.pledge)
        for user in (self.member_user, self.core_user, self.core_internal_user):
            self.assertFalse(tx.with_user(user).has_access("read"), user.login)
