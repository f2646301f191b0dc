# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .portal_common import PartyNetworkPortalCommon


@tagged("post_install", "-at_install")
class TestPortalRoutes(PartyNetworkPortalCommon, HttpCase):
    """Every GET route for every kind of visitor: member, core member of the
    network, core member of another network, outsider (portal user who is not a
    party member) and the anonymous visitor."""

    def setUp(self):
        super().setUp()
        self.url_a = f"/my/networks/{self.network_a.id}"
        self.visitors = {
            "member": self.member_user,
            "core": self.core_user,
            "core_b": self.core_b_user,
            "outsider": self.outsider_user,
        }

    def test_anonymous_is_sent_to_login(self):
        self.login(None)
        for url in (
            "/my/networks",
            "/my/networks/browse",
            self.url_a,
            f"{self.url_a}/members",
            f"{self.url_a}/members.csv",
            f"{self.url_a}/message",
            f"{self.url_a}/plan",
            "/my/networks/apply",
        ):
            with self.subTest(url=url):
                self.assertLoginRedirect(self.get(url))

    @mute_logger("odoo.http")
    def test_anonymous_posts_change_nothing(self):
        self.login(None)
        for action, data in (
            ("join", {"goal_endorsed": "on"}),
            ("leave", {}),
            ("consent", {}),
            ("message", {"subject": "Spam", "body": "Spam"}),
        ):
            with self.subTest(action=action):
                self.assertLoginRedirect(self.post(f"{self.url_a}/{action}", data))
        self.assertLoginRedirect(
            self.post("/my/networks/apply", {"name": "X", "network_type": "theme"})
        )
        self.assertEqual(self.m_member.state, "active")
        self.assertTrue(self.m_anna.consent_data_sharing)
        self.assertFalse(self.env["mail.mail"].search([("subject", "=", "Spam")]))

    def test_home_card_and_counter(self):
        self.login(self.member_user)
        response = self.get("/my")
        self.assertEqual(response.status_code, 200)
        self.assertIn('href="/my/networks"', response.text)
        self.assertIn("party_network_count", response.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["party_network_count"]}
        )
        self.assertEqual(counters, {"party_network_count": 1})
        self.login(self.outsider_user)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["party_network_count"]}
        )
        self.assertEqual(counters, {"party_network_count": 0})

    def test_my_networks(self):
        expectations = {
            # visitor: (must show, must not show)
            "member": (["Themanetwerk Zorg", "o_pn_consent_shared"], ["o_pn_my_seats"]),
            "core": (["o_pn_my_seats", "o_pn_seat_members", "Themanetwerk Zorg"], []),
            "core_b": (["Doelgroepnetwerk Jongeren", "Themanetwerk Cultuur"], []),
            "outsider": (["o_pn_no_membership"], ["Themanetwerk Zorg", "Cultuur"]),
        }
        for name, (shown, hidden) in expectations.items():
            with self.subTest(visitor=name):
                self.login(self.visitors[name])
                response = self.get("/my/networks")
                self.assertEqual(response.status_code, 200)
                for text in shown:
                    self.assertIn(text, response.text)
                for text in hidden:
                    self.assertNotIn(text, response.text)
                self.assertNoPrivateData(response)

    def test_browse(self):
        for name, user in self.visitors.items():
            with self.subTest(visitor=name):
                self.login(user)
                response = self.get("/my/networks/browse")
                self.assertEqual(response.status_code, 200)
                self.assertIn("Themanetwerk Zorg", response.text)
                self.assertIn("Doelgroepnetwerk Jongeren", response.text)
                # the core group of A is known to members, its members are not
                self.assertIn("Pn Core", response.text)
                self.assertIn("Online meeting on care", response.text)
                self.assertNotIn("Themanetwerk Cultuur", response.text)
                self.assertNoPrivateData(response)
                # the breadcrumb ends at this page, whatever the cards show
                self.assertRegex(
                    response.text,
                    r'breadcrumb-item active">\s*Find a network\s*</li>\s*</ol>',
                )
        response = self.get("/my/networks/browse?network_type=target_group")
        self.assertIn("Doelgroepnetwerk Jongeren", response.text)
        self.assertNotIn("Themanetwerk Zorg", response.text)
        response = self.get("/my/networks/browse?search=zorg")
        self.assertIn("Themanetwerk Zorg", response.text)
        self.assertNotIn("Doelgroepnetwerk Jongeren", response.text)
        # unknown filters are ignored, not a 500
        response = self.get(
            "/my/networks/browse?network_type=<script>&search=" + "x" * 500
        )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("<script>", response.text)

    def test_network_page(self):
        expectations = {
            "member": ["o_pn_membership_card", "o_pn_withdraw_consent"],
            "core": ["o_pn_core_card", "o_pn_member_list_link", "o_pn_join_form"],
            "core_b": ["o_pn_join_form", 'name="goal_endorsed"'],
            "outsider": ["o_pn_not_party_member"],
        }
        for name, shown in expectations.items():
            with self.subTest(visitor=name):
                self.login(self.visitors[name])
                response = self.get(self.url_a)
                self.assertEqual(response.status_code, 200)
                for text in shown:
                    self.assertIn(text, response.text)
                self.assertIn("Goede zorg dichtbij voor iedereen.", response.text)
                self.assertIn("Online meeting on care", response.text)
                self.assertNoPrivateData(response)
                if name != "core":
                    self.assertNotIn("o_pn_core_card", response.text)
                if name == "outsider":
                    self.assertNotIn("o_pn_join_form", response.text)

    @mute_logger("odoo.http")
    def test_network_page_unknown_or_private_is_404(self):
        self.login(self.member_user)
        self.assertEqual(self.get("/my/networks/999999").status_code, 404)
        # someone else's application
        self.assertEqual(
            self.get(f"/my/networks/{self.application.id}").status_code, 404
        )
        # its initiator sees it
        self.login(self.core_b_user)
        response = self.get(f"/my/networks/{self.application.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Themanetwerk Cultuur", response.text)
        self.assertNotIn("o_pn_join_form", response.text)

    @mute_logger("odoo.http")
    def test_member_list_only_for_the_core_group(self):
        for url in (f"{self.url_a}/members", f"{self.url_a}/members.csv"):
            for name in ("member", "core_b", "outsider"):
                with self.subTest(url=url, visitor=name):
                    self.login(self.visitors[name])
                    response = self.get(url)
                    self.assertEqual(response.status_code, 403)
                    self.assertNotIn("anna.aandeel@example.nl", response.text)
            with self.subTest(url=url, visitor="core"):
                self.login(self.core_user)
                response = self.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn("Anna Aandeel", response.text)
                self.assertIn("anna.aandeel@example.nl", response.text)
                self.assertIn("+31 6 11111111", response.text)
                self.assertIn("Utrecht", response.text)
                self.assertNoPrivateData(response)
        # guessing an id of a network that does not exist
        self.assertEqual(self.get("/my/networks/999999/members").status_code, 404)
        self.assertEqual(self.get("/my/networks/99999999999").status_code, 404)
        self.login(self.core_user)
        response = self.get(f"{self.url_a}/members/page/99999999999999999999")
        self.assertEqual(response.status_code, 200)

    def test_member_list_counts_and_search(self):
        self.login(self.core_user)
        response = self.get(f"{self.url_a}/members")
        self.assertEqual(response.headers["Cache-Control"], "no-store")
        # Anna and the member user share, Bram does not (Carla left)
        self.assertRegex(response.text, r'o_pn_shared_count"[^>]*>2<')
        self.assertRegex(response.text, r'o_pn_private_count"[^>]*>1<')
        response = self.get(f"{self.url_a}/members?search=utrecht")
        self.assertIn("Anna Aandeel", response.text)
        self.assertNotIn("pn_member@example.nl", response.text)
        # a search never matches a member who did not share: Bram lives in Zwolle
        response = self.get(f"{self.url_a}/members?search=Zwolle")
        self.assertIn("No members to show.", response.text)
        self.assertNoPrivateData(response)
        response = self.get(f"{self.url_a}/members?search=Geheimhouder")
        self.assertIn("No members to show.", response.text)

    def test_member_list_paged(self):
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"Lid {i:03d}",
                    "email": f"lid{i}@example.nl",
                    "is_party_member": True,
                }
                for i in range(60)
            ]
        )
        for partner in partners:
            self._join(self.network_a, partner, consent=True)
        self.login(self.core_user)
        page_1 = self.get(f"{self.url_a}/members")
        page_2 = self.get(f"{self.url_a}/members/page/2")
        row = 'class="list-group-item o_pn_member"'
        self.assertEqual(page_1.text.count(row), 50)
        self.assertEqual(page_2.text.count(row), 62 - 50)
        # sorted by name
        self.assertIn("Anna Aandeel", page_1.text)
        self.assertIn("Pn Member", page_2.text)
        csv = self.get(f"{self.url_a}/members.csv")
        self.assertEqual(len(csv.content.decode().splitlines()), 1 + 62)

    @mute_logger("odoo.http")
    def test_core_pages_closed_after_term_or_without_requirements(self):
        self.login(self.core_user)
        self.assertEqual(self.get(f"{self.url_a}/members").status_code, 200)
        self.core_a.requirements_met = False
        self.assertEqual(self.get(f"{self.url_a}/members").status_code, 403)
        self.assertEqual(self.get(f"{self.url_a}/members.csv").status_code, 403)
        self.assertEqual(self.get(f"{self.url_a}/message").status_code, 403)
        self.core_a.requirements_met = True
        self.core_a.date_end = self.today - relativedelta(days=1)
        self.core_a.date_start = self.today - relativedelta(months=6)
        self.assertEqual(self.get(f"{self.url_a}/members").status_code, 403)
        response = self.get("/my/networks")
        self.assertNotIn("o_pn_seat_members", response.text)
        self.assertIn("Your term has ended.", response.text)

    def test_csv(self):
        self.m_anna.partner_id.write(
            {"name": '=HYPERLINK("http://evil")', "city": "+31 Utrecht"}
        )
        self.login(self.core_user)
        response = self.get(f"{self.url_a}/members.csv")
        self.assertEqual(response.status_code, 200)
        self.assertIn("text/csv", response.headers["Content-Type"])
        self.assertIn("attachment;", response.headers["Content-Disposition"])
        self.assertIn(".csv", response.headers["Content-Disposition"])
        self.assertEqual(response.headers["Cache-Control"], "no-store")
        lines = response.content.decode("utf-8-sig").splitlines()
        self.assertEqual(lines[0], "Name;Email;Phone;City")
        self.assertEqual(len(lines), 3)
        self.assertIn(
            '"\'=HYPERLINK(""http://evil"")";anna.aandeel@example.nl;', response.text
        )
        self.assertIn("'+31 Utrecht", response.text)
        self.assertNoPrivateData(response)

    @mute_logger("odoo.http")
    def test_message_form_only_for_the_core_group(self):
        for name in ("member", "core_b", "outsider"):
            with self.subTest(visitor=name):
                self.login(self.visitors[name])
                self.assertEqual(self.get(f"{self.url_a}/message").status_code, 403)
        self.login(self.core_user)
        response = self.get(f"{self.url_a}/message")
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_pn_message_form", response.text)
        self.assertIn('name="subject"', response.text)
        self.assertIn('name="body"', response.text)
        self.assertNoPrivateData(response)

    def test_apply_form(self):
        self.login(self.member_user)
        response = self.get("/my/networks/apply")
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_pn_apply_form", response.text)
        for field in ('name="name"', 'name="network_type"', 'name="goal"'):
            self.assertIn(field, response.text)
        self.assertIn('name="co_initiators"', response.text)
        self.login(self.outsider_user)
        response = self.get("/my/networks/apply")
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_pn_not_party_member", response.text)
        self.assertNotIn("o_pn_apply_form", response.text)

    @mute_logger("odoo.http")
    def test_plan_page_only_for_the_intended_core_group(self):
        self.application.write({"state": "plan"})
        url = f"/my/networks/{self.application.id}/plan"
        for name in ("member", "core", "outsider"):
            with self.subTest(visitor=name):
                self.login(self.visitors[name])
                self.assertIn(self.get(url).status_code, (403, 404))
        self.login(self.core_b_user)
        response = self.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_pn_plan_form", response.text)
        for field in ("goal", "organisation", "term_months", "collaborations"):
            self.assertIn(f'name="{field}"', response.text)
        self.assertIn("Pn Core B", response.text)
        response = self.get(f"/my/networks/{self.application.id}")
        self.assertIn("o_pn_plan_card", response.text)
        # plan pages of active networks: nobody writes those here
        self.login(self.core_user)
        self.assertEqual(self.get(f"{self.url_a}/plan").status_code, 403)
