# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .portal_common import PartyNetworkPortalCommon


@tagged("post_install", "-at_install")
class TestPortalOfficePages(PartyNetworkPortalCommon, HttpCase):
    """The applicant's step tracker and the error pages under /my/networks."""

    def test_applicant_sees_where_the_application_stands(self):
        self.login(self.core_b_user)
        url = f"/my/networks/{self.application.id}"
        page = self.get(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_pn_steps", page.text)
        self.assertIn('aria-current="step"', page.text)
        self.assertIn("invites you for an intake conversation", page.text)
        self.application.state = "submitted"
        page = self.get(url)
        self.assertIn("the national board decides on the founding plan", page.text)
        self.application.state = "active"
        self.assertNotIn("o_pn_steps", self.get(url).text)

    def test_no_step_tracker_for_others(self):
        self.login(self.core_user)
        page = self.get(f"/my/networks/{self.network_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("o_pn_steps", page.text)

    @mute_logger("odoo.http")
    def test_not_found_in_the_portal_layout_with_a_way_back(self):
        self.login(self.member_user)
        response = self.get("/my/networks/987654")
        self.assertEqual(response.status_code, 404)
        self.assertIn("o_pn_error_page", response.text)
        self.assertIn('href="/my/networks"', response.text)
        self.assertIn("o_portal_submenu", response.text)

    @mute_logger("odoo.http")
    def test_forbidden_in_the_portal_layout(self):
        self.login(self.member_user)
        response = self.get(f"/my/networks/{self.network_a.id}/members")
        self.assertEqual(response.status_code, 403)
        self.assertIn("o_pn_error_page", response.text)
        self.assertIn("You cannot open this page", response.text)
        self.assertNoPrivateData(response)
