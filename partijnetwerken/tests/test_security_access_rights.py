# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PartyNetworkCase

# role -> model -> the operations that role may perform ("r", "w", "c", "u")
EXPECTED = {
    "portal": {
        "party.network": "r",
        "party.network.plan": "r",
        "party.network.core.member": "r",
        "party.network.membership": "r",
    },
    "internal": {
        "party.network": "r",
        "party.network.plan": "r",
        "party.network.core.member": "r",
        "party.network.membership": "r",
    },
    "office": {
        "party.network": "rwc",
        "party.network.plan": "rwc",
        "party.network.core.member": "rwcu",
        "party.network.membership": "rwc",
    },
    "board": {
        "party.network": "rw",
        "party.network.plan": "rw",
        "party.network.core.member": "rwc",
        "party.network.membership": "r",
    },
    "manager": {
        "party.network": "rwcu",
        "party.network.plan": "rwcu",
        "party.network.core.member": "rwcu",
        "party.network.membership": "rwc",
    },
}
OPERATIONS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}


@tagged("post_install", "-at_install")
class TestAccessRights(PartyNetworkCase):
    def _users(self):
        return {
            "portal": self.member_user,
            "internal": self.internal_user,
            "office": self.office_user,
            "board": self.board_user,
            "manager": self.manager_user,
        }

    def test_access_matrix(self):
        """Every access line grants exactly what its role needs, and no more."""
        Access = self.env["ir.model.access"]
        for role, user in self._users().items():
            for model, allowed in EXPECTED[role].items():
                for letter, operation in OPERATIONS.items():
                    with self.subTest(role=role, model=model, operation=operation):
                        granted = Access.with_user(user).check(
                            model, operation, raise_exception=False
                        )
                        self.assertEqual(granted, letter in allowed)

    def test_public_has_no_access(self):
        public = self.env.ref("base.public_user")
        # the website bridge (DESIGN §10.7) lets everyone read published active
        # networks and their published advice, through a rule of its own
        website = self.env["ir.module.module"].search_count(
            [("name", "=", "partijnetwerken_website"), ("state", "=", "installed")]
        )
        published = {"party.network", "party.network.advice"} if website else set()
        for model in set(EXPECTED["portal"]) - published:
            with self.subTest(model=model):
                self.assertFalse(
                    self.env[model].with_user(public).has_access("read"),
                )

    def test_office_creates_network_portal_cannot(self):
        vals = {"name": "Themanetwerk Wonen", "network_type": "theme"}
        network = self.env["party.network"].with_user(self.office_user).create(vals)
        self.assertEqual(network.state, "application")
        for user in (self.member_user, self.internal_user, self.board_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["party.network"].with_user(user).create(vals)

    def test_office_registers_membership_others_cannot(self):
        vals = {
            "network_id": self.network_b.id,
            "partner_id": self.anna.id,
            "goal_endorsed": True,
        }
        for user in (self.member_user, self.internal_user, self.board_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["party.network.membership"].with_user(user).create(vals)
        membership = (
            self.env["party.network.membership"]
            .with_user(self.office_user)
            .create(vals)
        )
        self.assertEqual(membership.state, "active")

    def test_only_board_and_office_write_networks(self):
        self.network_a.with_user(self.board_user).write({"target_member_count": 60})
        self.network_a.with_user(self.office_user).write({"target_member_count": 70})
        self.assertEqual(self.network_a.target_member_count, 70)
        for user in (self.core_user, self.core_internal_user, self.internal_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.network_a.with_user(user).write({"target_member_count": 1})

    def test_core_member_cannot_appoint_themself_elsewhere(self):
        with self.assertRaises(AccessError):
            self.env["party.network.core.member"].with_user(self.core_user).create(
                {
                    "network_id": self.network_b.id,
                    "partner_id": self.core_user.partner_id.id,
                    "state": "appointed",
                    "date_start": self.today,
                    "requirements_met": True,
                }
            )
        with self.assertRaises(AccessError):
            self.core_a.with_user(self.core_internal_user).write(
                {"requirements_met": False}
            )

    def test_only_office_sets_party_membership(self):
        with self.assertRaises(AccessError):
            self.anna.with_user(self.internal_user).write({"is_party_member": False})
        self.anna.with_user(self.office_user).write({"is_party_member": False})
        self.assertFalse(self.anna.is_party_member)
