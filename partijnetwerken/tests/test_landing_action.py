# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestLandingAction(TransactionCase):
    """Office and board users open the app, not Discuss; a home action of their
    own is kept."""

    def test_office_and_board_users_land_in_the_app(self):
        office = new_test_user(
            self.env, "pn_land_office", groups="partijnetwerken.group_office"
        )
        board = new_test_user(
            self.env, "pn_land_board", groups="partijnetwerken.group_board"
        )
        self.assertEqual(
            office.action_id.id, self.env.ref("partijnetwerken.party_network_action").id
        )
        self.assertEqual(
            board.action_id.id,
            self.env.ref("partijnetwerken.party_network_plan_action_to_decide").id,
        )

    def test_added_to_the_group_later(self):
        user = new_test_user(self.env, "pn_land_later", groups="base.group_user")
        self.assertFalse(user.action_id)
        user.write(
            {
                "groups_id": [
                    Command.link(self.env.ref("partijnetwerken.group_board").id)
                ]
            }
        )
        self.assertEqual(
            user.action_id.id,
            self.env.ref("partijnetwerken.party_network_plan_action_to_decide").id,
        )

    def test_own_home_action_is_kept(self):
        own = self.env.ref("base.action_res_users")
        user = new_test_user(self.env, "pn_land_own", groups="base.group_user")
        user.action_id = own.id
        user.write(
            {
                "groups_id": [
                    Command.link(self.env.ref("partijnetwerken.group_office").id)
                ]
            }
        )
        self.assertEqual(user.action_id.id, own.id)

    def test_other_users_keep_the_default(self):
        user = new_test_user(self.env, "pn_land_other", groups="base.group_user")
        portal = new_test_user(self.env, "pn_land_portal", groups="base.group_portal")
        self.assertFalse(user.action_id)
        self.assertFalse(portal.action_id)
