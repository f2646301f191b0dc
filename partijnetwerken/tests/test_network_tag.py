# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import psycopg2

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PartyNetworkCase


@tagged("post_install", "-at_install")
class TestNetworkTag(PartyNetworkCase):
    """The party office manages the theme tags; everyone else reads them."""

    def test_office_manages_tags(self):
        Tag = self.env["party.network.tag"].with_user(self.office_user)
        tag = Tag.create({"name": "Onderwijs"})
        tag.name = "Onderwijs en wetenschap"
        self.network_a.with_user(self.office_user).tag_ids = tag
        self.assertEqual(self.network_a.tag_ids, tag)
        tag.unlink()
        self.assertFalse(tag.exists())

    def test_others_read_tags_only(self):
        tag = self.env["party.network.tag"].create({"name": "Wonen"})
        for user in (self.board_user, self.internal_user, self.member_user):
            with self.subTest(user=user.login):
                self.assertEqual(tag.with_user(user).name, "Wonen")
                with self.assertRaises(AccessError):
                    tag.with_user(user).name = "Bouwen"
                with self.assertRaises(AccessError):
                    self.env["party.network.tag"].with_user(user).create({"name": "X"})
                with self.assertRaises(AccessError):
                    tag.with_user(user).unlink()
        with self.assertRaises(AccessError):
            tag.with_user(self.env.ref("base.public_user")).read(["name"])

    def test_tag_names_are_unique(self):
        self.env["party.network.tag"].create({"name": "Zorg"})
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.env["party.network.tag"].create({"name": "Zorg"})
