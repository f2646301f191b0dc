# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PartyNetworkCase

SERVER_DECIDE = "partijnetwerken.party_network_evaluation_action_server_decide"


class EvaluationCommon(PartyNetworkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param(
            "partijnetwerken.coordinator_email", cls.office_user.email
        )
        now = fields.Datetime.now()
        Event = cls.env["event.event"]
        cls.event = Event.create(
            {
                "name": "Expertsessie wijkzorg",
                "network_id": cls.network_a.id,
                "date_begin": now - timedelta(days=20),
                "date_end": now - timedelta(days=20, hours=-2),
            }
        )
        cls.old_event = Event.create(
            {
                "name": "Oude bijeenkomst",
                "network_id": cls.network_a.id,
                "date_begin": now - timedelta(days=400),
                "date_end": now - timedelta(days=400, hours=-2),
            }
        )
        Registration = cls.env["event.registration"]
        for partner, state in (
            (cls.anna, "done"),
            (cls.bram, "open"),
            (cls.carla, "cancel"),
        ):
            Registration.create(
                {"event_id": cls.event.id, "partner_id": partner.id, "state": state}
            )
        Registration.create(
            {"event_id": cls.old_event.id, "partner_id": cls.anna.id, "state": "done"}
        )

    def _evaluation(self, network=None, **vals):
        network = network or self.network_a
        return self.env["party.network.evaluation"].create(
            {
                "network_id": network.id,
                "period_start": self.today - relativedelta(months=3),
                "period_end": self.today,
                **vals,
            }
        )

    def _submitted(self, network=None, **vals):
        evaluation = self._evaluation(network, **vals)
        evaluation.with_user(self.office_user).action_submit()
        return evaluation

    def _decided(self, network=None, decision="continue", note="Groeit goed."):
        evaluation = self._submitted(network)
        evaluation.with_user(self.board_user).write(
            {"decision": decision, "decision_note": note}
        )
        evaluation.with_user(self.board_user).action_decide()
        return evaluation


@tagged("post_install", "-at_install")
class TestEvaluationFigures(EvaluationCommon):
    def test_submit_freezes_the_figures(self):
        evaluation = self._evaluation()
        self.assertEqual(evaluation.member_count, 0)
        evaluation.with_user(self.office_user).action_submit()
        self.assertEqual(evaluation.state, "submitted")
        self.assertRecordValues(
            evaluation,
            [
                {
                    "member_count": 3,
                    "target_member_count": 50,
                    "consent_rate": 66.7,
                    "activity_count": 1,
                    "registration_count": 2,
                    "attended_count": 1,
                    "advice_count": 0,
                    "core_member_count": 2,
                    "province_count": 0,
                }
            ],
        )
        # later changes do not move the frozen figures
        self._join(self.network_a, self.esther, consent=True)
        self.network_a.invalidate_recordset(["member_count"])
        self.assertEqual(self.network_a.member_count, 4)
        evaluation.invalidate_recordset()
        self.assertEqual(evaluation.member_count, 3)
        with self.assertRaises(UserError):
            evaluation.with_user(self.office_user).member_count = 40
        with self.assertRaises(UserError):
            evaluation.with_user(self.office_user).period_start = self.today
        self.assertEqual(evaluation.member_count, 3)

    def test_advice_counts_zero_without_the_advice_model(self):
        figures = self.network_a._steering_figures(self.today, self.today)
        if "party.network.advice" not in self.env:
            self.assertEqual(figures["advice_count"], 0)
            self.assertEqual(figures["advice_adopted_count"], 0)

    def test_submit_asks_the_board(self):
        evaluation = self._submitted()
        board_activities = evaluation.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("partijnetwerken.mail_activity_type_evaluation_decision")
        )
        self.assertIn(self.board_user, board_activities.user_id)
        evaluation.with_user(self.board_user).write({"decision": "continue"})
        evaluation.with_user(self.board_user).action_decide()
        self.assertFalse(evaluation.activity_ids)

    def test_only_the_office_submits(self):
        evaluation = self._evaluation()
        for user in (self.board_user, self.core_internal_user, self.internal_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                evaluation.with_user(user).action_submit()
        evaluation.with_user(self.office_user).action_submit()
        with self.assertRaises(UserError):
            evaluation.with_user(self.office_user).action_submit()

    def test_office_prepares_from_the_network(self):
        action = self.network_a.with_user(self.office_user).action_create_evaluation()
        evaluation = self.env["party.network.evaluation"].browse(action["res_id"])
        self.assertEqual(evaluation.state, "draft")
        self.assertEqual(evaluation.period_start, self.network_a.date_start)
        self.assertEqual(evaluation.period_end, self.today)
        # a second click opens the same draft
        again = self.network_a.with_user(self.office_user).action_create_evaluation()
        self.assertEqual(again["res_id"], evaluation.id)
        with self.assertRaises(AccessError):
            self.network_b.with_user(self.board_user).action_create_evaluation()
        closed = self.env["party.network"].create(
            {"name": "Gesloten", "state": "closed"}
        )
        with self.assertRaises(UserError):
            closed.with_user(self.office_user).action_create_evaluation()

    def test_cron_prepares_the_due_evaluations_once(self):
        months = 12
        self.assertEqual(
            self.network_a.next_evaluation_date,
            self.network_a.date_start + relativedelta(months=months),
        )
        Evaluation = self.env["party.network.evaluation"]
        self.env["party.network"]._cron_create_evaluations()
        self.assertFalse(Evaluation.search([("network_id", "=", self.network_a.id)]))
        with freeze_time(self.network_a.next_evaluation_date):
            self.env["party.network"]._cron_create_evaluations()
            self.env["party.network"]._cron_create_evaluations()
        drafts = Evaluation.search([("network_id", "=", self.network_a.id)])
        self.assertEqual(len(drafts), 1)
        self.assertEqual(drafts.state, "draft")
        self.assertEqual(drafts.activity_ids.user_id, self.office_user)
        self.assertEqual(
            drafts.activity_ids.activity_type_id,
            self.env.ref("partijnetwerken.mail_activity_type_evaluation"),
        )


@tagged("post_install", "-at_install")
class TestEvaluationDecision(EvaluationCommon):
    def test_only_the_board_decides(self):
        evaluation = self._submitted()
        for user in (self.office_user, self.core_internal_user, self.internal_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    evaluation.with_user(user).write({"decision": "continue"})
                with self.assertRaises(AccessError):
                    evaluation.with_user(user).action_decide()
        with self.assertRaises(AccessError):
            evaluation.with_user(self.office_user).write({"state": "decided"})
        # the office may not slip a decision into a new evaluation either
        with self.assertRaises(AccessError):
            self.env["party.network.evaluation"].with_user(self.office_user).create(
                {
                    "network_id": self.network_b.id,
                    "period_start": self.today,
                    "period_end": self.today,
                    "decision": "close",
                }
            )
        self.assertEqual(evaluation.state, "submitted")

    def test_refused_without_a_decision(self):
        evaluation = self._submitted()
        with self.assertRaises(UserError):
            evaluation.with_user(self.board_user).action_decide()
        self.assertEqual(evaluation.state, "submitted")

    def test_refused_before_submission(self):
        evaluation = self._evaluation()
        evaluation.with_user(self.board_user).decision = "continue"
        with self.assertRaises(UserError):
            evaluation.with_user(self.board_user).action_decide()
        self.assertEqual(evaluation.state, "draft")

    def test_close_needs_a_note(self):
        evaluation = self._submitted()
        evaluation.with_user(self.board_user).decision = "close"
        with self.assertRaises(UserError):
            evaluation.with_user(self.board_user).action_decide()
        self.assertEqual(self.network_a.state, "active")
        self.assertEqual(evaluation.state, "submitted")

    def test_close_closes_the_network(self):
        note = "Het netwerk heeft zijn doel bereikt."
        core_partner = self.core_user.partner_id
        evaluation = self._decided(decision="close", note=note)
        self.assertEqual(evaluation.state, "decided")
        self.assertEqual(evaluation.decided_by_id, self.board_user)
        self.assertTrue(evaluation.decided_date)
        self.assertEqual(self.network_a.state, "closed")
        self.assertFalse(self.network_a.active)
        self.assertEqual(self.network_a.close_reason, note)
        self.assertEqual(self.m_anna.state, "left")
        self.assertEqual(self.core_a.state, "ended")
        # the core group, whose terms just ended, is told
        mails = self.env["mail.mail"].search(
            [("recipient_ids", "in", core_partner.ids)]
        )
        self.assertTrue(
            mails.filtered(lambda m: "evaluation" in (m.subject or "").lower())
        )

    def test_continue_sets_the_next_evaluation(self):
        evaluation = self._decided(decision="continue")
        self.assertEqual(
            self.network_a.next_evaluation_date, self.today + relativedelta(months=12)
        )
        self.assertEqual(
            evaluation.next_evaluation_date, self.network_a.next_evaluation_date
        )
        self.assertEqual(self.network_a.state, "active")
        body = "".join(self.network_a.message_ids.mapped("body"))
        self.assertIn("Groeit goed.", body)
        for partner in (self.core_user.partner_id, self.core_internal_user.partner_id):
            mails = self.env["mail.mail"].search([("recipient_ids", "in", partner.ids)])
            self.assertTrue(mails, partner.name)
            # private: one mail per person, attached to no document
            self.assertFalse(mails.mapped("model")[0])
        # a decided evaluation is history
        with self.assertRaises(UserError):
            evaluation.with_user(self.board_user).decision = "close"
        with self.assertRaises(UserError):
            evaluation.with_user(self.office_user).unlink()

    def test_adjust_with_a_date_and_a_term_for_reappointments(self):
        evaluation = self._submitted()
        next_date = self.today + relativedelta(months=6)
        evaluation.with_user(self.office_user).write(
            {"appointment_method": "election", "next_term_months": 18}
        )
        evaluation.with_user(self.board_user).write(
            {"decision": "adjust", "next_evaluation_date": next_date}
        )
        evaluation.with_user(self.board_user).action_decide()
        self.assertEqual(self.network_a.next_evaluation_date, next_date)
        self.assertEqual(self.core_a._default_term_months(), 18)

    def test_next_draft_starts_after_the_decided_period(self):
        evaluation = self._submitted(period_end=self.today - relativedelta(days=10))
        evaluation.with_user(self.board_user).decision = "continue"
        evaluation.with_user(self.board_user).action_decide()
        period_start, period_end = self.network_a._evaluation_period()
        self.assertEqual(period_start, self.today - relativedelta(days=9))
        self.assertEqual(period_end, self.today)

    def test_server_action_decides_several_with_the_same_checks(self):
        first = self._submitted()
        second = self._submitted(self.network_b)
        both = first | second
        action = self.env.ref(SERVER_DECIDE)
        both.with_user(self.board_user).write({"decision": "continue"})
        # an office user does not even get to run it
        with self.assertRaises(AccessError):
            action.with_user(self.office_user).with_context(
                active_model=both._name, active_ids=both.ids
            ).run()
        second.with_user(self.board_user).write({"decision": "close"})
        with self.assertRaises(UserError):
            action.with_user(self.board_user).with_context(
                active_model=both._name, active_ids=both.ids
            ).run()
        self.assertEqual(set(both.mapped("state")), {"submitted"})
        second.with_user(self.board_user).write({"decision": "continue"})
        action.with_user(self.board_user).with_context(
            active_model=both._name, active_ids=both.ids
        ).run()
        self.assertEqual(set(both.mapped("state")), {"decided"})
        self.assertEqual(set(both.network_id.mapped("state")), {"active"})


@tagged("post_install", "-at_install")
class TestEvaluationAccess(EvaluationCommon):
    """The office writes, the board decides; the core group reads the decided
    evaluations of its own network, nothing else."""

    def test_core_group_reads_its_decided_evaluations_only(self):
        decided_a = self._decided()
        submitted_a = self._submitted()
        decided_b = self._decided(self.network_b)
        Evaluation = self.env["party.network.evaluation"]
        for user, expected in (
            (self.core_user, decided_a),
            (self.core_internal_user, decided_a),
            (self.core_b_user, decided_b),
        ):
            with self.subTest(user=user.login):
                self.assertEqual(Evaluation.with_user(user).search([]), expected)
                self.assertTrue(
                    expected.with_user(user).read(["decision", "member_count"])
                )
        with self.assertRaises(AccessError):
            submitted_a.with_user(self.core_user).read(["findings"])
        with self.assertRaises(AccessError):
            decided_b.with_user(self.core_user).read(["decision"])
        with self.assertRaises(AccessError):
            decided_a.with_user(self.core_user).write({"findings": "<p>x</p>"})
        self.assertFalse(
            Evaluation.with_user(self.core_user).read_group([], ["state"], ["state"])[
                1:
            ]
        )

    def test_members_and_outsiders_read_nothing(self):
        self._decided()
        self._submitted(self.network_b)
        Evaluation = self.env["party.network.evaluation"]
        for user in (self.member_user, self.outsider_user, self.internal_user):
            with self.subTest(user=user.login):
                self.assertFalse(Evaluation.with_user(user).search([]))
                self.assertFalse(Evaluation.with_user(user).search_count([]))

    def test_core_group_loses_it_with_the_term(self):
        decided = self._decided()
        Evaluation = self.env["party.network.evaluation"].with_user(self.core_user)
        self.assertEqual(Evaluation.search([]), decided)
        with freeze_time(self.core_a.date_end + relativedelta(days=1)):
            self.assertFalse(Evaluation.search([]))

    def test_office_writes_board_does_not_create(self):
        evaluation = self._evaluation()
        evaluation.with_user(self.office_user).findings = "<p>Actief netwerk.</p>"
        evaluation.with_user(self.office_user).recommendation = "continue"
        with self.assertRaises(AccessError):
            self.env["party.network.evaluation"].with_user(self.board_user).create(
                {
                    "network_id": self.network_a.id,
                    "period_start": self.today,
                    "period_end": self.today,
                }
            )
        for user in (self.core_internal_user, self.internal_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                evaluation.with_user(user).findings = "<p>x</p>"
        # drafts may go, submitted ones stay
        evaluation.with_user(self.office_user).unlink()
        with self.assertRaises(UserError):
            self._submitted().with_user(self.office_user).unlink()

    def test_members_over_time_for_office_and_board_only(self):
        Stat = self.env["party.network.member.stat"]
        for user in (self.office_user, self.board_user):
            rows = Stat.with_user(user).search(
                [
                    ("network_id", "=", self.network_a.id),
                    ("date", "=", self.today.replace(day=1)),
                ]
            )
            self.assertEqual(sum(rows.mapped("member_count")), 3)
        for user in (self.core_user, self.core_internal_user, self.internal_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Stat.with_user(user).search([])
