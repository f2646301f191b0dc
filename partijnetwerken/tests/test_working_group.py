# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PRIVATE_DATA, SECRET_NAME, PartyNetworkCase

GROUP = "party.network.working.group"


@tagged("post_install", "-at_install")
class TestWorkingGroup(PartyNetworkCase):
    """Working groups (DESIGN §10.2): members, the constraint, leaving, creation
    by the core group, record rules and the consent gate on who takes part."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group_a = cls.env[GROUP].create(
            {
                "network_id": cls.network_a.id,
                "name": "GGZ",
                "membership_ids": [Command.set((cls.m_anna | cls.m_bram).ids)],
            }
        )
        cls.group_b = cls.env[GROUP].create(
            {
                "network_id": cls.network_b.id,
                "name": "Wonen",
                "membership_ids": [Command.set((cls.m_daan | cls.m_esther).ids)],
            }
        )

    # -- the constraint ---------------------------------------------------

    def test_only_active_members_of_the_same_network(self):
        with self.assertRaises(ValidationError):
            self.group_a.membership_ids = [Command.link(self.m_daan.id)]
        with self.assertRaises(ValidationError):
            self.group_a.membership_ids = [Command.link(self.m_carla.id)]
        with self.assertRaises(ValidationError):
            self.env[GROUP].create(
                {
                    "network_id": self.network_a.id,
                    "name": "Mix",
                    "membership_ids": [Command.set(self.m_esther.ids)],
                }
            )
        self.group_a.membership_ids = [Command.link(self.m_member.id)]
        self.assertEqual(self.group_a.member_count, 3)

    def test_member_count_for_many_groups_at_once(self):
        second = self.env[GROUP].create(
            {
                "network_id": self.network_a.id,
                "name": "Mantelzorg",
                "membership_ids": [Command.set(self.m_anna.ids)],
            }
        )
        empty = self.env[GROUP].create({"network_id": self.network_a.id, "name": "X"})
        groups = self.group_a | self.group_b | second | empty
        self.env.flush_all()
        groups.invalidate_recordset(["member_count"])
        with self.assertQueryCount(1):
            counts = groups.mapped("member_count")
        self.assertEqual(counts, [2, 2, 1, 0])

    # -- leaving the network ----------------------------------------------

    def test_leaving_the_network_leaves_its_working_groups(self):
        archived = self.env[GROUP].create(
            {
                "network_id": self.network_a.id,
                "name": "Oud",
                "membership_ids": [Command.set(self.m_anna.ids)],
                "active": False,
            }
        )
        self.m_anna.action_leave()
        self.assertEqual(self.group_a.membership_ids, self.m_bram)
        self.assertFalse(archived.membership_ids)
        self.assertEqual(self.group_a.member_count, 1)

    def test_member_leaving_in_the_portal_leaves_the_groups(self):
        self.group_a.membership_ids = [Command.link(self.m_member.id)]
        self.m_member.with_user(self.member_user).action_leave()
        self.assertNotIn(self.m_member, self.group_a.membership_ids)

    # -- joining and leaving a group ----------------------------------------

    def test_member_joins_once_and_leaves(self):
        group = self.group_a.with_user(self.member_user)
        self.assertFalse(group.user_is_in_group)
        group.action_join()
        group.action_join()
        self.assertEqual(
            self.group_a.membership_ids.filtered(lambda m: m == self.m_member),
            self.m_member,
        )
        self.env.cr.execute(
            "SELECT count(*) FROM party_network_working_group_membership_rel "
            "WHERE working_group_id = %s AND membership_id = %s",
            (self.group_a.id, self.m_member.id),
        )
        self.assertEqual(self.env.cr.fetchone()[0], 1)
        group.invalidate_recordset()
        self.assertTrue(group.user_is_in_group)
        self.assertIn(group, group.search([("user_is_in_group", "=", True)]))
        group.action_leave()
        self.assertNotIn(self.m_member, self.group_a.membership_ids)

    def test_non_members_cannot_join(self):
        # core member of B: no access to A's groups at all
        with self.assertRaises(AccessError):
            self.group_a.with_user(self.core_b_user).action_join()
        # a core member of A who is no member of A may read the group, not join it
        with self.assertRaises(UserError):
            self.group_a.with_user(self.core_user).action_join()
        self.assertEqual(self.group_a.member_count, 2)

    # -- creation by the core group -------------------------------------------

    def test_core_group_creates_a_working_group(self):
        Group = self.env[GROUP].with_user(self.core_user)
        group = Group._portal_create(self.network_a, "  Personeel  ", "Werkdruk.\n")
        self.assertEqual(group.name, "Personeel")
        self.assertEqual(group.network_id, self.network_a)
        self.assertFalse(group.sudo().message_partner_ids)
        # the same form sent twice makes one group
        self.assertEqual(
            Group._portal_create(self.network_a, "personeel", "Werkdruk."), group
        )
        # another core member cannot make a second group of the same name
        with self.assertRaises(ValidationError):
            self.env[GROUP].with_user(self.core_internal_user)._portal_create(
                self.network_a, "Personeel", "Nog een keer."
            )

    def test_only_the_core_group_or_the_office_creates(self):
        for user in (self.member_user, self.core_b_user, self.board_user):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.env[GROUP].with_user(user)._portal_create(
                    self.network_a, "Stiekem", "Zonder recht."
                )
        group = (
            self.env[GROUP]
            .with_user(self.office_user)
            ._portal_create(self.network_a, "Door het bureau", "Op verzoek.")
        )
        self.assertTrue(group)
        self.assertFalse(self.env[GROUP].search([("name", "=", "Stiekem")]))

    def test_bad_input_creates_nothing(self):
        Group = self.env[GROUP].with_user(self.core_user)
        for name, description in (
            ("", "Geen naam"),
            ("   ", "Lege naam"),
            ("Geen beschrijving", ""),
            ("Geen beschrijving", "   "),
            ("x" * 5000, "Te lang"),
            ("Goed", "y" * 5000),
            ("<script>alert(1)</script>", "Script"),
            ("Goed", "<b>vet</b>"),
            (None, None),
            (12, "wrong type"),
        ):
            with self.subTest(name=str(name)[:20]), self.assertRaises(ValidationError):
                Group._portal_create(self.network_a, name, description)
        self.assertEqual(
            self.env[GROUP].search_count([("network_id", "=", self.network_a.id)]), 1
        )

    # -- record rules ---------------------------------------------------------

    def test_rule_members_and_core_group_read_their_groups(self):
        for user in (self.member_user, self.core_user, self.core_internal_user):
            with self.subTest(user=user.login):
                self.assertEqual(
                    self.env[GROUP].with_user(user).search([]), self.group_a
                )
        self.assertEqual(
            self.env[GROUP].with_user(self.core_b_user).search([]), self.group_b
        )

    def test_rule_outsiders_and_other_networks_read_nothing(self):
        for user in (self.outsider_user, self.internal_user):
            with self.subTest(user=user.login):
                self.assertFalse(self.env[GROUP].with_user(user).search([]))
        with self.assertRaises(AccessError):
            self.group_a.with_user(self.core_b_user).read(["name"])
        with self.assertRaises(AccessError):
            self.group_b.with_user(self.member_user).read(["name"])

    def test_rule_office_and_board_read_all(self):
        for user in (self.office_user, self.board_user):
            with self.subTest(user=user.login):
                self.assertEqual(
                    self.env[GROUP]
                    .with_user(user)
                    .search(
                        [("network_id", "in", (self.network_a | self.network_b).ids)]
                    ),
                    self.group_a | self.group_b,
                )

    def test_access_rights(self):
        values = {"network_id": self.network_a.id, "name": "RPC"}
        for user in (self.core_user, self.core_internal_user, self.board_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env[GROUP].with_user(user).create(values)
                with self.assertRaises(AccessError):
                    self.group_a.with_user(user).write({"name": "Anders"})
                with self.assertRaises(AccessError):
                    self.group_a.with_user(user).write(
                        {"membership_ids": [Command.link(self.m_member.id)]}
                    )
        group = self.env[GROUP].with_user(self.office_user).create(values)
        group.write({"active": False})
        with self.assertRaises(AccessError):
            group.with_user(self.office_user).unlink()

    # -- the consent gate -----------------------------------------------------

    def test_core_group_sees_only_consenting_members(self):
        group = self.group_a.with_user(self.core_user)
        self.assertEqual(group._portal_members(), self.m_anna)
        # reading the relation as the core member applies the membership rules
        self.assertEqual(group.membership_ids, self.m_anna)
        self.assertEqual(group.member_count, 2)
        names = group.membership_ids.mapped("shared_name")
        self.assertEqual(names, ["Anna Aandeel"])
        self.assertNotIn(SECRET_NAME, repr(group.membership_ids.mapped("display_name")))

    def test_core_group_without_data_access_sees_nobody(self):
        self.core_a.requirements_met = False
        group = self.group_a.with_user(self.core_user)
        self.assertFalse(group._portal_members())
        self.assertFalse(group.membership_ids)
        self.assertEqual(group.member_count, 2)

    def test_plain_member_sees_only_the_count(self):
        group = self.group_a.with_user(self.member_user)
        self.assertFalse(group._portal_members())
        self.assertFalse(group.membership_ids)
        self.assertEqual(group.member_count, 2)
        rows = group.read(["membership_ids", "display_name", "member_count"])
        for secret in PRIVATE_DATA:
            self.assertNotIn(secret, repr(rows))

    def test_chatter_is_the_party_office_s(self):
        self.group_a.with_user(self.office_user).message_post(
            body="Notitie over Bram", message_type="comment"
        )
        Message = self.env["mail.message"]
        domain = [("model", "=", GROUP), ("res_id", "=", self.group_a.id)]
        for user in (self.core_internal_user, self.core_user, self.member_user):
            with self.subTest(user=user.login):
                self.assertFalse(Message.with_user(user).search(domain))
                with self.assertRaises(AccessError):
                    self.group_a.message_ids[:1].with_user(user).read(["body"])
        self.assertTrue(Message.with_user(self.office_user).search(domain))
        with self.assertRaises(AccessError):
            self.group_a.with_user(self.core_internal_user).message_subscribe(
                self.core_internal_user.partner_id.ids
            )
