# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PartyNetworkLifecycleCase


@tagged("post_install", "-at_install")
class TestLifecycleRights(PartyNetworkLifecycleCase):
    """The party office runs the intake and submits; only the board decides."""

    def _not_office(self):
        return (self.board_user, self.internal_user, self.core_user)

    def _not_board(self):
        return (self.office_user, self.internal_user, self.core_user)

    def _refused(self, users, method, records):
        for user in users:
            with self.subTest(user=user.login, method=method):
                with self.assertRaises(AccessError):
                    getattr(records.with_user(user), method)()

    def _run(self, xmlid, user, records):
        return (
            self.env.ref(xmlid)
            .with_user(user)
            .with_context(active_model=records._name, active_ids=records.ids)
            .run()
        )

    def test_intake_buttons_office_only(self):
        # an initiator may read their own application, but not run its intake
        portal_initiator = self._make_user(
            "pn_initiator", "base.group_portal", member=True
        )
        self.application.initiator_partner_ids += portal_initiator.partner_id
        self.assertTrue(self.application.with_user(portal_initiator).has_access("read"))
        self._refused(
            (*self._not_office(), portal_initiator),
            "action_start_intake",
            self.application,
        )
        self.application.with_user(self.office_user).action_start_intake()
        self.assertEqual(self.application.state, "intake")
        self.application.intake_date = self.today
        self._refused(self._not_office(), "action_invite_plan", self.application)
        self.application.with_user(self.office_user).action_invite_plan()
        self.assertEqual(self.application.state, "plan")

    def test_submit_office_only(self):
        plan = self._submitted_plan()
        plan.state = "draft"
        plan.network_id.state = "plan"
        self._refused(self._not_office(), "action_submit", plan)
        self.assertEqual(plan.state, "draft")
        plan.with_user(self.office_user).action_submit()
        self.assertEqual(plan.state, "submitted")

    def test_decisions_board_only(self):
        plan = self._submitted_plan()
        plan.decision_note = "Te smal samengesteld."
        for method in ("action_approve", "action_reject", "action_request_revision"):
            self._refused(self._not_board(), method, plan)
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(plan.network_id.state, "submitted")
        plan.with_user(self.board_user).action_reject()
        self.assertEqual(plan.state, "rejected")

    def test_decision_states_cannot_be_written_around_the_board(self):
        plan = self._submitted_plan()
        network = plan.network_id
        for state in ("active", "rejected", "closed"):
            with self.subTest(state=state), self.assertRaises(AccessError):
                network.with_user(self.office_user).state = state
        with self.assertRaises(AccessError):
            self.env["party.network"].with_user(self.office_user).create(
                {"name": "Themanetwerk Snelweg", "state": "active"}
            )
        for state in ("approved", "rejected", "revision"):
            with self.subTest(state=state), self.assertRaises(AccessError):
                plan.with_user(self.office_user).state = state
        self.assertEqual((plan.state, network.state), ("submitted", "submitted"))
        # what the office may do, it still does
        network.with_user(self.office_user).state = "plan"
        self.assertEqual(network.state, "plan")

    def test_manager_may_do_both(self):
        plan = self._submitted_plan()
        plan.with_user(self.manager_user).action_approve()
        self.assertEqual(plan.network_id.state, "active")

    def test_close_board_only(self):
        network = self.network_a
        network.close_reason = "Doel bereikt."
        self._refused(self._not_board(), "action_close", network)
        self.assertEqual(network.state, "active")
        network.with_user(self.board_user).action_close()
        self.assertEqual(network.state, "closed")

    def test_reappoint_board_only(self):
        self._refused(self._not_board(), "action_reappoint", self.core_a)
        end = self.core_a.date_end
        self.core_a.with_user(self.board_user).action_reappoint()
        self.assertGreater(self.core_a.date_end, end)

    def test_merge_application_office_active_network_board(self):
        with self.assertRaises(AccessError):
            self.application.with_user(self.board_user)._merge_into(self.network_a)
        with self.assertRaises(AccessError):
            self.network_b.with_user(self.office_user)._merge_into(self.network_a)
        self.assertEqual(self.application.state, "application")
        self.assertEqual(self.network_b.state, "active")
        self.application.with_user(self.office_user)._merge_into(self.network_a)
        self.network_b.with_user(self.board_user)._merge_into(self.network_a)
        self.assertEqual(self.application.state, "merged")
        self.assertEqual(self.network_b.state, "merged")

    def test_server_action_submit(self):
        plans = self._submitted_plan() | self._submitted_plan("Themanetwerk Zorg 2")
        plans.state = "draft"
        plans.network_id.state = "plan"
        xmlid = "partijnetwerken.party_network_plan_action_server_submit"
        for user in self._not_office():
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._run(xmlid, user, plans)
        self.assertEqual(set(plans.mapped("state")), {"draft"})
        self._run(xmlid, self.office_user, plans)
        self.assertEqual(set(plans.mapped("state")), {"submitted"})
        self.assertEqual(set(plans.network_id.mapped("state")), {"submitted"})

    def test_server_action_approve(self):
        plans = self._submitted_plan() | self._submitted_plan("Themanetwerk Zorg 2")
        xmlid = "partijnetwerken.party_network_plan_action_server_approve"
        for user in self._not_board():
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._run(xmlid, user, plans)
        self.assertEqual(set(plans.mapped("state")), {"submitted"})
        # the same confirmation as the button: nothing is decided before it
        action = self._run(xmlid, self.board_user, plans)
        self.assertEqual(action["res_model"], "party.network.plan.decision")
        self.assertEqual(set(plans.mapped("state")), {"submitted"})
        wizard = (
            self.env["party.network.plan.decision"]
            .with_user(self.board_user)
            .with_context(**action["context"])
            .create({})
        )
        self.assertEqual(wizard.decision, "approve")
        wizard.action_confirm()
        self.assertEqual(set(plans.mapped("state")), {"approved"})
        self.assertEqual(set(plans.network_id.mapped("state")), {"active"})

    def test_server_action_checks_before_asking(self):
        plans = self._submitted_plan() | self._submitted_plan("Themanetwerk Zorg 2")
        plans[1].state = "draft"
        for name in ("approve", "revision", "reject"):
            with self.subTest(action=name), self.assertRaises(UserError):
                self._run(
                    f"partijnetwerken.party_network_plan_action_server_{name}",
                    self.board_user,
                    plans,
                )

    def test_decision_wizard_needs_a_reason_to_return(self):
        plan = self._submitted_plan()
        action = (
            plan.with_user(self.board_user)
            .with_context(decision="revision")
            .action_open_decision_wizard()
        )
        self.assertIn(plan.network_id.name, action["name"])
        wizard = (
            self.env["party.network.plan.decision"]
            .with_user(self.board_user)
            .with_context(**action["context"])
            .create({"reason": "  "})
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertEqual(plan.state, "submitted")

    def test_server_action_reject_asks_one_reason_for_all(self):
        plans = self._submitted_plan() | self._submitted_plan("Themanetwerk Zorg 2")
        xmlid = "partijnetwerken.party_network_plan_action_server_reject"
        for user in self._not_board():
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._run(xmlid, user, plans)
        action = self._run(xmlid, self.board_user, plans)
        self.assertEqual(action["res_model"], "party.network.plan.decision")
        wizard = (
            self.env["party.network.plan.decision"]
            .with_user(self.board_user)
            .with_context(**action["context"])
            .create({"reason": "Deze thema's overlappen met bestaande netwerken."})
        )
        self.assertEqual(wizard.plan_ids, plans)
        self.assertEqual(wizard.decision, "reject")
        wizard.action_confirm()
        self.assertEqual(set(plans.mapped("state")), {"rejected"})
        self.assertEqual(set(plans.network_id.mapped("state")), {"rejected"})
        self.assertEqual(
            set(plans.mapped("decision_note")),
            {"Deze thema's overlappen met bestaande netwerken."},
        )

    def test_server_actions_are_bound_and_restricted(self):
        for name, group in (
            ("submit", "partijnetwerken.group_office"),
            ("approve", "partijnetwerken.group_board"),
            ("revision", "partijnetwerken.group_board"),
            ("reject", "partijnetwerken.group_board"),
        ):
            action = self.env.ref(
                f"partijnetwerken.party_network_plan_action_server_{name}"
            )
            with self.subTest(action=name):
                self.assertEqual(action.binding_model_id.model, "party.network.plan")
                self.assertEqual(action.groups_id, self.env.ref(group))
                # the form has its buttons; the Action menu is for batches
                self.assertEqual(action.binding_view_types, "list")
