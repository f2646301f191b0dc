# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PRIVATE_DATA, SECRET_EMAIL, PartyNetworkCase

SECRETS = (*PRIVATE_DATA, "Geheim")


@tagged("post_install", "-at_install")
class TestCoreGroupPrivacy(PartyNetworkCase):
    """A core member of network A learns nothing about non-consenting members of A
    nor about any member of network B, whichever path they take."""

    def _core_users(self):
        return (self.core_user, self.core_internal_user)

    def assertNoSecret(self, value):
        text = repr(value)
        for secret in SECRETS:
            self.assertNotIn(secret, text)

    def _memberships(self, user):
        return self.env["party.network.membership"].with_user(user)

    def test_read(self):
        for user in self._core_users():
            with self.subTest(user=user.login):
                rows = self._memberships(user).browse(self.m_anna.id).read()
                self.assertEqual(rows[0]["shared_email"], "anna.aandeel@example.nl")
                self.assertEqual(rows[0]["shared_name"], "Anna Aandeel")
                self.assertNotIn("partner_id", rows[0])
                for membership in (self.m_bram, self.m_daan, self.m_esther):
                    with self.assertRaises(AccessError):
                        self._memberships(user).browse(membership.id).read(
                            ["shared_name"]
                        )
                with self.assertRaises(AccessError):
                    self._memberships(user).browse(self.m_anna.id).read(["partner_id"])

    def test_search_read(self):
        for user in self._core_users():
            with self.subTest(user=user.login):
                rows = self._memberships(user).search_read([])
                self.assertEqual(
                    {row["id"] for row in rows}, {self.m_anna.id, self.m_member.id}
                )
                self.assertNoSecret(rows)
                rows = self._memberships(user).search_read(
                    [], ["shared_name", "shared_email", "display_name"]
                )
                self.assertIn("anna.aandeel@example.nl", repr(rows))
                self.assertNoSecret(rows)
                with self.assertRaises(AccessError):
                    self._memberships(user).search_read([], ["partner_id"])

    def test_web_search_read_nested_partner(self):
        for user in self._core_users():
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self._memberships(user).web_search_read(
                        [],
                        {"partner_id": {"fields": {"email": {}, "display_name": {}}}},
                    )
                result = self._memberships(user).web_search_read(
                    [],
                    {
                        "shared_name": {},
                        "network_id": {"fields": {"display_name": {}}},
                        "display_name": {},
                    },
                )
                self.assertEqual(result["length"], 2)
                self.assertNoSecret(result)

    def test_read_group(self):
        for user in self._core_users():
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self._memberships(user).read_group(
                        [], ["partner_id"], ["partner_id"]
                    )
                groups = self._memberships(user).read_group(
                    [], ["network_id"], ["network_id"]
                )
                self.assertEqual(
                    [(g["network_id"][0], g["network_id_count"]) for g in groups],
                    [(self.network_a.id, 2)],
                )

    def test_export_data(self):
        # internal users get the export right by default; give it to both readers
        for user in self._core_users():
            user.groups_id |= self.env.ref("base.group_allow_export")
        for user in self._core_users():
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self._memberships(user).search([]).export_data(["partner_id/email"])
                exported = (
                    self._memberships(user)
                    .search([])
                    .export_data(["shared_name", "shared_email", "network_id/name"])
                )
                self.assertEqual(len(exported["datas"]), 2)
                self.assertNoSecret(exported)

    def test_export_partner_links(self):
        """Internal users may read every contact, but not its network memberships."""
        user = self.core_internal_user
        partners = self.env["res.partner"].with_user(user).browse(self.bram.id)
        with self.assertRaises(AccessError):
            partners.export_data(["network_membership_ids/network_id"])
        with self.assertRaises(AccessError):
            partners.read(["network_membership_ids"])

    def test_display_name(self):
        for user in self._core_users():
            with self.subTest(user=user.login):
                names = self._memberships(user).search([]).mapped("display_name")
                self.assertEqual(len(names), 2)
                self.assertTrue(any("Anna Aandeel" in name for name in names))
                self.assertNoSecret(names)
                # even computed directly, a non-consenting member stays anonymous
                bram = self._memberships(user).browse(self.m_bram.id)
                self.assertEqual(bram.display_name, "Member – Themanetwerk Zorg")

    def test_name_search(self):
        for user in self._core_users():
            with self.subTest(user=user.login):
                self.assertFalse(self._memberships(user).name_search("Geheim"))
                found = self._memberships(user).name_search("")
                self.assertEqual(
                    {row[0] for row in found}, {self.m_anna.id, self.m_member.id}
                )
                self.assertNoSecret(found)

    def test_partner_name_search_and_search_read(self):
        Partner = self.env["res.partner"].with_user(self.core_user)
        # portal users read no other contacts at all
        self.assertFalse(Partner.name_search("Geheim"))
        self.assertFalse(Partner.search_read([("email", "=", SECRET_EMAIL)]))
        for user in self._core_users():
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["res.partner"].with_user(user).search_read(
                        [("network_membership_ids.network_id", "=", self.network_a.id)],
                        ["name"],
                    )
        # core seats are public once appointed; a proposed seat stays hidden
        application = self.env["party.network"].create({"name": "Themanetwerk Wonen"})
        self.env["party.network.core.member"].create(
            {"network_id": application.id, "partner_id": self.bram.id}
        )
        found = (
            self.env["res.partner"]
            .with_user(self.core_internal_user)
            .search([("network_core_member_ids.network_id", "=", application.id)])
        )
        self.assertFalse(found)

    def test_network_followers(self):
        for user in self._core_users():
            with self.subTest(user=user.login):
                network = self.network_a.with_user(user)
                try:
                    followers = network.message_follower_ids.partner_id
                    partners = network.message_partner_ids
                except AccessError:
                    followers = partners = self.env["res.partner"]
                members = self.anna | self.bram | self.carla | self.daan | self.esther
                self.assertFalse((followers | partners) & members)
        # the office reads the memberships; they never subscribe members as followers
        self.assertFalse(self.network_a.message_partner_ids & self.bram)

    def test_domain_oracle(self):
        for user in self._core_users():
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self._memberships(user).search(
                        [("partner_id.name", "ilike", "Geheim")]
                    )
                with self.assertRaises(AccessError):
                    self._memberships(user).search_count(
                        [("partner_id", "=", self.bram.id)]
                    )
                # filtering on what the reader may see tells nothing about the others
                self.assertFalse(
                    self._memberships(user).search(
                        [("consent_data_sharing", "=", False)]
                    )
                )
                self.assertFalse(
                    self._memberships(user).search(
                        [("network_id", "=", self.network_b.id)]
                    )
                )

    def test_network_membership_lines(self):
        for user in self._core_users():
            with self.subTest(user=user.login):
                network = self.network_a.with_user(user)
                self.assertEqual(
                    network.web_read({"member_count": {}})[0]["member_count"], 3
                )
                # the membership lines of a network are the office's view
                with self.assertRaises(AccessError):
                    network.web_read(
                        {"membership_ids": {"fields": {"shared_name": {}}}}
                    )

    def test_consenting_member_email_is_shared(self):
        for user in self._core_users():
            with self.subTest(user=user.login):
                membership = self._memberships(user).browse(self.m_anna.id)
                self.assertEqual(membership.shared_email, "anna.aandeel@example.nl")
                self.assertEqual(membership.shared_phone, "+31 6 11111111")
                self.assertEqual(membership.shared_city, "Utrecht")

    def test_shared_fields_empty_without_consent_even_for_office(self):
        self.assertFalse(self.m_bram.with_user(self.office_user).shared_email)
        self.assertEqual(
            self.m_bram.with_user(self.office_user).partner_id.email, SECRET_EMAIL
        )

    def test_member_reads_only_own(self):
        Membership = self._memberships(self.member_user)
        self.assertEqual(Membership.search([]), self.m_member)
        self.assertEqual(
            self.m_member.with_user(self.member_user).shared_email,
            self.member_user.partner_id.email,
        )
        with self.assertRaises(UserError):
            self.m_anna.with_user(self.member_user).read(["shared_email"])
