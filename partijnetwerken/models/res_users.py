# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from .const import GROUP_BOARD, GROUP_OFFICE

# How a write to res.users changes groups: the field, or the settings form's
# reified group fields (base's res.users turns them into groups_id).
GROUP_FIELD_PREFIXES = ("groups_id", "sel_groups_", "in_group_")


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._pn_set_landing_action()
        return users

    def write(self, vals):
        res = super().write(vals)
        if any(key.startswith(GROUP_FIELD_PREFIXES) for key in vals):
            self._pn_set_landing_action()
        return res

    def _is_party_office(self):
        """Whether the user works at the party office (networks coordinator)."""
        self.ensure_one()
        return self.has_group(GROUP_OFFICE)

    def _is_national_board(self):
        """Whether the user sits on the national board."""
        self.ensure_one()
        return self.has_group(GROUP_BOARD)

    def _pn_set_landing_action(self):
        """Office and board users without a home action of their own land in the
        app (the office on the networks, the board on what it has to decide)
        instead of Discuss. A home action set on the user form is kept."""
        for user in self.filtered(lambda u: not u.action_id and not u.share):
            if user._is_party_office():
                xmlid = "partijnetwerken.party_network_action"
            elif user._is_national_board():
                xmlid = "partijnetwerken.party_network_plan_action_to_decide"
            else:
                continue
            action = self.env.ref(xmlid, raise_if_not_found=False)
            if action:
                # sudo: whoever may give a user the group may set where they land
                user.sudo().action_id = action.id
