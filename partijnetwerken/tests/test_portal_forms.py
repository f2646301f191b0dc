# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .portal_common import COORDINATOR_EMAIL, PartyNetworkPortalCommon

# Input a member might send, on purpose or not; none of it may cause a 500 or a
# half-written record.
BAD_TEXTS = {
    "empty": "",
    "blank": "   \n  ",
    "too long": "N" * 10001,
    "html": "<b>Netwerk</b> Cultuur",
    "script": "Cultuur<script>alert('x')</script>",
}


@tagged("post_install", "-at_install")
class TestPortalForms(PartyNetworkPortalCommon, HttpCase):
    def setUp(self):
        super().setUp()
        self.url_a = f"/my/networks/{self.network_a.id}"
        self.url_b = f"/my/networks/{self.network_b.id}"

    # -- join, leave, consent -------------------------------------------------

    def test_join_with_consent(self):
        self.login(self.core_b_user)
        partner = self.core_b_user.partner_id
        response = self.post(
            f"{self.url_a}/join", {"goal_endorsed": "on", "consent_data_sharing": "on"}
        )
        self.assertRedirect(response, f"{self.url_a}?notice=joined")
        membership = self.active_memberships(self.network_a, partner)
        self.assertTrue(membership.goal_endorsed)
        self.assertTrue(membership.consent_data_sharing)
        page = self.get(response.headers["Location"])
        self.assertIn("Welcome! You are now a member of this network.", page.text)
        self.assertIn("o_pn_withdraw_consent", page.text)
        # the core group of A now sees the new member
        self.login(self.core_user)
        self.assertIn("Pn Core B", self.get(f"{self.url_a}/members").text)

    def test_join_without_consent(self):
        self.login(self.core_b_user)
        self.post(f"{self.url_a}/join", {"goal_endorsed": "on"})
        membership = self.active_memberships(
            self.network_a, self.core_b_user.partner_id
        )
        self.assertTrue(membership)
        self.assertFalse(membership.consent_data_sharing)
        self.login(self.core_user)
        self.assertNotIn("Pn Core B", self.get(f"{self.url_a}/members").text)

    def test_join_requires_endorsing_the_goal(self):
        self.login(self.core_b_user)
        response = self.post(f"{self.url_a}/join", {"consent_data_sharing": "on"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("you must endorse its goal", response.text)
        self.assertIn("o_pn_join_form", response.text)
        self.assertFalse(
            self.active_memberships(self.network_a, self.core_b_user.partner_id)
        )

    def test_outsider_cannot_join(self):
        self.login(self.outsider_user)
        response = self.post(
            f"{self.url_a}/join", {"goal_endorsed": "on", "consent_data_sharing": "on"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Only party members can join a network.", response.text)
        self.assertFalse(
            self.env["party.network.membership"].search(
                [("partner_id", "=", self.outsider_user.partner_id.id)]
            )
        )

    @mute_logger("odoo.http")
    def test_join_private_network_is_404(self):
        self.login(self.member_user)
        response = self.post(
            f"/my/networks/{self.application.id}/join", {"goal_endorsed": "on"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.application.sudo().membership_ids)

    def test_double_join_makes_one_membership(self):
        self.login(self.core_b_user)
        data = {"goal_endorsed": "on", "consent_data_sharing": "on"}
        first = self.post(f"{self.url_a}/join", data)
        second = self.post(f"{self.url_a}/join", data)
        self.assertRedirect(first, "notice=joined")
        self.assertRedirect(second, "notice=joined")
        self.assertEqual(
            len(self.active_memberships(self.network_a, self.core_b_user.partner_id)), 1
        )

    def test_withdraw_and_give_consent(self):
        self.login(self.member_user)
        response = self.post(f"{self.url_a}/consent", {})
        self.assertRedirect(response, "notice=consent_withdrawn")
        self.assertFalse(self.m_member.consent_data_sharing)
        self.login(self.core_user)
        self.assertNotIn("Pn Member", self.get(f"{self.url_a}/members").text)
        self.login(self.member_user)
        response = self.post(f"{self.url_a}/consent", {"consent_data_sharing": "1"})
        self.assertRedirect(response, "notice=consent_given")
        self.assertTrue(self.m_member.consent_data_sharing)

    def test_leave(self):
        self.login(self.member_user)
        response = self.post(f"{self.url_a}/leave")
        self.assertRedirect(response, "notice=left")
        self.assertEqual(self.m_member.state, "left")
        self.assertTrue(self.m_member.date_left)
        page = self.get(self.url_a)
        self.assertIn("o_pn_join_form", page.text)
        # leaving twice, or a network one is not in, changes nothing
        self.assertRedirect(self.post(f"{self.url_a}/leave"), self.url_a)
        self.assertRedirect(self.post(f"{self.url_b}/leave"), self.url_b)
        self.assertEqual(self.m_anna.state, "active")

    @mute_logger("odoo.http")
    def test_posts_without_csrf_token_are_refused(self):
        self.login(self.member_user)
        requests = [
            (f"{self.url_b}/join", {"goal_endorsed": "on"}),
            (f"{self.url_a}/leave", {}),
            (f"{self.url_a}/consent", {}),
            ("/my/networks/apply", {"name": "X", "network_type": "theme", "goal": "Y"}),
        ]
        for url, data in requests:
            with self.subTest(url=url):
                self.assertEqual(self.post(url, data, csrf=False).status_code, 400)
        self.login(self.core_user)
        response = self.post(
            f"{self.url_a}/message", {"subject": "S", "body": "B"}, csrf=False
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(
            self.active_memberships(self.network_b, self.member_user.partner_id)
        )
        self.assertEqual(self.m_member.state, "active")
        self.assertTrue(self.m_member.consent_data_sharing)
        self.assertFalse(self.env["party.network"].search([("name", "=", "X")]))
        self.assertFalse(self.env["mail.mail"].search([("subject", "=", "S")]))

    @mute_logger("odoo.http")
    def test_get_on_post_routes_is_refused(self):
        self.login(self.member_user)
        for action in ("join", "leave", "consent"):
            with self.subTest(action=action):
                self.assertEqual(self.get(f"{self.url_a}/{action}").status_code, 405)
        self.assertEqual(self.m_member.state, "active")

    # -- apply ----------------------------------------------------------------

    def _apply(self, **values):
        data = {
            "name": "Themanetwerk Portaaltest",
            "network_type": "theme",
            "goal": "Betaalbaar wonen voor iedereen.",
            **values,
        }
        return self.post("/my/networks/apply", data)

    def test_apply(self):
        self.login(self.member_user)
        response = self._apply(
            co_initiators="anna.aandeel@example.nl, nobody@example.nl; "
            "PN_OUTSIDER@example.nl"
        )
        network = self.env["party.network"].search(
            [("name", "=", "Themanetwerk Portaaltest")]
        )
        self.assertRedirect(response, f"/my/networks/{network.id}?notice=applied")
        self.assertEqual(network.state, "application")
        self.assertEqual(network.origin, "members")
        self.assertEqual(network.goal, "Betaalbaar wonen voor iedereen.")
        # co-initiators are invited, not made initiators; the applicant is not told
        # which addresses belong to party members
        self.assertEqual(network.initiator_partner_ids, self.member_user.partner_id)
        self.assertEqual(
            network.invitation_ids.mapped("email"),
            ["anna.aandeel@example.nl", "nobody@example.nl", "pn_outsider@example.nl"],
        )
        self.assertEqual(network.invitation_ids.partner_id, self.anna)
        page = self.get(response.headers["Location"])
        self.assertEqual(page.status_code, 200)
        self.assertIn("Thank you for your application!", page.text)
        self.assertNotIn("Anna Aandeel", page.text)
        # sent twice: still one application
        self._apply()
        self.assertEqual(
            self.env["party.network"].search_count(
                [("name", "=", "Themanetwerk Portaaltest")]
            ),
            1,
        )

    def test_apply_bad_input(self):
        self.login(self.member_user)
        cases = {f"name {label}": {"name": text} for label, text in BAD_TEXTS.items()}
        cases.update(
            {f"goal {label}": {"goal": text} for label, text in BAD_TEXTS.items()}
        )
        cases.update(
            {
                "5,000-character name": {"name": "N" * 5000},
                "unknown type": {"network_type": "party"},
                "missing type": {"network_type": ""},
                "bad co-initiator": {"co_initiators": "anna@"},
                "too many co-initiators": {
                    "co_initiators": ",".join(f"p{i}@example.nl" for i in range(11))
                },
            }
        )
        for label, values in cases.items():
            with self.subTest(case=label):
                response = self._apply(**values)
                self.assertEqual(response.status_code, 200)
                self.assertIn("o_pn_error", response.text)
                self.assertIn("o_pn_apply_form", response.text)
                self.assertNotIn("<script>alert", response.text)
                self.assertNotIn("<b>Netwerk</b>", response.text)
        self.assertFalse(
            self.env["party.network"].search(
                ["|", ("name", "ilike", "Portaaltest"), ("name", "ilike", "Cultuur<")]
            )
        )
        # the NUL byte is dropped, not a database error
        response = self._apply(name="Portaaltest\x00 en leven")
        self.assertEqual(response.status_code, 303)
        self.assertTrue(
            self.env["party.network"].search([("name", "=", "Portaaltest en leven")])
        )

    def test_apply_while_intake_paused(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("partijnetwerken.intake_open", "False")
        params.set_param(
            "partijnetwerken.intake_closed_message", "We are busy with the elections."
        )
        params.set_param("partijnetwerken.intake_reopen_date", "1 March")
        self.login(self.member_user)
        for response in (self.get("/my/networks/apply"), self._apply()):
            self.assertEqual(response.status_code, 200)
            self.assertIn("o_pn_intake_paused", response.text)
            self.assertIn("We are busy with the elections.", response.text)
            self.assertIn("1 March", response.text)
            self.assertNotIn("o_pn_apply_form", response.text)
        self.assertFalse(
            self.env["party.network"].search(
                [("name", "=", "Themanetwerk Portaaltest")]
            )
        )

    def test_outsider_cannot_apply(self):
        self.login(self.outsider_user)
        response = self._apply()
        self.assertEqual(response.status_code, 200)
        self.assertIn("Only party members can apply", response.text)
        self.assertFalse(
            self.env["party.network"].search(
                [("name", "=", "Themanetwerk Portaaltest")]
            )
        )

    # -- message all members --------------------------------------------------

    def test_message_all_members(self):
        self.login(self.core_user)
        self.env["mail.mail"].search([]).unlink()
        response = self.post(
            f"{self.url_a}/message",
            {
                "subject": "Meeting on care",
                "body": "Dear members,\nSee you! <3 & a < b",
            },
        )
        self.assertRedirect(response, "notice=message_sent&sent=3")
        page = self.get(response.headers["Location"])
        self.assertIn("Your message is on its way to 3 members.", page.text)
        mails = self.env["mail.mail"].search([("subject", "=", "Meeting on care")])
        # one mail per active member (Anna, Bram, the member user), each to one
        self.assertEqual(
            mails.recipient_ids,
            self.anna | self.bram | self.member_user.partner_id,
        )
        self.assertTrue(all(len(mail.recipient_ids) == 1 for mail in mails))
        self.assertFalse(any(mail.email_to or mail.email_cc for mail in mails))
        self.assertIn("See you! &lt;3 &amp; a &lt; b", mails[0].body_html)
        # from the party and answered to the party office: neither the writer's
        # address reaches the members, nor a replying member's the writer
        core_email = self.core_user.partner_id.email
        for mail in mails:
            self.assertEqual(mail.reply_to, COORDINATOR_EMAIL)
            self.assertNotIn(core_email, mail.email_from)
            self.assertNotIn(core_email, mail.reply_to)
        # the chatter keeps the text and the number of recipients, no names
        note = mails.mail_message_id
        self.assertEqual(len(note), 1)
        self.assertEqual(
            (note.model, note.res_id), ("party.network", self.network_a.id)
        )
        self.assertEqual(note.author_id, self.core_user.partner_id)
        self.assertFalse(note.partner_ids)
        self.assertIn("3 recipients", note.body)
        self.assertNotIn("Bram", note.body)
        self.assertNotIn("bram.geheim", note.body)
        # the same form sent again: no second round of mails
        response = self.post(
            f"{self.url_a}/message",
            {
                "subject": "Meeting on care",
                "body": "Dear members,\nSee you! <3 & a < b",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "You sent a message with this subject a moment ago", response.text
        )
        self.assertEqual(
            self.env["mail.mail"].search_count([("subject", "=", "Meeting on care")]), 3
        )
        # the writer did not become a follower (and would learn nothing from it)
        self.assertNotIn(self.core_user.partner_id, self.network_a.message_partner_ids)

    def test_message_bad_input(self):
        self.login(self.core_user)
        cases = {
            f"subject {label}": {"subject": text} for label, text in BAD_TEXTS.items()
        }
        cases["empty body"] = {"body": ""}
        cases["body too long"] = {"body": "x" * 10001}
        cases["script in body"] = {"body": "<script>alert('x')</script>"}
        for label, values in cases.items():
            with self.subTest(case=label):
                data = {"subject": "Hello", "body": "Hello all", **values}
                response = self.post(f"{self.url_a}/message", data)
                self.assertEqual(response.status_code, 200)
                self.assertIn("o_pn_error", response.text)
                self.assertNotIn("<script>alert", response.text)
        self.assertFalse(
            self.env["mail.mail"].search(
                [
                    ("mail_message_id.model", "=", "party.network"),
                    ("mail_message_id.res_id", "=", self.network_a.id),
                ]
            )
        )

    @mute_logger("odoo.http")
    def test_message_refused_to_others(self):
        for user in (self.member_user, self.core_b_user, self.outsider_user):
            with self.subTest(user=user.login):
                self.login(user)
                response = self.post(
                    f"{self.url_a}/message", {"subject": "Spam", "body": "Spam"}
                )
                self.assertEqual(response.status_code, 403)
        self.assertFalse(self.env["mail.mail"].search([("subject", "=", "Spam")]))

    # -- founding plan --------------------------------------------------------

    def _plan_values(self, **values):
        return {
            "goal": "Kunst en cultuur voor iedereen.",
            "organisation": "Vier keer per jaar een online bijeenkomst.",
            "term_months": "24",
            "collaborations": "Met de cultuurwethouders.",
            **values,
        }

    def test_founding_plan_draft_and_hand_in(self):
        self.application.write({"state": "plan"})
        url = f"/my/networks/{self.application.id}/plan"
        self.login(self.core_b_user)
        response = self.post(url, self._plan_values(action="save"))
        self.assertRedirect(response, "notice=plan_saved")
        plan = self.application.plan_ids
        self.assertEqual(len(plan), 1)
        self.assertEqual(plan.state, "draft")
        self.assertEqual(
            plan.organisation, "Vier keer per jaar een online bijeenkomst."
        )
        self.assertEqual(plan.proposed_core_partner_ids, self.core_b_user.partner_id)
        self.assertFalse(plan.date_handed_in)
        # bad input: a message, nothing changed
        for values in (
            {"term_months": "abc"},
            {"term_months": "0"},
            {"organisation": "<script>alert('x')</script>"},
            {"goal": "x" * 5001},
        ):
            with self.subTest(values=values):
                response = self.post(url, self._plan_values(action="save", **values))
                self.assertEqual(response.status_code, 200)
                self.assertIn("o_pn_error", response.text)
        self.assertEqual(plan.term_months, 24)
        # handing in needs the essentials
        response = self.post(url, self._plan_values(action="hand_in", organisation=""))
        self.assertIn("o_pn_error", response.text)
        self.assertFalse(plan.date_handed_in)
        response = self.post(url, self._plan_values(action="hand_in"))
        self.assertRedirect(response, "notice=plan_handed_in")
        self.assertTrue(plan.date_handed_in)
        self.assertEqual(plan.state, "draft")
        # read-only from now on
        page = self.get(url)
        self.assertIn("o_pn_plan_handed_in", page.text)
        self.assertNotIn("o_pn_plan_form", page.text)
        response = self.post(
            url, self._plan_values(action="save", organisation="Changed")
        )
        self.assertIn("can no longer be changed here", response.text)
        self.assertEqual(
            plan.organisation, "Vier keer per jaar een online bijeenkomst."
        )
        # back for revision: editable again
        plan.write({"state": "revision"})
        self.assertFalse(plan.date_handed_in)
        self.assertIn("o_pn_plan_form", self.get(url).text)

    @mute_logger("odoo.http")
    def test_founding_plan_refused_to_others(self):
        self.application.write({"state": "plan"})
        url = f"/my/networks/{self.application.id}/plan"
        for user in (self.member_user, self.core_user, self.outsider_user):
            with self.subTest(user=user.login):
                self.login(user)
                response = self.post(url, self._plan_values(action="save"))
                self.assertIn(response.status_code, (403, 404))
        self.assertFalse(self.application.plan_ids)
