# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .advice_common import (
    DRAFT_A,
    DRAFT_B,
    REQUEST_A,
    SENT_A,
    SENT_B,
    PartyNetworkAdviceCommon,
)
from .common import PartyNetworkCase


@tagged("post_install", "-at_install")
class TestAdviceRecordRules(PartyNetworkAdviceCommon, PartyNetworkCase):
    """Each rule of the advice register lets the right user in and keeps the wrong
    one out (DESIGN §10.4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.all_advice = (
            cls.request_a
            | cls.draft_a
            | cls.sent_a
            | cls.draft_fractie_a
            | cls.draft_b
            | cls.sent_b
        )

    def _visible(self, user):
        return (
            self.env["party.network.advice"]
            .with_user(user)
            .search([("id", "in", self.all_advice.ids)])
        )

    # core group
    def test_core_group_rule_reads_all_of_its_own_network(self):
        a_advice = self.request_a | self.draft_a | self.sent_a | self.draft_fractie_a
        for user in (self.core_user, self.core_internal_user):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user), a_advice)
        self.assertEqual(self._visible(self.core_b_user), self.draft_b | self.sent_b)

    def test_core_group_rule_ends_with_the_term(self):
        self.core_a.date_end = self.today - relativedelta(days=1)
        self.assertFalse(self._visible(self.core_user))
        with self.assertRaises(AccessError):
            self.draft_a.with_user(self.core_user).read(["name"])

    def test_core_group_write_rule_only_while_requested_or_draft(self):
        self.draft_a.with_user(self.core_user).write({"name": "Mantelzorg, herzien"})
        self.assertEqual(self.draft_a.name, "Mantelzorg, herzien")
        with self.assertRaises(AccessError):
            self.sent_a.with_user(self.core_user).write({"name": "Achteraf"})
        with self.assertRaises(AccessError):
            self.draft_b.with_user(self.core_user).write({"name": "Andermans"})
        self.assertEqual(self.sent_a.name, SENT_A)

    def test_core_group_needs_no_data_access_for_advice(self):
        self.core_a.requirements_met = False
        self.assertIn(self.draft_a, self._visible(self.core_user))

    # members
    def test_member_rule_reads_only_sent_advice_of_their_networks(self):
        self.assertEqual(self._visible(self.member_user), self.sent_a)
        with self.assertRaises(AccessError):
            self.draft_a.with_user(self.member_user).read(["content"])
        with self.assertRaises(AccessError):
            self.sent_a.with_user(self.member_user).write({"name": "Lid schrijft"})

    def test_member_rule_ends_when_leaving(self):
        self.m_member.action_leave()
        self.assertFalse(self._visible(self.member_user))

    # requester
    def test_requester_rule_reads_own_requests_in_every_state(self):
        self.assertIn(self.request_a, self._visible(self.body_user))
        self.request_a.with_user(self.core_user).write(
            {"content": "<p>We zijn begonnen.</p>"}
        )
        self.assertEqual(self.request_a.state, "draft")
        self.assertIn(self.request_a, self._visible(self.body_user))
        self.assertNotIn(self.request_a, self._visible(self.fractie_user))

    def test_requester_rule_writes_only_while_requested(self):
        self.request_a.with_user(self.body_user).write({"question": "Scherper?"})
        self.request_a.with_user(self.core_user).write({"content": "<p>Bezig.</p>"})
        with self.assertRaises(AccessError):
            self.request_a.with_user(self.body_user).write({"question": "Te laat"})

    # the body rule
    def test_body_rule_body_user_reads_advice_sent_to_their_body(self):
        """Fails without ``party_network_advice_rule_body``: the fractie's user
        made no request and is no member, only the body rule lets them in."""
        self.assertEqual(self._visible(self.fractie_user), self.sent_b)
        self.assertEqual(
            self.sent_b.with_user(self.fractie_user).read(["name"])[0]["name"],
            SENT_B,
        )
        self.assertEqual(self._visible(self.body_user), self.request_a | self.sent_a)

    def test_body_rule_never_shows_drafts_addressed_to_the_body(self):
        visible = self._visible(self.fractie_user)
        self.assertNotIn(self.draft_fractie_a, visible)
        self.assertNotIn(self.draft_b, visible)
        with self.assertRaises(AccessError):
            self.draft_b.with_user(self.fractie_user).read(["content"])

    def test_body_rule_ends_when_the_user_stops_acting_for_the_body(self):
        self.body_fractie.user_ids = [(3, self.fractie_user.id)]
        self.assertFalse(self._visible(self.fractie_user))

    def test_body_rule_lets_the_body_answer_but_not_rewrite(self):
        self.sent_b.with_user(self.fractie_user).write(
            {"response": "Dank, we nemen het mee.", "uptake": "partly"}
        )
        with self.assertRaises(AccessError):
            self.sent_b.with_user(self.fractie_user).write({"content": "<p>Anders</p>"})
        with self.assertRaises(AccessError):
            self.sent_a.with_user(self.fractie_user).write({"response": "Niet van ons"})

    # outsiders, other networks
    def test_outsiders_and_other_core_groups_see_nothing_of_network_a(self):
        a_advice = self.request_a | self.draft_a | self.sent_a | self.draft_fractie_a
        for user in (self.outsider_user, self.internal_user, self.core_b_user):
            with self.subTest(user=user.login):
                self.assertFalse(self._visible(user) & a_advice)
                with self.assertRaises(AccessError):
                    self.sent_a.with_user(user).read(["name"])

    # office and board
    def test_office_and_board_read_all(self):
        for user in (self.office_user, self.board_user):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user), self.all_advice)

    def test_board_does_not_write_advice_it_does_not_act_for(self):
        with self.assertRaises(AccessError):
            self.draft_a.with_user(self.board_user).write({"name": "Bestuur"})
        self.draft_a.with_user(self.office_user).write({"name": "Kantoor"})
        self.assertEqual(self.draft_a.name, "Kantoor")

    # the paths around the rules
    def test_no_draft_through_rpc_paths(self):
        Advice = self.env["party.network.advice"].with_user(self.member_user)
        rows = Advice.search_read([], ["name", "content"])
        self.assertEqual([row["name"] for row in rows], [SENT_A])
        groups = Advice.read_group([], ["state"], ["state"])
        self.assertEqual(
            [(g["state"], g["state_count"]) for g in groups if g["state_count"]],
            [("sent", 1)],
        )
        self.assertFalse(Advice.name_search(DRAFT_A))
        self.assertFalse(Advice.name_search(DRAFT_B))
        self.fractie_user.groups_id |= self.env.ref("base.group_allow_export")
        exported = (
            Advice.with_user(self.fractie_user)
            .search([])
            .export_data(["name", "body_ids/name"])
        )
        self.assertEqual(exported["datas"], [[SENT_B, "Proeffractie"]])
        # the network's count is what the reader may read
        network = self.network_a.with_user(self.member_user)
        self.assertEqual(network.advice_count, 1)
        self.assertEqual(network.advice_ids, self.sent_a)
        with self.assertRaises(AccessError):
            Advice.browse(self.request_a.id).display_name  # noqa: B018
        self.assertNotIn(REQUEST_A, str(rows))


@tagged("post_install", "-at_install")
class TestAdviceFieldGuard(PartyNetworkAdviceCommon, PartyNetworkCase):
    """Who may change which field, beyond what the rules let them reach."""

    def test_status_changes_only_through_the_buttons(self):
        for user in (self.core_user, self.office_user):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.draft_a.with_user(user).write({"state": "sent"})
        with self.assertRaises(UserError):
            self.sent_b.with_user(self.fractie_user).write({"state": "answered"})
        self.assertEqual(self.draft_a.state, "draft")

    def test_core_group_cannot_answer_or_publish(self):
        for vals in (
            {"response": "Zelf beantwoord"},
            {"uptake": "adopted"},
            {"website_published": True},
            {"question": "Andere vraag"},
            {"requester_user_id": self.core_internal_user.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                self.request_a.with_user(self.core_user).write(vals)

    def test_body_user_requests_only_for_own_bodies(self):
        Advice = self.env["party.network.advice"]
        vals = {
            "network_id": self.network_a.id,
            "name": "Vraag van anderen",
            "advice_type": "requested",
            "question": "Iets?",
            "body_ids": [(6, 0, self.body_fractie.ids)],
        }
        with self.assertRaises(AccessError):
            Advice.with_user(self.body_user).create(vals)
        with self.assertRaises(AccessError):
            Advice.with_user(self.internal_user).create(
                {**vals, "body_ids": [(6, 0, self.body_board.ids)]}
            )
        with self.assertRaises(AccessError):
            Advice.with_user(self.body_user).create(
                {
                    **vals,
                    "body_ids": [(6, 0, self.body_board.ids)],
                    "requester_user_id": self.fractie_user.id,
                }
            )
        request = Advice.with_user(self.fractie_user).create(vals)
        self.assertEqual(request.state, "requested")
        self.assertEqual(request.requester_user_id, self.fractie_user)

    def test_only_the_core_group_writes_unsolicited_advice(self):
        vals = {
            "network_id": self.network_a.id,
            "name": "Ongevraagd",
            "content": "<p>Tekst</p>",
        }
        Advice = self.env["party.network.advice"]
        for user in (self.member_user, self.core_b_user, self.body_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Advice.with_user(user).create(vals)
        advice = Advice.with_user(self.core_user).create(vals)
        self.assertEqual(advice.state, "draft")
        with self.assertRaises(UserError):
            Advice.with_user(self.core_user).create({**vals, "state": "sent"})

    def test_nobody_but_the_manager_deletes_advice(self):
        for user in (self.core_user, self.office_user, self.body_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.draft_a.with_user(user).unlink()


@tagged("post_install", "-at_install")
class TestAdviceAccessRights(PartyNetworkAdviceCommon, PartyNetworkCase):
    """The access lines of the advice register: reading and writing for the
    audiences the record rules narrow down, deleting for the manager only."""

    EXPECTED = {
        "portal": {"party.network.advice": "rwc", "party.network.advice.body": "r"},
        "internal": {"party.network.advice": "rwc", "party.network.advice.body": "r"},
        "office": {"party.network.advice": "rwc", "party.network.advice.body": "rwc"},
        "board": {"party.network.advice": "rwc", "party.network.advice.body": "r"},
        "manager": {
            "party.network.advice": "rwcu",
            "party.network.advice.body": "rwcu",
        },
    }
    OPERATIONS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}

    def test_access_matrix(self):
        users = {
            "portal": self.member_user,
            "internal": self.internal_user,
            "office": self.office_user,
            "board": self.board_user,
            "manager": self.manager_user,
        }
        Access = self.env["ir.model.access"]
        for role, user in users.items():
            for model, allowed in self.EXPECTED[role].items():
                for letter, operation in self.OPERATIONS.items():
                    with self.subTest(role=role, model=model, operation=operation):
                        granted = Access.with_user(user).check(
                            model, operation, raise_exception=False
                        )
                        self.assertEqual(granted, letter in allowed)

    def test_public_reads_nothing(self):
        public = self.env.ref("base.public_user")
        # the website bridge (DESIGN §10.7) shows published advice of published
        # networks to everyone, through a rule of its own: none of these
        website = self.env["ir.module.module"].search_count(
            [("name", "=", "partijnetwerken_website"), ("state", "=", "installed")]
        )
        for model in ("party.network.advice", "party.network.advice.body"):
            with self.subTest(model=model):
                Model = self.env[model].with_user(public)
                if website and model == "party.network.advice":
                    self.assertFalse(Model.search([]))
                    continue
                self.assertFalse(Model.has_access("read"))

    def test_only_the_office_configures_the_bodies(self):
        with self.assertRaises(AccessError):
            self.body_board.with_user(self.body_user).write({"name": "Mijn orgaan"})
        self.body_board.with_user(self.office_user).user_ids |= self.fractie_user
        self.assertIn(self.fractie_user, self.body_board.user_ids)
        with self.assertRaises(ValidationError):
            self.body_board.with_user(self.office_user).user_ids |= self.member_user
        # portal readers do not learn who acts for a body
        with self.assertRaises(AccessError):
            self.body_board.with_user(self.member_user).read(["user_ids"])
