# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import PartyNetworkLifecycleCase

VALUES = {"name": "Themanetwerk Cultuur", "network_type": "theme", "goal": "Kunst."}


@tagged("post_install", "-at_install")
class TestIntakePause(PartyNetworkLifecycleCase):
    """While the intake is paused no new applications are accepted."""

    def _pause(
        self, message="We nemen even geen nieuwe netwerken aan.", date="1 maart"
    ):
        params = self.env["ir.config_parameter"]
        # a Settings checkbox that is switched off deletes the parameter
        params.search([("key", "=", "partijnetwerken.intake_open")]).unlink()
        params.set_param("partijnetwerken.intake_closed_message", message)
        params.set_param("partijnetwerken.intake_reopen_date", date)

    def _count(self):
        return self.env["party.network"].search_count([("name", "=", VALUES["name"])])

    def test_application_while_open(self):
        network = (
            self.env["party.network"]
            .with_user(self.member_user)
            ._create_application(VALUES, self.member_user.partner_id)
        )
        self.assertEqual(network.state, "application")
        self.assertEqual(
            network.sudo().initiator_partner_ids, self.member_user.partner_id
        )
        self.assertTrue(
            network.has_access("read"), "the initiator sees the application"
        )
        self.assertEqual(network.env.user, self.member_user)
        self.assertNotIn(
            self.member_user.partner_id,
            network.sudo().message_partner_ids,
            "the initiator is not made a follower",
        )

    def test_paused_intake_refuses_applications_with_message(self):
        self._pause()
        status = self.env["party.network"]._get_intake_status()
        self.assertFalse(status["open"])
        with self.assertRaises(UserError) as refusal:
            self.env["party.network"].with_user(self.member_user)._create_application(
                VALUES, self.member_user.partner_id
            )
        self.assertIn(
            "We nemen even geen nieuwe netwerken aan.", str(refusal.exception)
        )
        self.assertIn("1 maart", str(refusal.exception))
        # the back-office cannot register one either
        with self.assertRaises(UserError):
            self.env["party.network"].with_user(self.office_user).create(VALUES)
        self.assertEqual(self._count(), 0)

    def test_only_true_means_open(self):
        for value in ("False", "0", "yes", "true "):
            self.env["ir.config_parameter"].set_param(
                "partijnetwerken.intake_open", value
            )
            with self.subTest(value=value), self.assertRaises(UserError):
                self.env["party.network"]._create_application(
                    VALUES, self.member_user.partner_id
                )
        self.assertEqual(self._count(), 0)

    def test_applications_made_before_the_pause_continue(self):
        self._pause()
        network = self.application.with_user(self.office_user)
        network.action_start_intake()
        network.intake_date = self.today
        network.action_invite_plan()
        self.assertEqual(network.state, "plan")

    def test_board_initiative_is_no_application(self):
        self._pause()
        network = (
            self.env["party.network"]
            .with_user(self.office_user)
            .create({**VALUES, "origin": "board"})
        )
        self.assertEqual(network.origin, "board")

    def test_application_input_is_checked(self):
        Network = self.env["party.network"].with_user(self.member_user)
        partner = self.member_user.partner_id
        with self.assertRaises(ValidationError):
            Network._create_application({**VALUES, "name": "  "}, partner)
        with self.assertRaises(ValidationError):
            Network._create_application({**VALUES, "network_type": "club"}, partner)
        with self.assertRaises(ValidationError):
            Network._create_application(VALUES, self.outsider_user.partner_id)
        # only name, type and goal are taken from the input
        network = Network._create_application(
            {**VALUES, "state": "active", "origin": "board"}, partner
        )
        self.assertEqual((network.state, network.origin), ("application", "members"))
