# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PartyNetworkCase

RENEWAL = "partijnetwerken.mail_activity_type_requirements_renewal"


@tagged("post_install", "-at_install")
class TestRecertification(PartyNetworkCase):
    """The access requirements of a core seat hold for a while; past it, data
    access ends at once, at the search."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param(
            "partijnetwerken.coordinator_email", cls.office_user.email
        )

    def _visible_to_core(self):
        return self.env["party.network.membership"].with_user(self.core_user).search([])

    def _notes(self, seat):
        return " ".join(seat.message_ids.mapped("body"))

    def test_confirmation_sets_the_validity(self):
        self.assertEqual(
            self.core_a.requirements_valid_until, self.today + relativedelta(months=24)
        )
        self.env["ir.config_parameter"].set_param(
            "partijnetwerken.requirements_valid_months", "12"
        )
        self.core_a.with_user(self.office_user).action_confirm_requirements()
        self.assertEqual(self.core_a.requirements_met_date, self.today)
        self.assertEqual(
            self.core_a.requirements_valid_until, self.today + relativedelta(months=12)
        )
        self.assertIn("Access requirements confirmed", self._notes(self.core_a))
        for user in (self.board_user, self.core_internal_user, self.core_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.core_a.with_user(user).action_confirm_requirements()

    def test_access_ends_the_day_after_the_validity(self):
        valid_until = self.today + relativedelta(days=10)
        self.core_a.requirements_valid_until = valid_until
        network = self.network_a.with_user(self.core_user)
        # warm the record-rule cache of the core member first
        self.assertTrue(self._visible_to_core())
        with freeze_time(valid_until):
            self.assertTrue(self._visible_to_core())
        with freeze_time(valid_until + relativedelta(days=1)):
            self.env.invalidate_all()
            self.assertFalse(self._visible_to_core())
            self.assertFalse(self.core_a.with_user(self.core_user).has_data_access)
            self.assertFalse(network.user_has_data_access)
            # still in the core group: the seat runs, only the data is closed
            self.assertTrue(network.user_is_core_member)
            self.assertNotIn(
                self.network_a,
                self.env["party.network.core.member"]._networks_with_data_access(
                    self.core_user.partner_id
                ),
            )

    def test_reminder_once_ahead_then_expiry_in_the_chatter(self):
        valid_until = self.today + relativedelta(weeks=6)
        self.core_a.requirements_valid_until = valid_until
        Seat = self.env["party.network.core.member"]
        Seat._cron_process_requirements()
        self.assertFalse(self.core_a.activity_ids)
        with freeze_time(valid_until - relativedelta(weeks=4)):
            Seat._cron_process_requirements()
            Seat._cron_process_requirements()
        reminders = self.core_a.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(RENEWAL)
        )
        self.assertEqual(len(reminders), 1)
        self.assertEqual(reminders.user_id, self.office_user)
        self.assertEqual(reminders.date_deadline, valid_until)
        with freeze_time(valid_until + relativedelta(days=1)):
            Seat._cron_process_requirements()
        self.assertFalse(self.core_a.requirements_met)
        self.assertIn("access requirements expired", self._notes(self.core_a))
        # confirming again gives access back and closes the reminder
        self.core_a.with_user(self.office_user).action_confirm_requirements()
        self.assertTrue(self._visible_to_core())
        self.assertFalse(self.core_a.activity_ids)
        self.assertFalse(self.core_a.requirements_reminder_date)

    def test_reappointment_without_reconfirmation_gives_no_access(self):
        self.assertTrue(self._visible_to_core())
        self.core_a.with_user(self.board_user).action_reappoint()
        self.assertEqual(self.core_a.state, "appointed")
        self.assertFalse(self.core_a.requirements_met)
        self.assertFalse(self._visible_to_core())
        self.assertFalse(self.network_a.with_user(self.core_user).user_has_data_access)
        with freeze_time(self.today + relativedelta(months=1)):
            self.assertFalse(self._visible_to_core())
        self.core_a.with_user(self.office_user).action_confirm_requirements()
        self.assertTrue(self._visible_to_core())

    def test_a_seat_without_validity_has_no_access(self):
        self.core_a.write({"requirements_valid_until": False})
        self.assertFalse(self._visible_to_core())
        self.env["party.network.core.member"]._fill_requirements_valid_until()
        self.assertTrue(self.core_a.requirements_valid_until)
        self.assertTrue(self._visible_to_core())
