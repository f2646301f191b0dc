# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from odoo.addons.partijnetwerken.tests.common import PRIVATE_DATA

from .website_common import (
    ADVICE_TITLE,
    DRAFT_TITLE,
    NETWORK_NAME,
    PartyNetworkWebsiteCommon,
)

# Of the fixture's members: the consenting ones, whose names the core group may
# see, and the core member who did not opt in. None of it is public either.
MEMBER_DATA = (
    "Anna Aandeel",
    "anna.aandeel@example.nl",
    "+31 6 11111111",
    "pn_member@example.nl",
    "Pn Member",
    "Pn Core Internal",
    "pn_core@example.nl",
)


@tagged("post_install", "-at_install")
class TestWebsitePages(PartyNetworkWebsiteCommon, HttpCase):
    def assertNoMemberData(self, response):
        for secret in (*PRIVATE_DATA, *MEMBER_DATA):
            self.assertNotIn(secret, response.text)

    def test_index_lists_published_active_networks(self):
        self.login(None)
        page = self.get("/netwerken")
        self.assertEqual(page.status_code, 200)
        self.assertIn(NETWORK_NAME, page.text)
        self.assertIn(self.network_a.website_url, page.text)
        # by their own page's address: the demo has published networks of its own
        self.assertNotIn(f'-{self.network_b.id}"', page.text)
        self.assertNotIn(f'-{self.application.id}"', page.text)
        self.assertNotIn(self.application.name, page.text)
        # next activity and latest advice
        self.assertIn(self.event_a.name, page.text)
        self.assertIn(ADVICE_TITLE, page.text)
        self.assertNotIn(self.event_hidden.name, page.text)
        self.assertNoMemberData(page)

    def test_index_filters_by_type_and_searches(self):
        self.network_b.is_published = True
        self.login(None)
        page = self.get("/netwerken?network_type=target_group")
        self.assertIn(self.network_b.name, page.text)
        self.assertNotIn(NETWORK_NAME, page.text)
        page = self.get("/netwerken?search=Websitezorg")
        self.assertIn(NETWORK_NAME, page.text)
        self.assertNotIn(self.network_b.name, page.text)
        # bad input is ignored, never an error
        for query in (
            "?network_type=nonsense",
            "?search=%00x",
            "?page=abc",
            "?page=99999999999999",
        ):
            with self.subTest(query=query):
                self.assertEqual(self.get(f"/netwerken{query}").status_code, 200)

    def test_network_page_for_the_public(self):
        self.login(None)
        page = self.get(self.network_a.website_url)
        self.assertEqual(page.status_code, 200)
        text = page.text
        self.assertIn(NETWORK_NAME, text)
        self.assertIn("Goede zorg dichtbij", text)
        # the core member who opted in, by name and role; the other not
        self.assertIn(self.core_user.name, text)
        self.assertNotIn(self.core_internal_user.name, text)
        # published upcoming activities, members-only ones with a login link
        self.assertIn(self.event_a.name, text)
        self.assertIn(self.event_open.name, text)
        self.assertNotIn(self.event_hidden.name, text)
        self.assertIn("o_pn_members_only", text)
        self.assertIn(f"/web/login?redirect=/my/networks/{self.network_a.id}", text)
        self.assertNotIn("/register", text)
        # published advice only
        self.assertIn(ADVICE_TITLE, text)
        self.assertNotIn(DRAFT_TITLE, text)
        # join button to the portal, an editable area, SEO metadata
        self.assertIn(f'href="/my/networks/{self.network_a.id}"', text)
        self.assertIn("oe_structure", text)
        self.assertIn('property="og:description"', text)
        # four members: no count
        self.assertNotIn("o_pn_member_count", text)
        self.assertNoMemberData(page)

    def test_member_count_from_ten_members_on(self):
        partners = self.env["res.partner"].create(
            [{"name": f"Lid {n}", "is_party_member": True} for n in range(5)]
        )
        for partner in partners[:4]:
            self._join(self.network_a, partner, consent=False)
        self.login(None)
        # anna, bram, member, 4 more: 7 active members (carla left)
        self.assertEqual(self.network_a.member_count, 7)
        self.assertNotIn("o_pn_member_count", self.get(self.network_a.website_url).text)
        self._join(self.network_a, partners[4], consent=False)
        extra = self.env["res.partner"].create(
            [{"name": f"Extra {n}", "is_party_member": True} for n in range(2)]
        )
        for partner in extra:
            self._join(self.network_a, partner, consent=False)
        self.assertEqual(self.network_a.member_count, 10)
        page = self.get(self.network_a.website_url)
        self.assertIn("o_pn_member_count", page.text)
        self.assertIn("<strong>10</strong>", page.text)
        self.assertNotIn("Lid 0", page.text)

    def test_unpublished_closed_and_unknown_networks_answer_404(self):
        url_b = f"/netwerken/{self.env['ir.http']._slug(self.network_b)}"
        url_app = f"/netwerken/{self.env['ir.http']._slug(self.application)}"
        for user in (None, self.outsider_user, self.core_b_user):
            self.login(user)
            for url in (
                url_b,
                url_app,
                f"/netwerken/{self.network_b.id}",
                "/netwerken/bestaat-niet-99999999",
                "/netwerken/99999999999999999",
                "/netwerken/geen-nummer",
            ):
                with self.subTest(user=user and user.login, url=url):
                    response = self.get(url)
                    self.assertEqual(response.status_code, 404)
                    self.assertNotIn(self.network_b.goal, response.text)
        url_a = self.network_a.website_url
        self.network_a.state = "closed"
        self.login(None)
        self.assertEqual(self.get(url_a).status_code, 404)

    def test_other_slugs_redirect_to_the_canonical_page(self):
        self.login(None)
        response = self.get(f"/netwerken/oude-naam-{self.network_a.id}")
        self.assertEqual(response.status_code, 301)
        self.assertTrue(
            response.headers["Location"].endswith(self.network_a.website_url)
        )

    def test_members_and_staff_see_the_same_public_page(self):
        for user in (
            self.member_user,
            self.core_user,
            self.internal_user,
            self.office_user,
        ):
            self.login(user)
            with self.subTest(user=user.login):
                page = self.get(self.network_a.website_url)
                self.assertEqual(page.status_code, 200)
                self.assertNotIn(DRAFT_TITLE, page.text)
                self.assertNotIn(self.event_hidden.name, page.text)
                for secret in PRIVATE_DATA:
                    self.assertNotIn(secret, page.text)

    def test_sitemap_menu_and_website_search(self):
        self.login(None)
        sitemap = self.get("/sitemap.xml")
        self.assertEqual(sitemap.status_code, 200)
        self.assertIn(self.network_a.website_url, sitemap.text)
        self.assertNotIn(f"-{self.network_b.id}</loc>", sitemap.text)
        self.assertTrue(
            self.env["website.menu"].search([("url", "=", "/netwerken")], limit=1)
        )
        website = self.env["website"].get_current_website()
        results = website.with_user(
            self.env.ref("base.public_user")
        )._search_with_fuzzy(
            "networks",
            "Websitezorg",
            limit=5,
            order="name asc",
            options={
                "displayDescription": True,
                "displayDetail": False,
                "displayExtraDetail": False,
                "displayExtraLink": False,
                "displayImage": False,
                "allowFuzzy": False,
            },
        )
        count, details, _fuzzy = results
        self.assertEqual(count, 1)
        self.assertEqual(details[0]["results"], self.network_a)
        results = website._search_with_fuzzy(
            "networks",
            "Jongeren",
            5,
            "name asc",
            {
                "displayDescription": False,
                "displayDetail": False,
                "displayExtraDetail": False,
                "displayExtraLink": False,
                "displayImage": False,
                "allowFuzzy": False,
            },
        )
        # the unpublished network B is not found (the demo's own may be)
        found = results[1][0]["results"] if results[1] else self.env["party.network"]
        self.assertNotIn(self.network_b, found)
