# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.partijnetwerken.tests.common import PartyNetworkCase


@tagged("post_install", "-at_install")
class TestWebsitePublication(PartyNetworkCase):
    def test_only_active_networks_can_be_published(self):
        application = self.env["party.network"].create(
            {"name": "Themanetwerk Cultuur", "network_type": "theme"}
        )
        with self.assertRaisesRegex(ValidationError, "Only active networks"):
            application.is_published = True
        self.network_a.is_published = True
        self.assertTrue(self.network_a.website_published)
        self.assertTrue(self.network_a.website_url.startswith("/netwerken/"))
        self.assertTrue(self.network_a.website_url.endswith(f"-{self.network_a.id}"))

    def test_a_network_that_stops_leaves_the_website(self):
        self.network_a.is_published = True
        self.network_a.state = "closed"
        self.assertFalse(self.network_a.is_published)
        self.network_b.is_published = True
        self.network_b.action_archive()
        self.assertFalse(self.network_b.is_published)

    def test_only_office_and_board_publish(self):
        for user in (self.office_user, self.board_user):
            network = self.network_a.with_user(user)
            self.assertTrue(network.can_publish)
            network.website_publish_button()
            self.assertTrue(self.network_a.is_published)
            network.website_publish_button()
            self.assertFalse(self.network_a.is_published)
        for user in (self.core_internal_user, self.internal_user, self.core_user):
            network = self.network_a.with_user(user)
            with self.subTest(user=user.login):
                self.assertFalse(network.can_publish)
                with self.assertRaises(AccessError):
                    network.write({"is_published": True})
        self.assertFalse(self.network_a.is_published)

    def test_seo_metadata_and_builder_text_for_the_office(self):
        network = self.network_a.with_user(self.office_user)
        network.write(
            {
                "website_meta_title": "Zorg dichtbij",
                "website_meta_description": "Ons netwerk over zorg.",
                "website_description": "<p>Welkom</p>",
            }
        )
        self.assertEqual(self.network_a.website_meta_title, "Zorg dichtbij")
        with self.assertRaises(AccessError):
            self.network_a.with_user(self.core_user).write(
                {"website_meta_title": "Iets anders"}
            )

    def test_show_on_website_only_by_the_member_themself(self):
        seat = self.core_a.with_user(self.core_user)
        seat._portal_set_show_on_website(True)
        self.assertTrue(self.core_a.show_on_website)
        other = self.core_a_internal.with_user(self.core_user)
        with self.assertRaisesRegex(Exception, "your own core-group seat"):
            other._portal_set_show_on_website(True)
        self.assertFalse(self.core_a_internal.show_on_website)
        # not over RPC: portal users have no write access to seats
        with self.assertRaises(AccessError):
            self.core_a_internal.with_user(self.core_user).write(
                {"show_on_website": True}
            )
