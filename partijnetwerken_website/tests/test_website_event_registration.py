# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from datetime import timedelta

from odoo import Command, fields, http
from odoo.tests import HttpCase, tagged

from .website_common import PartyNetworkWebsiteCommon


@tagged("post_install", "-at_install")
class TestWebsiteEventRegistration(PartyNetworkWebsiteCommon, HttpCase):
    """website_event's public registration is closed for network activities: they
    register through the portal, where membership is checked (DESIGN §10.1)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        values = {
            "date_begin": now + timedelta(days=4),
            "date_end": now + timedelta(days=4, hours=2),
            "is_published": True,
            "event_ticket_ids": [Command.create({"name": "Gratis"})],
        }
        cls.network_event = cls.env["event.event"].create(
            {
                "name": "Ledenavond zorg",
                "network_id": cls.network_a.id,
                "network_activity_kind": "meeting",
                **values,
            }
        )
        # an event of the party without a network: website_event as usual
        cls.control_event = cls.env["event.event"].create(
            {"name": "Partijcongres", **values}
        )

    def _slug(self, event):
        return self.env["ir.http"]._slug(event)

    def _confirm_data(self, event):
        questions = event.question_ids
        name = questions.filtered(lambda q: q.question_type == "name")
        email = questions.filtered(lambda q: q.question_type == "email")
        self.assertTrue(name and email)
        return {
            f"1-name-{name.id}": "Iemand Buiten",
            f"1-email-{email.id}": "iemand@example.com",
            "1-event_ticket_id": event.event_ticket_ids[0].id,
            "csrf_token": http.Request.csrf_token(self),
        }

    def _registration_new(self, event):
        ticket = event.event_ticket_ids[0]
        return self.url_open(
            f"/event/{self._slug(event)}/registration/new",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {f"nb_register-{ticket.id}": 1},
                }
            ),
            headers={"Content-Type": "application/json"},
        ).json()

    def _confirm(self, event):
        return self.opener.post(
            f"{self.base_url()}/event/{self._slug(event)}/registration/confirm",
            data=self._confirm_data(event),
            allow_redirects=False,
            timeout=12,
        )

    def test_public_cannot_register_for_a_network_activity(self):
        self.login(None)
        register = self.get(f"/event/{self._slug(self.network_event)}/register")
        self.assertEqual(register.status_code, 303)
        self.assertIn(self.network_a.website_url, register.headers["Location"])
        self.assertFalse(self._registration_new(self.network_event)["result"])
        confirm = self._confirm(self.network_event)
        self.assertEqual(confirm.status_code, 303)
        self.assertNotIn("registration/success", confirm.headers["Location"])
        self.assertFalse(self.network_event.registration_ids)

    def test_logged_in_users_cannot_bypass_the_portal_either(self):
        for user in (self.outsider_user, self.member_user, self.internal_user):
            self.login(user)
            with self.subTest(user=user.login):
                self.assertEqual(self._confirm(self.network_event).status_code, 303)
                self.assertFalse(self._registration_new(self.network_event)["result"])
        self.assertFalse(self.network_event.registration_ids)

    def test_unpublished_network_sends_to_the_portal(self):
        self.network_a.is_published = False
        self.login(None)
        register = self.get(f"/event/{self._slug(self.network_event)}/register")
        self.assertEqual(register.status_code, 303)
        self.assertIn(f"/my/networks/{self.network_a.id}", register.headers["Location"])
        self._confirm(self.network_event)
        self.assertFalse(self.network_event.registration_ids)

    def test_control_event_without_network_still_registers(self):
        self.login(None)
        register = self.get(f"/event/{self._slug(self.control_event)}/register")
        self.assertEqual(register.status_code, 200)
        self.assertIn("registration/new", register.text)
        self.assertIn(
            "attendee_registration",
            self._registration_new(self.control_event)["result"],
        )
        confirm = self._confirm(self.control_event)
        self.assertEqual(confirm.status_code, 303)
        self.assertIn("registration/success", confirm.headers["Location"])
        self.assertEqual(len(self.control_event.registration_ids), 1)
        self.assertEqual(
            self.control_event.registration_ids.email, "iemand@example.com"
        )
