# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import PartyNetworkLifecycleCase


@tagged("post_install", "-at_install")
class TestLifecycleMail(PartyNetworkLifecycleCase):
    """The initiators get a mail from a template at each step, in their language,
    and nobody learns from the chatter who they are."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fenna, cls.gijs, cls.hanna = cls.founders[:3]
        cls.application.initiator_partner_ids += cls.hanna  # speaks English
        # the addon's Dutch terms, as installing the language would load them
        cls._load_dutch()

    def test_intake_invitation_per_recipient_in_their_language(self):
        self.application.with_user(self.office_user).action_start_intake()
        dutch = self._mails_to(self.fenna)
        english = self._mails_to(self.hanna)
        self.assertEqual(len(dutch), 1)
        self.assertEqual(len(english), 1)
        self.assertEqual(
            dutch.subject,
            "Je aanvraag voor Themanetwerk Klimaat en energie: eerste gesprek",
        )
        self.assertEqual(
            english.subject,
            "Your application for Themanetwerk Klimaat en energie: intake conversation",
        )
        # one recipient per mail: the initiators do not see each other's address
        self.assertEqual(dutch.recipient_ids, self.fenna)
        self.assertIn("Fenna Friesland", dutch.body_html)
        self.assertNotIn("Hanna Hollander", dutch.body_html)
        self.assertEqual(english.reply_to, self.office_user.email)

    def test_mails_leave_no_trace_of_recipients_on_the_network(self):
        network = self.application
        network.with_user(self.office_user).action_start_intake()
        mails = self.env["mail.mail"].search(
            [("recipient_ids", "in", self.founders.ids)]
        )
        self.assertEqual(len(mails), 3)
        self.assertFalse(any(mails.mapped("model")), "attached to no document")
        messages = network.message_ids
        self.assertFalse(messages.partner_ids & self.founders)
        self.assertFalse(network.message_partner_ids & self.founders, "no followers")
        self.assertTrue(
            messages.filtered(lambda m: "sent to 3 recipients" in (m.body or "")),
            "the chatter says how many were mailed",
        )
        for message in messages:
            for name in self.founders.mapped("name"):
                self.assertNotIn(name, message.body or "")

    def test_plan_invitation(self):
        network = self.application.with_user(self.office_user)
        network.action_start_intake()
        network.intake_date = self.today
        network.action_invite_plan()
        mails = self._mails_to(self.hanna)
        self.assertEqual(len(mails), 2)
        invitation = mails.filtered(lambda m: "founding plan" in m.subject)
        self.assertEqual(
            invitation.subject,
            "Invitation to write the founding plan of Themanetwerk Klimaat en energie",
        )
        self.assertIn("at least 4", invitation.body_html)

    def test_decision_mail_to_initiators_and_core_group(self):
        plan = self._submitted_plan(partners=self.founders[1:5])
        plan.with_user(self.board_user).action_approve()
        expected = {
            "en_US": (
                "Decision of the national board on the founding plan of "
                "Themanetwerk Wonen",
                "has approved the founding plan",
            ),
            "nl_NL": (
                "Besluit van het Landelijk Bestuur over het oprichtingsplan van "
                "Themanetwerk Wonen",
                "Het Landelijk Bestuur heeft het oprichtingsplan van",
            ),
        }
        for partner in self.founders:
            with self.subTest(partner=partner.name):
                mail = self._mails_to(partner)
                self.assertEqual(len(mail), 1)
                subject, sentence = expected[partner.lang]
                self.assertEqual(mail.subject, subject)
                self.assertIn(sentence, mail.body_html)

    def test_rejection_mail_gives_the_reason(self):
        plan = self._submitted_plan()
        plan.decision_note = "Er is al een netwerk Wonen en bouwen."
        plan.with_user(self.board_user).action_reject()
        mail = self._mails_to(self.hanna)
        self.assertIn("not to approve", mail.body_html)
        self.assertIn("Er is al een netwerk Wonen en bouwen.", mail.body_html)
        mail = self._mails_to(self.fenna)
        self.assertIn("niet goed te keuren", mail.body_html)
        self.assertIn("Er is al een netwerk Wonen en bouwen.", mail.body_html)
