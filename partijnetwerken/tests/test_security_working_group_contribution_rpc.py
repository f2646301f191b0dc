# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import HttpCase, tagged

from . import test_security_rpc_privacy as rpc_privacy
from .common import PRIVATE_DATA, PartyNetworkCommon

GROUP = "party.network.working.group"
MEMBERSHIP = "party.network.membership"
CONTRIBUTION = "party.network.contribution"


@tagged("post_install", "-at_install")
class TestWorkingGroupContributionRpc(PartyNetworkCommon, HttpCase):
    """The core-group leak tests of the foundation, repeated over JSON-RPC for who
    takes part in a working group and who gave a contribution."""

    # the RPC helpers of the foundation's leak tests
    _rpc = rpc_privacy.TestRpcPrivacy._rpc
    _call = rpc_privacy.TestRpcPrivacy._call
    assertRefused = rpc_privacy.TestRpcPrivacy.assertRefused

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.core_internal_user.groups_id |= cls.env.ref("base.group_allow_export")
        memberships = cls.m_anna | cls.m_bram | cls.m_member
        cls.group_a = cls.env[GROUP].create(
            {
                "network_id": cls.network_a.id,
                "name": "GGZ",
                "membership_ids": [Command.set(memberships.ids)],
            }
        )
        cls.network_a.contribution_enabled = True
        cls.c_bram = cls.env[CONTRIBUTION].create(
            {"network_id": cls.network_a.id, "partner_id": cls.bram.id, "amount": 40}
        )
        cls.c_esther = cls.env[CONTRIBUTION].create(
            {"network_id": cls.network_b.id, "partner_id": cls.esther.id, "amount": 9}
        )

    def assertNoPrivateData(self, value):
        for secret in PRIVATE_DATA:
            self.assertNotIn(secret, repr(value))

    def _attack_working_group(self, user):
        self.authenticate(user.login, user.login)
        rows = self._call(GROUP, "search_read", [], ["membership_ids", "member_count"])
        self.assertEqual([row["member_count"] for row in rows], [3])
        # the relation is read as the user: consenting members only
        self.assertEqual(
            set(rows[0]["membership_ids"]), {self.m_anna.id, self.m_member.id}
        )
        web = self._call(
            GROUP,
            "web_search_read",
            [],
            {
                "membership_ids": {
                    "fields": {
                        "display_name": {},
                        "shared_name": {},
                        "shared_email": {},
                    }
                }
            },
        )
        self.assertNoPrivateData(web)
        members = self._call(
            MEMBERSHIP,
            "search_read",
            [("working_group_ids", "in", self.group_a.ids)],
            ["shared_name", "display_name"],
        )
        self.assertEqual(
            {row["id"] for row in members}, {self.m_anna.id, self.m_member.id}
        )
        self.assertNoPrivateData(members)
        self.assertRefused(
            MEMBERSHIP,
            "read_group",
            [("working_group_ids", "in", self.group_a.ids)],
            ["partner_id"],
            ["partner_id"],
        )
        grouped = self._call(
            MEMBERSHIP,
            "read_group",
            [("working_group_ids", "in", self.group_a.ids)],
            ["working_group_ids"],
            ["working_group_ids"],
        )
        self.assertEqual(grouped[0]["working_group_ids_count"], 2)
        self.assertRefused(
            MEMBERSHIP,
            "search",
            [("working_group_ids", "in", self.group_a.ids), ("partner_id", "!=", 0)],
        )
        self.assertFalse(
            self._call(MEMBERSHIP, "name_search", "Geheim"),
        )
        self.assertNoPrivateData(self._call(MEMBERSHIP, "name_search", ""))

    def test_portal_core_member_and_working_groups(self):
        self._attack_working_group(self.core_user)

    def test_internal_core_member_and_working_groups(self):
        self._attack_working_group(self.core_internal_user)
        self.assertRefused(
            GROUP,
            "export_data",
            [self.group_a.id],
            ["membership_ids/partner_id/name"],
        )
        exported = self._call(
            GROUP,
            "export_data",
            [self.group_a.id],
            ["name", "membership_ids/display_name", "membership_ids/shared_name"],
        )
        self.assertNoPrivateData(exported)
        self.assertRefused(
            GROUP, "write", [self.group_a.id], {"membership_ids": [(4, self.m_bram.id)]}
        )

    def _attack_contributions(self, user):
        self.authenticate(user.login, user.login)
        self.assertFalse(self._call(CONTRIBUTION, "search_read", [], []))
        self.assertFalse(self._call(CONTRIBUTION, "search_count", []))
        self.assertFalse(self._call(CONTRIBUTION, "name_search", ""))
        self.assertRefused(CONTRIBUTION, "read", [self.c_bram.id], ["display_name"])
        self.assertRefused(CONTRIBUTION, "read", [self.c_bram.id], ["amount"])
        self.assertRefused(
            CONTRIBUTION, "read_group", [], ["amount:sum"], ["partner_id"]
        )
        self.assertRefused(
            CONTRIBUTION, "search", [("partner_id.name", "ilike", "Geheim")]
        )
        self.assertRefused(
            CONTRIBUTION, "web_read", [self.c_bram.id], {"partner_id": {}}
        )
        grouped = self._call(CONTRIBUTION, "read_group", [], ["amount:sum"], [])
        self.assertFalse(grouped[0]["amount"])
        self.assertRefused(
            "party.network", "read", [self.network_a.id], ["contribution_ids"]
        )
        total = self._call(
            "party.network", "read", [self.network_a.id], ["contribution_total"]
        )
        self.assertEqual(total[0]["contribution_total"], 0.0)

    def test_portal_core_member_and_contributions(self):
        self._attack_contributions(self.core_user)
        self.assertFalse(self._call("res.partner", "name_search", "Geheim"))

    def test_internal_core_member_and_contributions(self):
        self._attack_contributions(self.core_internal_user)
        self.assertRefused(
            CONTRIBUTION, "export_data", [self.c_bram.id], ["partner_id/name"]
        )
        self.assertRefused(
            "party.network",
            "export_data",
            [self.network_a.id],
            ["contribution_ids/partner_id/name"],
        )
        self.assertRefused(
            CONTRIBUTION,
            "create",
            {"network_id": self.network_a.id, "partner_id": self.bram.id, "amount": 1},
        )
        self.assertRefused(CONTRIBUTION, "action_mark_paid", [self.c_bram.id])

    def test_plain_member_reads_own_contribution_only(self):
        self.c_bram.action_mark_paid()
        own = self.env[CONTRIBUTION].create(
            {
                "network_id": self.network_a.id,
                "partner_id": self.member_user.partner_id.id,
                "amount": 5,
            }
        )
        self.authenticate(self.member_user.login, self.member_user.login)
        rows = self._call(
            CONTRIBUTION, "search_read", [], ["reference", "display_name"]
        )
        self.assertEqual([row["id"] for row in rows], [own.id])
        self.assertNotIn(self.member_user.partner_id.name, repr(rows))
        self.assertRefused(CONTRIBUTION, "read", [own.id], ["partner_id"])
        self.assertRefused(CONTRIBUTION, "write", [own.id], {"amount": 1})
        self.assertRefused(CONTRIBUTION, "action_mark_paid", [own.id])
        total = self._call(
            "party.network", "read", [self.network_a.id], ["contribution_total"]
        )
        self.assertEqual(total[0]["contribution_total"], 40.0)
