# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .website_common import PartyNetworkWebsiteCommon


@tagged("post_install", "-at_install")
class TestWebsiteTour(PartyNetworkWebsiteCommon, HttpCase):
    def test_public_visitor_finds_a_network_and_is_asked_to_log_in(self):
        self.start_tour("/netwerken", "partijnetwerken_website_public_tour")
