# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The addon's attack suite (issue 7).

It attacks what it finds: every route of the addon's controllers (from Odoo's
routing rules) and every model method the addon makes callable over RPC, as the
anonymous visitor, a party member outside any network, a plain member of network
A who does not share their data, a core member of network B and a core member of
network A. Every answer is checked: no 5xx, no traceback, no unescaped script,
nothing written, no secret of a non-consenting member, no portal access token.
The figures are printed (``pytest -s``) and logged at INFO, prefixed
``attack suite:``.
"""

import uuid

from odoo import Command
from odoo.tests import HttpCase, tagged

from .attack_common import (
    AttackMixin,
    captured_logs,
    discover_routes,
    discover_rpc_methods,
)
from .common import OTHER_NETWORK_EMAIL, OTHER_NETWORK_NAME, SECRET_EMAIL, SECRET_NAME
from .portal_common import PartyNetworkPortalCommon

# A member of network A who does not share their data and has no login: only the
# office may ever see these.
HIDDEN_MEMBER = ("Geheimnaam Xq7", "geheim.xq7@example.org", "+31 6 9999 7777")
# The plain member (a portal user in network A, not sharing): only they and the
# office may see these.
PLAIN_MEMBER = ("Eigennaam Kw3", "eigen.kw3@example.org", "+31 6 8888 6666")


@tagged("post_install", "-at_install")
class TestSecurityAttack(AttackMixin, PartyNetworkPortalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.attack_outsider = cls._make_user(
            "pn_attack_outsider", "base.group_portal", member=True
        )
        cls.attack_member = cls._make_user(
            "pn_attack_member", "base.group_portal", member=True
        )
        name, email, phone = PLAIN_MEMBER
        cls.attack_member.partner_id.write(
            {"name": name, "email": email, "phone": phone}
        )
        name, email, phone = HIDDEN_MEMBER
        cls.hidden_partner = cls.env["res.partner"].create(
            {"name": name, "email": email, "phone": phone, "is_party_member": True}
        )
        cls.m_hidden = cls._join(cls.network_a, cls.hidden_partner, consent=False)
        cls.m_plain = cls._join(
            cls.network_a, cls.attack_member.partner_id, consent=False
        )
        # a network whose founding plan the outsider writes
        cls.network_plan = cls.env["party.network"].create(
            {
                "name": "Themanetwerk Water",
                "network_type": "theme",
                "goal": "Schoon water voor iedereen.",
                "state": "plan",
                "initiator_partner_ids": [
                    Command.set(cls.attack_outsider.partner_id.ids)
                ],
            }
        )
        cls.plan = cls.env["party.network.plan"].create(
            {
                "network_id": cls.network_plan.id,
                "term_months": 24,
                "proposed_core_partner_ids": [
                    Command.set(cls.attack_outsider.partner_id.ids)
                ],
            }
        )
        # working groups with members who do not share, and a contribution of the
        # hidden member: the core group never learns who takes part or who gave
        cls.group_a = cls.env["party.network.working.group"].create(
            {
                "network_id": cls.network_a.id,
                "name": "Werkgroep Aanval",
                "membership_ids": [
                    Command.set((cls.m_hidden | cls.m_plain | cls.m_anna).ids)
                ],
            }
        )
        cls.group_b = cls.env["party.network.working.group"].create(
            {
                "network_id": cls.network_b.id,
                "name": "Werkgroep B",
                "membership_ids": [Command.set(cls.m_esther.ids)],
            }
        )
        cls.network_a.contribution_enabled = True
        cls.c_hidden = cls.env["party.network.contribution"].create(
            {
                "network_id": cls.network_a.id,
                "partner_id": cls.hidden_partner.id,
                "amount": 25,
            }
        )
        networks = cls.network_a | cls.network_b | cls.network_plan | cls.application
        cls.event_b = cls.env["event.event"].create(
            {
                "name": "Activity of network B",
                "network_id": cls.network_b.id,
                "network_activity_kind": "meeting",
                "date_begin": cls.event_a.date_begin,
                "date_end": cls.event_a.date_end,
            }
        )
        # reading a token is seen on the networks that have one (a token left from
        # before, as on a database that had them), minting one on B
        for network in networks - cls.network_b:
            network.sudo().access_token = str(uuid.uuid4())
        cls.attack_fills = {
            "network_id": {
                "A": cls.network_a.id,
                "B": cls.network_b.id,
                "P": cls.network_plan.id,
                "C": cls.application.id,
            },
            # an activity of network A and one of network B
            "event_id": {"E": cls.event_a.id, "EB": cls.event_b.id},
            "group_id": {"A": cls.group_a.id, "B": cls.group_b.id},
        }
        cls.attack_missing_id = max(networks.ids) + 100000
        cls.attack_records = {
            "party.network": [cls.network_a.id, cls.network_b.id, cls.application.id],
            "party.network.membership": [
                cls.m_hidden.id,
                cls.m_plain.id,
                cls.m_esther.id,
            ],
            "party.network.core.member": [cls.core_a.id, cls.core_b.id],
            "party.network.plan": [cls.plan.id],
            "res.partner": [cls.hidden_partner.id, cls.attack_member.partner_id.id],
            "event.event": [cls.event_a.id],
            "party.network.working.group": [cls.group_a.id, cls.group_b.id],
            "party.network.contribution": [cls.c_hidden.id],
        }
        # advice of network A that no attacker may change: a request of the office
        # (the core group writes it, but not with one parameter or with markup),
        # advice sent to a body, and a draft of network B
        Advice = cls.env["party.network.advice"]
        body = cls.env["party.network.advice.body"].create({"name": "Aanvalsorgaan"})
        advice_values = {"body_ids": [Command.set(body.ids)], "content": "<p>A</p>"}
        cls.advice_request = Advice.create(
            {
                **advice_values,
                "network_id": cls.network_a.id,
                "name": "Aanvraag A",
                "advice_type": "requested",
                "question": "Vraag?",
                "content": False,
            }
        )
        cls.advice_sent = Advice.create(
            {**advice_values, "network_id": cls.network_a.id, "name": "Verstuurd A"}
        )
        cls.advice_sent.action_send()
        cls.advice_b = Advice.create(
            {**advice_values, "network_id": cls.network_b.id, "name": "Concept B"}
        )
        cls.advice_b_sent = Advice.create(
            {**advice_values, "network_id": cls.network_b.id, "name": "Verstuurd B"}
        )
        cls.advice_b_sent.action_send()
        cls.attack_fills["advice_id"] = {
            "request": cls.advice_request.id,
            "sent": cls.advice_sent.id,
            "B": cls.advice_b.id,
        }
        # over RPC, the advice that none of the attackers may change (the core
        # groups change their requests and drafts over RPC as in the portal)
        cls.attack_records["party.network.advice"] = [
            cls.advice_sent.id,
            cls.advice_b_sent.id,
        ]
        cls.attack_secrets = {
            None: (
                *HIDDEN_MEMBER,
                *PLAIN_MEMBER,
                SECRET_NAME,
                SECRET_EMAIL,
                OTHER_NETWORK_NAME,
                OTHER_NETWORK_EMAIL,
            ),
            "member": PLAIN_MEMBER,
        }

    def setUp(self):
        super().setUp()
        self.log_capture = self.enterContext(captured_logs())
        # most privileged first: ids that do not exist are tried as core_a
        self._attack_start(
            {
                "core_a": self.core_user,
                "member": self.attack_member,
                "outsider": self.attack_outsider,
                "core_b": self.core_b_user,
                "anonymous": None,
            }
        )

    def _hidden_member_shares(self, share):
        self.m_hidden.consent_data_sharing = share
        self.env.flush_all()

    def test_routes_resist_attacks(self):
        # the checks themselves: a leak and a write are seen
        url_a = f"/my/networks/{self.network_a.id}"
        with self.attack_canary() as sent:
            self._hidden_member_shares(True)
            self.http_attack("core_a", "GET", f"{url_a}/members")
            self._hidden_member_shares(False)
            self.http_attack("member", "POST", f"{url_a}/leave")
        self.assertIn(f"leaks {HIDDEN_MEMBER[1]!r}", sent[0].reasons)
        self.assertIn(
            f"changed party_network_membership {self.m_plain.id}", sent[1].reasons
        )

        routes = discover_routes(self.env)
        # the suite attacks what it finds; it must find the portal
        self.assertIn("/my/networks/<int:network_id>/members", [r.url for r in routes])
        self.attack_route_access(routes)
        self.attack_route_inputs(routes)
        self.attack_route_protocol(routes)
        self.attack_report("routes")

    def test_rpc_methods_resist_attacks(self):
        with self.attack_canary() as sent:
            self._hidden_member_shares(True)
            self.rpc_attack(
                "core_a",
                "party.network.membership",
                "search_read",
                [[], ["shared_email"]],
            )
            self._hidden_member_shares(False)
            self.rpc_attack(
                "member",
                "party.network.membership",
                "action_leave",
                [[self.m_plain.id]],
            )
        self.assertIn(f"leaks {HIDDEN_MEMBER[1]!r}", sent[0].reasons)
        self.assertIn(
            f"changed party_network_membership {self.m_plain.id}", sent[1].reasons
        )

        methods = discover_rpc_methods(self.env)
        self.assertIn("action_join", methods.get("party.network", ()))
        self.attack_rpc_methods(methods, self.attack_records)
        self.attack_portal_tokens(self.attack_records)
        self.attack_report("rpc")
