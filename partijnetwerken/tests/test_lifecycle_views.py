# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo.tests import Form, tagged

from .common import PartyNetworkLifecycleCase


@tagged("post_install", "-at_install")
class TestLifecycleViews(PartyNetworkLifecycleCase):
    """Each role sees the buttons of its own steps, and the forms work."""

    def _buttons(self, model, user):
        arch = self.env[model].with_user(user).get_views([(False, "form")])["views"]
        buttons = etree.fromstring(arch["form"]["arch"]).xpath("//header/button")
        return {button.get("name") for button in buttons}

    def test_network_buttons_per_role(self):
        office = self._buttons("party.network", self.office_user)
        board = self._buttons("party.network", self.board_user)
        self.assertTrue({"action_start_intake", "action_invite_plan"} <= office)
        self.assertNotIn("action_open_close_wizard", office)
        self.assertIn("action_open_close_wizard", board)
        self.assertFalse({"action_start_intake", "action_invite_plan"} & board)

    def test_plan_buttons_per_role(self):
        office = self._buttons("party.network.plan", self.office_user)
        board = self._buttons("party.network.plan", self.board_user)
        self.assertIn("action_submit", office)
        self.assertFalse({"action_approve", "action_open_decision_wizard"} & office)
        self.assertTrue({"action_approve", "action_open_decision_wizard"} <= board)
        self.assertNotIn("action_submit", board)

    def test_office_works_through_an_application_in_the_form(self):
        with Form(self.application.with_user(self.office_user)) as form:
            form.intake_date = self.today
            form.intake_breadth = "Leden uit het hele land."
            form.tag_ids.add(self.env["party.network.tag"].create({"name": "Klimaat"}))
        self.assertEqual(self.application.tag_ids.name, "Klimaat")
        with Form(self.env["party.network"].with_user(self.office_user)) as form:
            form.name = "Themanetwerk Landbouw"
            form.origin = "board"
        self.assertEqual(form.record.state, "application")

    def test_settings_hold_the_term_reminder(self):
        settings = self.env["res.config.settings"].create(
            {"partijnetwerken_term_reminder_weeks": 6}
        )
        settings.execute()
        self.assertEqual(
            self.env["ir.config_parameter"].get_param(
                "partijnetwerken.term_reminder_weeks"
            ),
            "6",
        )
