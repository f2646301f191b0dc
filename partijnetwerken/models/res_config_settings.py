# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ResConfigSettings(models.TransientModel):
    # the fields (one ir.config_parameter each) are in the settings mixin, shared
    # with the party office's own settings form
    _name = "res.config.settings"
    _inherit = ["res.config.settings", "party.network.settings.mixin"]

    @api.model
    def default_get(self, fields_list):
        # The values of the settings are read in default_get, which checks no
        # access right: without this any user could read every setting over RPC.
        self.check_access("read")
        return super().default_get(fields_list)
