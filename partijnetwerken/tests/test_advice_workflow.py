# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .advice_common import PartyNetworkAdviceCommon
from .common import PartyNetworkCase

ACTIVITY_REQUEST = "partijnetwerken.mail_activity_type_advice_request"
ACTIVITY_RECEIVED = "partijnetwerken.mail_activity_type_advice_received"
ACTIVITY_OVERDUE = "partijnetwerken.mail_activity_type_advice_overdue"


@tagged("post_install", "-at_install")
class TestAdviceWorkflow(PartyNetworkAdviceCommon, PartyNetworkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param(
            "partijnetwerken.coordinator_email", cls.office_user.email
        )

    def _mails_to(self, partner):
        return self.env["mail.mail"].search([("recipient_ids", "in", partner.ids)])

    def _activities(self, advice, xmlid):
        return advice.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(xmlid)
        )

    # requests
    def test_request_tells_the_core_group(self):
        request = self.request_a
        self.assertEqual(request.state, "requested")
        self.assertEqual(request.requester_user_id, self.body_user)
        self.assertEqual(request.date_requested, self.today)
        for user in (self.core_user, self.core_internal_user):
            with self.subTest(user=user.login):
                mails = self._mails_to(user.partner_id)
                self.assertEqual(len(mails), 1)
                self.assertIn(request.name, mails.subject)
        activities = self._activities(request, ACTIVITY_REQUEST)
        # internal core members get an activity with the due date; portal ones a mail
        self.assertEqual(activities.user_id, self.core_internal_user)
        self.assertEqual(activities.date_deadline, request.date_due)
        # the core group of network B hears nothing
        self.assertFalse(self._mails_to(self.core_b_user.partner_id))

    def test_request_needs_question_and_body(self):
        vals = {
            "network_id": self.network_a.id,
            "name": "Zonder vraag",
            "advice_type": "requested",
            "body_ids": [Command.set(self.body_board.ids)],
        }
        Advice = self.env["party.network.advice"].with_user(self.office_user)
        with self.assertRaises(ValidationError):
            Advice.create(vals)
        with self.assertRaises(ValidationError):
            Advice.create({**vals, "question": "Wat?", "body_ids": []})
        with self.assertRaises(ValidationError):
            Advice.create(
                {
                    **vals,
                    "question": "Wat?",
                    "date_due": self.today - timedelta(days=1),
                }
            )

    def test_only_active_networks_give_advice(self):
        self.network_b.sudo().write({"state": "closed"})
        with self.assertRaises(UserError):
            self.env["party.network.advice"].with_user(self.office_user).create(
                {"network_id": self.network_b.id, "name": "Te laat"}
            )

    def test_writing_a_request_makes_it_a_draft(self):
        self.request_a.with_user(self.core_user).write(
            {"content": "<p>Een eerste opzet.</p>"}
        )
        self.assertEqual(self.request_a.state, "draft")

    # sending
    def test_send_refuses_without_content_body_state_or_role(self):
        empty = self._advice(self.network_a, "Leeg", "draft", self.body_board)
        empty.content = "<p><br></p>"
        with self.assertRaisesRegex(UserError, "Write the advice"):
            empty.with_user(self.core_user).action_send()
        nobody = self._advice(self.network_a, "Voor niemand", "draft", self.body_board)
        nobody.body_ids = False
        with self.assertRaisesRegex(UserError, "at least one body"):
            nobody.with_user(self.core_user).action_send()
        with self.assertRaisesRegex(UserError, "Only a request or a draft"):
            self.sent_a.with_user(self.core_user).action_send()
        for user in (self.member_user, self.body_user, self.core_b_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.draft_a.with_user(user).action_send()
        self.assertEqual(self.draft_a.state, "draft")

    def test_core_group_sends_and_the_bodies_are_told(self):
        self.draft_a.with_user(self.core_user).action_send()
        self.assertEqual(self.draft_a.state, "sent")
        self.assertEqual(self.draft_a.date_sent, self.today)
        activity = self._activities(self.draft_a, ACTIVITY_RECEIVED)
        self.assertEqual(activity.user_id, self.body_user)
        mails = self._mails_to(self.body_user.partner_id)
        self.assertEqual(len(mails), 1)
        self.assertIn(self.draft_a.name, mails.subject)
        # Odoo's own assignment mail is not sent: the party's mail says it all
        self.assertFalse(
            self.env["mail.mail"].search(
                [
                    ("recipient_ids", "in", self.body_user.partner_id.ids),
                    ("subject", "ilike", "assigned"),
                ]
            )
        )
        # read-only for the core group from now on
        with self.assertRaises(AccessError):
            self.draft_a.with_user(self.core_user).write({"content": "<p>Toch</p>"})

    def test_sent_mail_is_in_the_body_users_language(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.fractie_user.lang = "en_US"
        self.draft_fractie_a.with_user(self.office_user).action_send()
        english = self._mails_to(self.fractie_user.partner_id)
        self.assertTrue(english.subject.startswith("Advice of"), english.subject)
        self.env["ir.module.module"]._load_module_terms(
            ["partijnetwerken"], ["nl_NL"], overwrite=True
        )
        self.body_user.lang = "nl_NL"
        self.draft_a.with_user(self.office_user).action_send()
        mail = self._mails_to(self.body_user.partner_id)
        self.assertTrue(mail.subject.startswith("Advies van"), mail.subject)

    # answering
    def test_answer_needs_a_response_and_a_body_user(self):
        with self.assertRaisesRegex(UserError, "response"):
            self.sent_a.with_user(self.body_user).action_answer()
        self.sent_a.with_user(self.body_user).write(
            {"response": "Overgenomen in het programma.", "uptake": "adopted"}
        )
        for user in (self.core_user, self.fractie_user, self.member_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.sent_a.with_user(user).action_answer()
        with self.assertRaisesRegex(UserError, "Only advice that was sent"):
            self.draft_a.with_user(self.office_user).action_answer()
        self.sent_a.with_user(self.body_user).action_answer()
        self.assertEqual(self.sent_a.state, "answered")
        self.assertEqual(self.sent_a.uptake, "adopted")
        self.assertEqual(self.sent_a.date_answered, self.today)
        # the core group hears the answer
        self.assertTrue(
            self._mails_to(self.core_user.partner_id).filtered(
                lambda m: self.sent_a.name in m.subject
            )
        )

    # withdrawing
    def test_withdraw_by_role_and_state(self):
        with self.assertRaises(AccessError):
            self.request_a.with_user(self.core_user).action_withdraw()
        with self.assertRaises(AccessError):
            self.draft_a.with_user(self.member_user).action_withdraw()
        with self.assertRaises(AccessError):
            self.draft_a.with_user(self.body_user).action_withdraw()
        self.request_a.with_user(self.body_user).action_withdraw()
        self.assertEqual(self.request_a.state, "withdrawn")
        self.assertFalse(self.request_a.activity_ids)
        self.draft_a.with_user(self.core_user).action_withdraw()
        self.assertEqual(self.draft_a.state, "withdrawn")
        with self.assertRaisesRegex(UserError, "Only a request or a draft"):
            self.sent_a.with_user(self.office_user).action_withdraw()

    # overdue
    def test_overdue_requests_and_one_reminder(self):
        Advice = self.env["party.network.advice"]
        self.assertFalse(self.request_a.is_overdue)
        later = self.today + timedelta(days=20)
        with freeze_time(later):
            self.request_a.invalidate_recordset(["is_overdue"])
            self.assertTrue(self.request_a.is_overdue)
            self.assertEqual(
                Advice.search(
                    [
                        ("is_overdue", "=", True),
                        ("network_id", "in", (self.network_a | self.network_b).ids),
                    ]
                ),
                self.request_a,
            )
            self.assertIn(self.sent_a, Advice.search([("is_overdue", "=", False)]))
            Advice._cron_remind_overdue()
            Advice._cron_remind_overdue()
        reminders = self._activities(self.request_a, ACTIVITY_OVERDUE)
        self.assertEqual(len(reminders), 1)
        self.assertEqual(reminders.user_id, self.office_user)
        reminders.action_feedback()
        with freeze_time(later + timedelta(days=1)):
            Advice._cron_remind_overdue()
        self.assertFalse(self._activities(self.request_a, ACTIVITY_OVERDUE))
        # a new date gets its own reminder
        self.request_a.with_user(self.office_user).date_due = later
        with freeze_time(later + timedelta(days=2)):
            Advice._cron_remind_overdue()
        self.assertEqual(len(self._activities(self.request_a, ACTIVITY_OVERDUE)), 1)

    # publication
    def test_only_sent_advice_of_theme_networks_is_published(self):
        with self.assertRaises(ValidationError):
            self.draft_a.with_user(self.office_user).website_published = True
        with self.assertRaises(ValidationError):
            self.sent_b.with_user(self.office_user).website_published = True
        with self.assertRaises(AccessError):
            self.sent_a.with_user(self.body_user).website_published = True
        self.sent_a.with_user(self.office_user).website_published = True
        self.assertTrue(self.sent_a.website_published)

    # the network
    def test_network_counts_and_shows_its_advice(self):
        network = self.network_a.with_user(self.office_user)
        self.assertEqual(network.advice_count, 4)
        action = network.action_view_advice()
        self.assertEqual(action["domain"], [("network_id", "=", network.id)])
        self.assertEqual(action["res_model"], "party.network.advice")


@tagged("post_install", "-at_install")
class TestAdviceBackOffice(PartyNetworkAdviceCommon, PartyNetworkCase):
    def test_body_user_finds_the_menu_without_a_party_networks_group(self):
        Menu = self.env["ir.ui.menu"]
        my_bodies = self.env.ref("partijnetwerken.party_network_advice_menu_my_bodies")
        office_root = self.env.ref("partijnetwerken.partijnetwerken_menu_root")
        visible = Menu.with_user(self.body_user)._visible_menu_ids()
        self.assertIn(my_bodies.id, visible)
        self.assertIn(my_bodies.parent_id.id, visible)
        self.assertNotIn(office_root.id, visible)
        self.assertIn(
            office_root.id, Menu.with_user(self.office_user)._visible_menu_ids()
        )

    def test_body_user_requests_and_answers_in_the_form(self):
        Advice = self.env["party.network.advice"].with_user(self.fractie_user)
        action = self.env.ref("partijnetwerken.party_network_advice_action_my_requests")
        with Form(Advice.with_context(default_advice_type="requested")) as form:
            form.network_id = self.network_a
            form.name = "Jeugdzorg"
            form.question = "Wat werkt in de jeugdzorg?"
            form.date_due = self.today + timedelta(days=30)
            form.body_ids.add(self.body_fractie)
        request = form.record
        self.assertEqual(request.state, "requested")
        self.assertIn("requested", action.context)
        # the body answers what was sent to it, in the form
        self.sent_b.invalidate_recordset()
        with Form(self.sent_b.with_user(self.fractie_user)) as form:
            form.response = "We nemen het mee in de begroting."
            form.uptake = "partly"
        self.sent_b.with_user(self.fractie_user).action_answer()
        self.assertEqual(self.sent_b.state, "answered")

    def test_core_member_writes_unsolicited_advice_in_the_form(self):
        Advice = self.env["party.network.advice"].with_user(self.core_internal_user)
        with Form(Advice) as form:
            form.network_id = self.network_a
            form.name = "Ongevraagd over mantelzorg"
            form.content = "<p>Het advies.</p>"
            form.body_ids.add(self.body_board)
        advice = form.record
        self.assertEqual(advice.state, "draft")
        advice.action_send()
        self.assertEqual(advice.state, "sent")

    def test_views_open_for_every_audience(self):
        views = [[False, kind] for kind in ("list", "kanban", "form", "graph", "pivot")]
        for user in (self.body_user, self.core_internal_user, self.office_user):
            with self.subTest(user=user.login):
                result = (
                    self.env["party.network.advice"]
                    .with_user(user)
                    .get_views([*views, [False, "search"]])
                )
                self.assertIn("form", result["views"])
        network_form = (
            self.env["party.network"]
            .with_user(self.office_user)
            .get_views([[False, "form"]])
        )
        self.assertIn("action_view_advice", network_form["views"]["form"]["arch"])

    def test_internal_core_member_finds_the_advice_of_their_network(self):
        Advice = self.env["party.network.advice"].with_user(self.core_internal_user)
        found = Advice.search([("network_id.user_is_core_member", "=", True)])
        self.assertEqual(
            found, self.request_a | self.draft_a | self.sent_a | self.draft_fractie_a
        )

    def test_the_form_shows_each_reader_the_buttons_they_may_use(self):
        def flags(advice, user):
            advice = advice.with_user(user)
            return (
                advice.user_can_send,
                advice.user_can_answer,
                advice.user_can_withdraw,
            )

        self.assertEqual(flags(self.draft_a, self.core_internal_user), (1, 0, 1))
        self.assertEqual(flags(self.request_a, self.core_internal_user), (1, 0, 0))
        self.assertEqual(flags(self.request_a, self.body_user), (0, 0, 1))
        self.assertEqual(flags(self.sent_a, self.body_user), (0, 1, 0))
        self.assertEqual(flags(self.sent_a, self.core_internal_user), (0, 0, 0))
        self.assertEqual(flags(self.draft_a, self.office_user), (1, 0, 1))
        self.assertEqual(flags(self.sent_a, self.board_user), (0, 0, 0))
