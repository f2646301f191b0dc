# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class PartyNetworkSettings(models.TransientModel):
    """The party office's own form for the party-network settings.

    Odoo's Settings (``res.config.settings``) are for administrators only; this
    form writes the same ``ir.config_parameter`` keys, and nothing else, for the
    party office.
    """

    _name = "party.network.settings"
    _inherit = ["party.network.settings.mixin"]
    _description = "Party-network settings of the party office"

    @api.model
    def default_get(self, fields_list):
        self._check_office()
        values = super().default_get(fields_list)
        # sudo: the office may not read ir.config_parameter; only our own keys
        # (the fields of the mixin) are read.
        params_sudo = self.env["ir.config_parameter"].sudo()
        for name, field in self._pn_config_fields().items():
            if name not in fields_list:
                continue
            value = params_sudo.get_param(field.config_parameter)
            if value is None or value is False:
                continue
            if field.type == "boolean":
                values[name] = value.strip().lower() not in ("", "0", "false")
            elif field.type == "integer":
                try:
                    values[name] = int(value)
                except ValueError:
                    continue
            else:
                values[name] = value
        return values

    def _check_office(self):
        self.env["party.network"]._check_role(
            "office",
            self.env._("Only the party office manages the party-network settings."),
        )

    def action_save(self):
        """Store the settings, converted as Odoo's Settings store them."""
        self.ensure_one()
        self._check_office()
        # sudo: as above, only the keys of the mixin are written.
        params_sudo = self.env["ir.config_parameter"].sudo()
        for name, field in self._pn_config_fields().items():
            value = self[name]
            if field.type == "char":
                value = (value or "").strip() or False
            elif field.type == "integer":
                value = repr(value) if value else False
            if params_sudo.get_param(field.config_parameter) != (
                str(value) if value is not False else False
            ):
                params_sudo.set_param(field.config_parameter, value)
        return self.env["ir.actions.act_window"]._for_xml_id(
            "partijnetwerken.party_network_settings_action"
        )
