# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from .const import GROUP_BOARD, GROUP_OFFICE


class ResUsers(models.Model):
    _inherit = "res.users"

    def _is_party_office(self):
        """Whether the user works at the party office (networks coordinator)."""
        self.ensure_one()
        return self.has_group(GROUP_OFFICE)

    def _is_national_board(self):
        """Whether the user sits on the national board."""
        self.ensure_one()
        return self.has_group(GROUP_BOARD)
