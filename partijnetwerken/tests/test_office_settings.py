# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import PartyNetworkCase


@tagged("post_install", "-at_install")
class TestOfficeSettings(PartyNetworkCase):
    """The party office manages the party-network settings without being
    Odoo administrator, on the same ir.config_parameter keys."""

    def _param(self, key):
        return (
            self.env["ir.config_parameter"].sudo().get_param(f"partijnetwerken.{key}")
        )

    def test_office_form_and_settings_share_one_list_of_keys(self):
        office = self.env["party.network.settings"]._pn_config_fields()
        settings = self.env["res.config.settings"]._pn_config_fields()
        self.assertEqual(set(office), set(settings))
        self.assertIn("partijnetwerken_contribution_instructions", office)
        self.assertIn("partijnetwerken_evaluation_months", office)
        for name, field in office.items():
            self.assertEqual(
                field.config_parameter, settings[name].config_parameter, name
            )

    def test_office_pauses_the_intake(self):
        settings = self.env["party.network.settings"].with_user(self.office_user)
        with Form(settings) as form:
            self.assertTrue(form.partijnetwerken_intake_open)
            self.assertEqual(form.partijnetwerken_min_core_members, 4)
            form.partijnetwerken_intake_open = False
            form.partijnetwerken_intake_closed_message = (
                "  Even geen nieuwe netwerken. "
            )
            form.partijnetwerken_evaluation_months = 18
        action = form.record.action_save()
        self.assertEqual(action["res_model"], "party.network.settings")
        self.assertFalse(self._param("intake_open"))
        self.assertEqual(
            self._param("intake_closed_message"), "Even geen nieuwe netwerken."
        )
        self.assertEqual(self._param("evaluation_months"), "18")
        self.assertFalse(self.env["party.network"]._get_intake_status()["open"])
        # Odoo's Settings read the same keys
        values = self.env["res.config.settings"].default_get(
            ["partijnetwerken_intake_open", "partijnetwerken_evaluation_months"]
        )
        self.assertFalse(values["partijnetwerken_intake_open"])
        self.assertEqual(values["partijnetwerken_evaluation_months"], 18)
        # and the office's form shows what is stored
        again = settings.default_get(["partijnetwerken_evaluation_months"])
        self.assertEqual(again["partijnetwerken_evaluation_months"], 18)

    def test_an_emptied_number_falls_back_to_its_default(self):
        settings = (
            self.env["party.network.settings"]
            .with_user(self.office_user)
            .create({"partijnetwerken_min_core_members": 0})
        )
        settings.action_save()
        self.assertFalse(self._param("min_core_members"))
        self.assertEqual(
            self.env["party.network"]._get_setting_int("min_core_members", 4), 4
        )

    def test_others_cannot_read_or_write_the_settings(self):
        for user in (self.board_user, self.internal_user, self.core_internal_user):
            Settings = self.env["party.network.settings"].with_user(user)
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    Settings.default_get(["partijnetwerken_coordinator_email"])
                with self.assertRaises(AccessError):
                    Settings.create({"partijnetwerken_intake_open": False})
        self.assertTrue(self._param("intake_open"))

    def test_office_menu_opens_the_office_form(self):
        menu = self.env.ref("partijnetwerken.res_config_settings_menu")
        self.assertEqual(menu.action.res_model, "party.network.settings")
        visible = self.env["ir.ui.menu"].with_user(self.office_user)._visible_menu_ids()
        self.assertIn(menu.id, visible)
