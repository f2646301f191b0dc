# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SECRET_EMAIL, SECRET_NAME
from .portal_common import PartyNetworkPortalCommon

GROUP = "party.network.working.group"


@tagged("post_install", "-at_install")
class TestPortalWorkingGroup(PartyNetworkPortalCommon, HttpCase):
    """The working-group pages: the network page lists them, the core group forms
    them, members join and leave, and who takes part follows the consent gate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group_a = cls.env[GROUP].create(
            {
                "network_id": cls.network_a.id,
                "name": "Werkgroep GGZ",
                "description": "Wachtlijsten in de GGZ.",
                "membership_ids": [Command.set((cls.m_anna | cls.m_bram).ids)],
            }
        )
        cls.group_b = cls.env[GROUP].create(
            {
                "network_id": cls.network_b.id,
                "name": "Werkgroep Wonen",
                "membership_ids": [Command.set((cls.m_daan | cls.m_esther).ids)],
            }
        )
        cls.url_a = f"/my/networks/{cls.network_a.id}"
        cls.url_group = f"{cls.url_a}/groups/{cls.group_a.id}"

    # -- the network page -----------------------------------------------------

    def test_network_page_lists_working_groups(self):
        self.login(self.member_user)
        page = self.get(self.url_a)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Werkgroep GGZ", page.text)
        self.assertNotIn("Werkgroep Wonen", page.text)
        self.assertNotIn("o_pn_new_working_group", page.text)
        self.login(self.core_user)
        page = self.get(self.url_a)
        self.assertIn("Werkgroep GGZ", page.text)
        self.assertIn("o_pn_new_working_group", page.text)
        self.assertNoPrivateData(page)

    def test_outsider_sees_no_working_groups(self):
        self.login(self.outsider_user)
        page = self.get(self.url_a)
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("Werkgroep GGZ", page.text)
        self.assertEqual(self.get(self.url_group).status_code, 404)

    # -- the group page and the consent gate ----------------------------------

    def test_core_group_sees_consenting_members_only(self):
        """The consent gate: fails if the page lists members around it."""
        self.login(self.core_user)
        page = self.get(self.url_group)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Anna Aandeel", page.text)
        self.assertIn("anna.aandeel@example.nl", page.text)
        self.assertEqual(page.text.count('o_pn_working_group_member"'), 1)
        self.assertNotIn(SECRET_NAME, page.text)
        self.assertNotIn(SECRET_EMAIL, page.text)
        self.assertIn("o_pn_working_group_private", page.text)
        self.assertNoPrivateData(page)
        self.assertEqual(page.headers.get("Cache-Control"), "no-store")

    def test_long_member_list_is_paged_by_name(self):
        """A large group lists a page of 50 consenting members at a time, by name;
        the others are counted, never listed."""
        partners = self.env["res.partner"].create(
            [{"name": f"Deelnemer {i:03d}", "is_party_member": True} for i in range(80)]
        )
        memberships = self.env["party.network.membership"].create(
            [
                {
                    "network_id": self.network_a.id,
                    "partner_id": partner.id,
                    "goal_endorsed": True,
                    "consent_data_sharing": i % 4 != 0,
                }
                for i, partner in enumerate(partners)
            ]
        )
        self.group_a.membership_ids = [Command.link(m.id) for m in memberships]
        # Anna and the 60 of the 80 who consent: 61; Bram and the other 20 do not
        self.login(self.core_user)
        first = self.get(self.url_group)
        self.assertEqual(first.text.count('o_pn_working_group_member"'), 50)
        self.assertIn("Anna Aandeel", first.text)
        self.assertIn("Deelnemer 001", first.text)
        self.assertNotIn("Deelnemer 000", first.text)
        self.assertIn(f"{self.url_group}/page/2", first.text)
        self.assertIn("And 21 members who do not share their details.", first.text)
        second = self.get(f"{self.url_group}/page/2")
        self.assertEqual(second.status_code, 200)
        self.assertEqual(second.text.count('o_pn_working_group_member"'), 11)
        self.assertIn("Deelnemer 079", second.text)
        self.assertNotIn("Deelnemer 079", first.text)
        self.assertNotIn(SECRET_NAME, first.text + second.text)
        self.assertNotIn("Deelnemer 004", first.text + second.text)
        # a page number past the end or beyond any id: an empty page, no error
        for page in (9, 99999999999999999999):
            with self.subTest(page=page):
                beyond = self.get(f"{self.url_group}/page/{page}")
                self.assertEqual(beyond.status_code, 200)
                self.assertNotIn('o_pn_working_group_member"', beyond.text)
        # a plain member pages through counts only; another network's core group
        # does not find the group
        self.login(self.member_user)
        member_page = self.get(f"{self.url_group}/page/2")
        self.assertEqual(member_page.status_code, 200)
        self.assertNotIn("Deelnemer 079", member_page.text)
        self.assertNotIn('o_pn_working_group_member"', member_page.text)
        self.login(self.core_b_user)
        self.assertEqual(self.get(f"{self.url_group}/page/2").status_code, 404)

    def test_core_group_without_data_access_sees_the_count(self):
        self.core_a.requirements_met = False
        self.login(self.core_user)
        page = self.get(self.url_group)
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("Anna Aandeel", page.text)
        self.assertNotIn("o_pn_working_group_members", page.text)
        self.assertIn("2 taking part", page.text)

    def test_plain_member_sees_only_the_count(self):
        self.login(self.member_user)
        page = self.get(self.url_group)
        self.assertEqual(page.status_code, 200)
        self.assertIn("2 taking part", page.text)
        self.assertNotIn("Anna Aandeel", page.text)
        self.assertNotIn('o_pn_working_group_member"', page.text)
        self.assertNoPrivateData(page)

    def test_other_networks_and_guessed_ids_answer_404(self):
        self.login(self.core_b_user)
        self.assertEqual(self.get(self.url_group).status_code, 404)
        self.login(self.member_user)
        for url in (
            f"{self.url_a}/groups/{self.group_b.id}",
            f"/my/networks/{self.network_b.id}/groups/{self.group_a.id}",
            f"{self.url_a}/groups/999999",
            f"{self.url_a}/groups/{2**31}",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.get(url).status_code, 404)
        self.group_a.active = False
        self.assertEqual(self.get(self.url_group).status_code, 404)

    # -- joining and leaving --------------------------------------------------

    def test_member_joins_twice_and_leaves(self):
        self.login(self.member_user)
        for _attempt in range(2):
            self.assertRedirect(self.post(f"{self.url_group}/join"), self.url_group)
        self.assertEqual(
            self.group_a.membership_ids,
            self.m_anna | self.m_bram | self.m_member,
        )
        self.env.cr.execute(
            "SELECT count(*) FROM party_network_working_group_membership_rel "
            "WHERE membership_id = %s",
            (self.m_member.id,),
        )
        self.assertEqual(self.env.cr.fetchone()[0], 1)
        page = self.get(self.url_group)
        self.assertIn("o_pn_working_group_leave", page.text)
        self.assertRedirect(self.post(f"{self.url_group}/leave"), self.url_group)
        self.group_a.invalidate_recordset()
        self.assertNotIn(self.m_member, self.group_a.membership_ids)

    def test_non_member_cannot_join(self):
        # a core member who is no member reads the group but cannot join it
        self.login(self.core_user)
        page = self.post(f"{self.url_group}/join")
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_pn_error", page.text)
        self.login(self.core_b_user)
        self.assertEqual(self.post(f"{self.url_group}/join").status_code, 404)
        self.group_a.invalidate_recordset()
        self.assertEqual(self.group_a.member_count, 2)

    def test_leaving_the_network_leaves_the_group(self):
        self.group_a.membership_ids = [Command.link(self.m_member.id)]
        count = self.group_a.member_count
        self.login(self.member_user)
        self.assertRedirect(self.post(f"{self.url_a}/leave"), self.url_a)
        self.group_a.invalidate_recordset()
        self.assertNotIn(self.m_member, self.group_a.membership_ids)
        # the count is taken from the group's rows: the one who left is gone
        self.assertEqual(self.group_a.member_count, count - 1)
        self.assertEqual(self.get(self.url_group).status_code, 404)

    @mute_logger("odoo.http")
    def test_csrf(self):
        self.login(self.member_user)
        self.assertEqual(
            self.post(f"{self.url_group}/join", csrf=False).status_code, 400
        )
        self.login(self.core_user)
        answer = self.post(f"{self.url_a}/groups/new", {"name": "Zonder"}, csrf=False)
        self.assertEqual(answer.status_code, 400)
        self.assertFalse(self.env[GROUP].search([("name", "=", "Zonder")]))

    # -- forming a group ------------------------------------------------------

    def test_core_group_forms_a_group(self):
        self.login(self.core_user)
        form = self.get(f"{self.url_a}/groups/new")
        self.assertEqual(form.status_code, 200)
        self.assertIn('name="csrf_token"', form.text)
        data = {"name": "Mantelzorg", "description": "Respijtzorg en werk."}
        answer = self.post(f"{self.url_a}/groups/new", data)
        group = self.env[GROUP].search(
            [("name", "=", "Mantelzorg"), ("network_id", "=", self.network_a.id)]
        )
        self.assertRedirect(answer, f"{self.url_a}/groups/{group.id}")
        self.assertEqual(group.network_id, self.network_a)
        # sent twice: one group
        self.post(f"{self.url_a}/groups/new", data)
        self.assertEqual(
            len(
                self.env[GROUP].search(
                    [
                        ("name", "=", "Mantelzorg"),
                        ("network_id", "=", self.network_a.id),
                    ]
                )
            ),
            1,
        )

    def test_bad_input_gives_a_message_and_creates_nothing(self):
        self.login(self.core_user)
        count = self.env[GROUP].search_count([])
        for data in (
            {},
            {"name": ""},
            {"name": "Goed"},
            {"description": "Alleen een beschrijving"},
            {"name": "   ", "description": "Lege naam"},
            {"name": "x" * 5000, "description": "Te lang"},
            {"name": "Goed", "description": "y" * 5000},
            {"name": "<script>alert(1)</script>", "description": "Script"},
            {"name": "Goed", "description": '"><img src=x onerror=alert(1)>'},
            {"name": "Werkgroep Wonen", "description": "ok", "network_id": "2"},
        ):
            with self.subTest(data=str(data)[:40]):
                answer = self.post(f"{self.url_a}/groups/new", data)
                if data.get("name") == "Werkgroep Wonen":
                    # another network's name is free here; network_id is ignored
                    continue
                self.assertEqual(answer.status_code, 200)
                self.assertIn("o_pn_error", answer.text)
                self.assertNotIn("<script>alert(1)</script>", answer.text)
        created = self.env[GROUP].search([("id", ">", self.group_b.id)])
        self.assertEqual(created.network_id, self.network_a)
        self.assertEqual(self.env[GROUP].search_count([]), count + 1)

    def test_only_the_core_group_forms_groups(self):
        for user in (self.member_user, self.core_b_user, self.outsider_user):
            with self.subTest(user=user.login):
                self.login(user)
                self.assertEqual(self.get(f"{self.url_a}/groups/new").status_code, 403)
                answer = self.post(
                    f"{self.url_a}/groups/new",
                    {"name": "Stiekem", "description": "Zonder recht."},
                )
                self.assertEqual(answer.status_code, 403)
        self.assertFalse(self.env[GROUP].search([("name", "=", "Stiekem")]))
