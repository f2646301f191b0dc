# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SECRET_EMAIL, SECRET_NAME, PartyNetworkCommon

MEMBERSHIP = "party.network.membership"


@tagged("post_install", "-at_install")
class TestRpcPrivacy(PartyNetworkCommon, HttpCase):
    """The same attacks as in test_security_core_group_privacy, sent as a user would:
    logged in through the web, over JSON-RPC."""

    def _rpc(self, model, method, *args, **kwargs):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs,
            },
        }
        with mute_logger("odoo.http", "odoo.sql_db"):
            response = self.url_open(
                "/web/dataset/call_kw",
                data=json.dumps(payload),
                headers={"Content-Type": "application/json"},
            )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def _call(self, model, method, *args, **kwargs):
        body = self._rpc(model, method, *args, **kwargs)
        self.assertNotIn("error", body)
        return body["result"]

    def assertRefused(self, model, method, *args, error="AccessError", **kwargs):
        """The call fails with ``error``; returns the message the user sees."""
        body = self._rpc(model, method, *args, **kwargs)
        self.assertIn("error", body, f"{method} was not refused")
        self.assertEqual(body["error"]["data"]["name"], f"odoo.exceptions.{error}")
        return body["error"]["data"]["message"]

    def assertNoSecret(self, value):
        self.assertNotIn(SECRET_NAME, repr(value))
        self.assertNotIn(SECRET_EMAIL, repr(value))

    def test_portal_core_member_over_rpc(self):
        self.authenticate(self.core_user.login, self.core_user.login)
        rows = self._call(MEMBERSHIP, "search_read", [], [])
        self.assertEqual(
            {row["id"] for row in rows}, {self.m_anna.id, self.m_member.id}
        )
        self.assertNoSecret(rows)
        self.assertIn("anna.aandeel@example.nl", repr(rows))
        self.assertRefused(MEMBERSHIP, "read", [self.m_bram.id], ["shared_name"])
        self.assertRefused(MEMBERSHIP, "read", [self.m_bram.id], ["display_name"])
        self.assertRefused(MEMBERSHIP, "search_read", [], ["partner_id"])
        self.assertRefused(
            MEMBERSHIP,
            "web_search_read",
            [],
            {"partner_id": {"fields": {"email": {}}}},
        )
        self.assertRefused(MEMBERSHIP, "read_group", [], ["partner_id"], ["partner_id"])
        self.assertRefused(
            MEMBERSHIP, "search_count", [("partner_id.name", "ilike", "Geheim")]
        )
        self.assertFalse(self._call("res.partner", "name_search", "Geheim"))
        # private helpers are not callable over RPC
        body = self._rpc(MEMBERSHIP, "_shared_readable_domain", [self.m_bram.id])
        self.assertIn("Private methods", body["error"]["data"]["message"])

    def test_internal_core_member_export(self):
        # internal users get the export right by default
        self.core_internal_user.groups_id |= self.env.ref("base.group_allow_export")
        self.authenticate(self.core_internal_user.login, self.core_internal_user.login)
        self.assertRefused(
            MEMBERSHIP, "export_data", [self.m_anna.id], ["partner_id/email"]
        )
        self.assertRefused(
            "res.partner",
            "export_data",
            [self.bram.id],
            ["network_membership_ids/network_id/name"],
        )
        exported = self._call(
            MEMBERSHIP,
            "export_data",
            [self.m_anna.id, self.m_member.id],
            ["shared_name", "shared_email"],
        )
        self.assertEqual(len(exported["datas"]), 2)
        self.assertNoSecret(exported)

    def test_plain_member_over_rpc(self):
        self.authenticate(self.member_user.login, self.member_user.login)
        rows = self._call(MEMBERSHIP, "search_read", [], ["shared_name", "state"])
        self.assertEqual([row["id"] for row in rows], [self.m_member.id])
        self.assertRefused(MEMBERSHIP, "read", [self.m_anna.id], ["shared_name"])
        self.assertRefused(MEMBERSHIP, "write", [self.m_member.id], {"state": "left"})
        self._call(MEMBERSHIP, "action_set_consent", [self.m_member.id], False)
        self.assertFalse(self.m_member.consent_data_sharing)
        self.assertRefused(MEMBERSHIP, "action_leave", [self.m_anna.id])
        self.assertEqual(self.m_anna.state, "active")

    def test_duplicate_membership_gets_a_clear_message(self):
        self.authenticate(self.office_user.login, self.office_user.login)
        vals = {"network_id": self.network_a.id, "partner_id": self.anna.id}
        message = self.assertRefused(
            MEMBERSHIP,
            "create",
            {**vals, "goal_endorsed": True},
            error="ValidationError",
        )
        self.assertIn("already an active member of this network", message)
