# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PartyNetworkLifecycleCase

REASON = "Het netwerk heeft zijn doel bereikt."


@tagged("post_install", "-at_install")
class TestNetworkClose(PartyNetworkLifecycleCase):
    """The board closes a network: members are told, the history is kept."""

    def _close(self, network, reason=REASON):
        action = network.with_user(self.board_user).action_open_close_wizard()
        wizard = (
            self.env["party.network.close"]
            .with_user(self.board_user)
            .with_context(**action["context"])
            .create({"reason": reason})
        )
        return wizard.action_confirm()

    def test_close_archives_tells_members_keeps_history(self):
        network = self.network_a
        memberships = self.env["party.network.membership"].search(
            [("network_id", "=", network.id)]
        )
        active = memberships.filtered(lambda m: m.state == "active")
        self.assertEqual(len(active), 3)
        carla_left_on = self.m_carla.date_left
        self._flush_tracking()

        self._close(network)

        self.assertEqual(network.state, "closed")
        self.assertFalse(network.active, "archived")
        self.assertEqual(network.date_closed, self.today)
        self.assertEqual(network.close_reason, REASON)
        self.assertEqual(
            self.env["party.network.membership"].search(
                [("network_id", "=", network.id)]
            ),
            memberships,
            "no membership is deleted",
        )
        self.assertEqual(set(active.mapped("state")), {"left"})
        self.assertEqual(set(active.mapped("date_left")), {self.today})
        self.assertEqual(self.m_carla.date_left, carla_left_on)
        self.assertEqual(set(network.core_member_ids.mapped("state")), {"ended"})

        for membership in active:
            partner = membership.partner_id
            mail = self._mails_to(partner)
            with self.subTest(member=partner.name):
                self.assertEqual(len(mail), 1)
                self.assertEqual(mail.subject, "Themanetwerk Zorg has been closed")
                self.assertEqual(mail.recipient_ids, partner)
                self.assertFalse(mail.model, "attached to no document")
                self.assertIn(REASON, mail.body_html)
        self.assertFalse(self._mails_to(self.carla), "she had left already")
        self.assertFalse(
            network.message_partner_ids & active.partner_id, "members are no followers"
        )
        decision = network.message_ids.filtered(lambda m: REASON in (m.body or ""))
        self.assertEqual(decision.author_id, self.board_user.partner_id)
        self.assertIn("3 members were informed", decision.body)
        for name in active.partner_id.mapped("name"):
            self.assertNotIn(name, decision.body)
        self._flush_tracking()
        self.assertIn(
            "state", network.message_ids.tracking_value_ids.field_id.mapped("name")
        )

    def test_closing_mail_in_the_members_language(self):
        self._load_dutch()
        self.anna.lang = "nl_NL"
        self.bram.lang = "en_US"
        self._close(self.network_a)
        self.assertEqual(
            self._mails_to(self.anna).subject, "Themanetwerk Zorg is opgeheven"
        )
        self.assertEqual(
            self._mails_to(self.bram).subject, "Themanetwerk Zorg has been closed"
        )

    def test_core_group_loses_access_at_once(self):
        Membership = self.env["party.network.membership"].with_user(self.core_user)
        self.assertTrue(Membership.search([("network_id", "=", self.network_a.id)]))
        self._close(self.network_a)
        self.assertFalse(Membership.search([("network_id", "=", self.network_a.id)]))

    def test_close_needs_a_reason_and_an_active_network(self):
        network = self.network_a.with_user(self.board_user)
        with self.assertRaises(UserError):
            network.action_close()
        network.close_reason = "   "
        with self.assertRaises(UserError):
            network.action_close()
        self.assertEqual(network.state, "active")
        self.application.close_reason = REASON
        with self.assertRaises(UserError):
            self.application.with_user(self.board_user).action_close()
        self.assertEqual(self.application.state, "application")
