# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PRIVATE_DATA, SECRET_NAME, PartyNetworkCase


@tagged("post_install", "-at_install")
class TestSecurityEventPrivacy(PartyNetworkCase):
    """Who registered for an activity is member data: the core group learns it
    only through the consent gate of the registrations page, never over RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        cls.event = cls.env["event.event"].create(
            {
                "name": "Ledenavond",
                "network_id": cls.network_a.id,
                "network_activity_kind": "meeting",
                "date_begin": now + timedelta(days=3),
                "date_end": now + timedelta(days=3, hours=2),
            }
        )
        cls.registrations = cls.env["event.registration"].create(
            [
                {"event_id": cls.event.id, "partner_id": partner.id, "state": "open"}
                for partner in (cls.anna, cls.bram)
            ]
        )
        cls.core_users = (cls.core_user, cls.core_internal_user)

    def test_core_members_cannot_read_registrations(self):
        for user in self.core_users:
            Registration = self.env["event.registration"].with_user(user)
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    Registration.search_read([], ["name", "email", "partner_id"])
                with self.assertRaises(AccessError):
                    Registration.browse(self.registrations.ids).read(["name"])
                with self.assertRaises(AccessError):
                    Registration.name_search(SECRET_NAME)
                # no access right (portal) or no export right (internal user)
                with self.assertRaises(UserError):
                    Registration.browse(self.registrations.ids).export_data(
                        ["name", "partner_id/email"]
                    )
                with self.assertRaises(AccessError):
                    Registration.read_group([], ["partner_id"], ["partner_id"])
                with self.assertRaises(AccessError):
                    _names = Registration.browse(self.registrations[1].id).display_name

    def test_core_members_cannot_read_events_over_rpc(self):
        for user in self.core_users:
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["event.event"].with_user(user).search_read(
                    [], ["registration_ids", "seats_taken"]
                )

    def test_partners_do_not_reveal_registrations(self):
        """No partner-side path from a person to the activities they registered
        for: ``event_count`` is for event staff only."""
        Partner = self.env["res.partner"].with_user(self.core_internal_user)
        self.assertNotIn("event_count", Partner.fields_get())
        # grouping partners shows no more than their names, which an internal
        # user reads anyway: nothing of the activities they registered for
        groups = Partner.read_group([("id", "in", self.bram.ids)], ["name"], ["name"])
        self.assertEqual(groups[0]["name"], SECRET_NAME)
        self.assertNotIn("event", str(groups))
        with self.assertRaises(AccessError):
            Partner.browse(self.bram.id).read(["event_count"])

    def test_registration_memberships_follow_the_consent_gate(self):
        memberships = self.event.with_user(self.core_user).sudo()
        memberships = memberships._portal_registration_memberships()
        self.assertEqual(memberships.mapped("shared_name"), ["Anna Aandeel"])
        shown = " ".join(memberships.mapped("shared_name"))
        for secret in PRIVATE_DATA:
            self.assertNotIn(secret, shown)
        # another network's core member sees none of them
        other = self.event.with_user(self.core_b_user).sudo()
        self.assertFalse(other._portal_registration_memberships())
