# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PartyNetworkCase


@tagged("post_install", "-at_install")
class TestOfficeExport(PartyNetworkCase):
    """The office exports memberships; the export guard still holds for others;
    Duplicate is hidden where a copy makes no sense."""

    def test_office_has_the_export_right(self):
        self.assertTrue(self.office_user.has_group("base.group_allow_export"))
        memberships = (
            self.env["party.network.membership"]
            .with_user(self.office_user)
            .search([("network_id", "=", self.network_a.id)])
        )
        self.assertTrue(memberships)
        exported = memberships.export_data(["partner_id/email", "network_id/name"])
        self.assertEqual(len(exported["datas"]), len(memberships))
        self.assertIn(
            memberships[0].partner_id.email, [row[0] for row in exported["datas"]]
        )

    def test_export_guard_still_keeps_partner_links_from_core_members(self):
        user = self.core_internal_user
        user.groups_id |= self.env.ref("base.group_allow_export")
        memberships = self.env["party.network.membership"].with_user(user).search([])
        with self.assertRaises(AccessError):
            memberships.export_data(["partner_id/email"])

    def test_no_duplicate_on_records_that_cannot_be_copied(self):
        for model in (
            "party.network",
            "party.network.plan",
            "party.network.membership",
            "party.network.core.member",
            "party.network.evaluation",
            "party.network.contribution",
        ):
            for view_type in ("form", "list"):
                with self.subTest(model=model, view_type=view_type):
                    arch = self.env[model].get_view(view_type=view_type)["arch"]
                    root = etree.fromstring(arch)
                    self.assertEqual(root.get("duplicate"), "0")
