# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PartyNetworkLifecycleCase

TERM_END = "partijnetwerken.mail_activity_type_term_end"


@tagged("post_install", "-at_install")
class TestCoreTerms(PartyNetworkLifecycleCase):
    """Terms end by themselves; the office is reminded; the board reappoints."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seat = cls._appoint(cls.network_a, cls.founders[0], date(2030, 1, 1), 12)
        cls.long_seat = cls._appoint(
            cls.network_b, cls.founders[1], date(2030, 1, 1), 48
        )
        cls.cron = cls.env.ref(
            "partijnetwerken.ir_cron_party_network_core_member_terms"
        )

    def _run_cron(self):
        self.env["party.network.core.member"]._cron_process_terms()

    def test_cron_is_daily(self):
        self.assertEqual(
            (self.cron.interval_number, self.cron.interval_type), (1, "days")
        )
        self.assertEqual(self.cron.model_id.model, "party.network.core.member")

    def test_cron_ends_expired_terms(self):
        with freeze_time("2030-12-31"):
            self._run_cron()
            self.assertEqual(self.seat.state, "appointed", "the last day still counts")
        with freeze_time("2031-01-02"):
            self._run_cron()
            self.assertEqual(self.seat.state, "ended")
            self.assertEqual(self.seat.date_end, date(2031, 1, 1), "kept as it was")
            self.assertFalse(self.seat.has_data_access)
        self.assertEqual(self.long_seat.state, "appointed", "a running term continues")

    def test_reminder_scheduled_once_weeks_before_the_end(self):
        with freeze_time("2030-11-05"):  # more than 8 weeks before 1 January
            self._run_cron()
            self.assertFalse(self._activities(self.seat, TERM_END))
        with freeze_time("2030-11-06"):  # 8 weeks before
            self._run_cron()
            reminder = self._activities(self.seat, TERM_END)
            self.assertEqual(len(reminder), 1)
            self.assertEqual(reminder.user_id, self.office_user)
            self.assertEqual(reminder.date_deadline, date(2031, 1, 1))
            self.assertEqual(self.seat.term_reminder_date, date(2030, 11, 6))
        with freeze_time("2030-11-07"):
            self._run_cron()
        with freeze_time("2030-12-01"):
            reminder.action_feedback(feedback="Voorstel gaat naar het LB.")
            self._run_cron()
        self.assertFalse(self._activities(self.seat, TERM_END), "not scheduled again")

    def test_reminder_note_in_the_coordinator_language(self):
        self._load_dutch()
        self.office_user.lang = "nl_NL"
        with freeze_time("2030-11-06"):
            self._run_cron()
        note = self._activities(self.seat, TERM_END).note
        self.assertIn(self.seat.partner_id.name, note)
        self.assertIn("De termijn van", note)
        self.assertIn("01-01-2031", note)
        self.assertNotIn("Prepare a reappointment", note)

    def test_reminder_weeks_from_setting(self):
        self.env["ir.config_parameter"].set_param(
            "partijnetwerken.term_reminder_weeks", "2"
        )
        with freeze_time("2030-12-10"):
            self._run_cron()
            self.assertFalse(self._activities(self.seat, TERM_END))
        with freeze_time("2030-12-18"):
            self._run_cron()
            self.assertTrue(self._activities(self.seat, TERM_END))

    def test_reappointment_extends_the_term(self):
        plan = self.env["party.network.plan"].create(
            {"network_id": self.network_a.id, "term_months": 36, "state": "approved"}
        )
        self.assertEqual(plan.state, "approved")
        with freeze_time("2030-11-06"):
            self._run_cron()
            self.seat.with_user(self.board_user).action_reappoint()
        self.assertEqual(self.seat.state, "appointed")
        self.assertEqual(self.seat.date_start, date(2030, 1, 1))
        self.assertEqual(self.seat.date_end, date(2034, 1, 1), "36 months of the plan")
        self.assertFalse(self._activities(self.seat, TERM_END), "the reminder is done")
        self.assertFalse(self.seat.term_reminder_date, "the new end gets a reminder")
        for record in (self.seat, self.network_a):
            self.assertTrue(
                record.message_ids.filtered(
                    lambda m: "reappointed to the core group by the national board"
                    in (m.body or "")
                    and self.board_user.name in m.body
                )
            )

    def test_reappointment_after_the_term_ended(self):
        with freeze_time("2031-03-01"):
            self._run_cron()
            self.assertEqual(self.seat.state, "ended")
            self.seat.with_user(self.board_user).action_reappoint(months=12)
            self.assertEqual(self.seat.state, "appointed")
            self.assertEqual(self.seat.date_start, date(2031, 3, 1))
            self.assertEqual(self.seat.date_end, date(2032, 3, 1))
            # recertification (DESIGN §10.5): data access after a new confirmation
            self.assertFalse(self.seat.has_data_access)
            self.seat.with_user(self.office_user).action_confirm_requirements()
            self.assertTrue(self.seat.has_data_access)

    def test_no_reappointment_of_a_proposed_member(self):
        proposed = self.env["party.network.core.member"].create(
            {"network_id": self.network_a.id, "partner_id": self.founders[1].id}
        )
        with self.assertRaises(UserError):
            proposed.with_user(self.board_user).action_reappoint()

    def test_default_term_without_approved_plan(self):
        end = self.core_a.date_end
        self.core_a.with_user(self.board_user).action_reappoint()
        self.assertEqual(self.core_a.date_end, end + relativedelta(months=24))
