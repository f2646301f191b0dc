# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .website_common import PartyNetworkWebsiteCommon


@tagged("post_install", "-at_install")
class TestWebsiteAccess(PartyNetworkWebsiteCommon, HttpCase):
    """Public read is an access line plus a rule on published active networks and
    their published advice; nothing else of the networks or their members."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.public_user = cls.env.ref("base.public_user")

    def test_network_rule_public_reads_published_active_networks_only(self):
        Network = self.env["party.network"].with_user(self.public_user)
        found = Network.search([("id", "in", (self.network_a | self.network_b).ids)])
        self.assertEqual(found, self.network_a)
        self.assertEqual(found.name, self.network_a.name)
        with self.assertRaises(AccessError):
            Network.browse(self.network_b.id).read(["name"])
        # closing takes the network off the website at once
        self.network_a.state = "closed"
        self.assertFalse(Network.search([("id", "=", self.network_a.id)]))

    def test_network_rule_members_and_staff_keep_their_own_access(self):
        for user in (self.outsider_user, self.internal_user, self.member_user):
            with self.subTest(user=user.login):
                Network = self.env["party.network"].with_user(user)
                # the active networks they read already, plus nothing new
                self.assertEqual(
                    Network.search(
                        [("id", "in", (self.network_a | self.application).ids)]
                    ),
                    self.network_a,
                )

    def test_public_reads_nothing_about_members(self):
        for model in (
            "party.network.membership",
            "party.network.core.member",
            "party.network.consent",
            "party.network.contribution",
            "event.registration",
        ):
            with self.subTest(model=model):
                self.assertFalse(
                    self.env[model].with_user(self.public_user).has_access("read")
                )
        Network = self.env["party.network"].with_user(self.public_user)
        network = Network.browse(self.network_a.id)
        for field in ("membership_ids", "initiator_partner_ids", "invitation_ids"):
            with self.subTest(field=field), self.assertRaises(AccessError):
                network.read([field])
        self.assertEqual(network.public_member_count, 0)

    def test_advice_rule_public_reads_published_sent_advice_only(self):
        Advice = self.env["party.network.advice"].with_user(self.public_user)
        self.assertEqual(
            Advice.search([("network_id", "=", self.network_a.id)]), self.advice
        )
        with self.assertRaises(AccessError):
            Advice.browse(self.draft.id).read(["name"])
        # an unpublished network takes its advice along
        self.network_a.is_published = False
        self.assertFalse(Advice.search([("network_id", "=", self.network_a.id)]))

    def test_advice_rule_members_of_other_networks_read_published_advice(self):
        Advice = self.env["party.network.advice"].with_user(self.core_b_user)
        self.assertEqual(
            Advice.search([("network_id", "=", self.network_a.id)]), self.advice
        )
        self.assertFalse(Advice.search([("id", "=", self.draft.id)]))

    def test_core_member_opts_in_on_their_own_seat(self):
        self.core_a.show_on_website = False
        self.login(self.core_user)
        page = self.get("/my/networks")
        self.assertIn("o_pn_show_on_website", page.text)
        url = f"/my/networks/{self.network_a.id}/core/website"
        self.assertEqual(
            self.post(url, {"show_on_website": "on"}, csrf=False).status_code, 400
        )
        self.assertFalse(self.core_a.show_on_website)
        self.assertRedirect(self.post(url, {"show_on_website": "on"}), "website_shown")
        self.assertTrue(self.core_a.show_on_website)
        self.assertRedirect(self.post(url, {}), "website_hidden")
        self.assertFalse(self.core_a.show_on_website)
        # another network's seat, an unknown network: not found
        self.assertEqual(
            self.post(f"/my/networks/{self.network_b.id}/core/website", {}).status_code,
            404,
        )
        self.assertEqual(
            self.post("/my/networks/99999999999/core/website", {}).status_code, 404
        )
        self.assertFalse(self.core_b.show_on_website)

    def test_plain_member_has_no_seat_to_show(self):
        self.login(self.member_user)
        response = self.post(
            f"/my/networks/{self.network_a.id}/core/website", {"show_on_website": "on"}
        )
        self.assertEqual(response.status_code, 404)
        self.login(None)
        response = self.post(
            f"/my/networks/{self.network_a.id}/core/website", {"show_on_website": "on"}
        )
        self.assertLoginRedirect(response)

    def test_event_staff_fields_stay_with_event_staff(self):
        """website_event lets every internal user read every event, and portal
        users the published ones: who registered and the meeting link do not
        come with that."""
        self.event_a.network_online_url = "https://meet.example.nl/geheim"
        for user in (self.outsider_user, self.internal_user, self.core_internal_user):
            Event = self.env["event.event"].with_user(user)
            with self.subTest(user=user.login):
                self.assertEqual(
                    Event.search([("id", "=", self.event_a.id)]).name, self.event_a.name
                )
                for field in ("registration_ids", "network_online_url"):
                    with self.assertRaises(AccessError):
                        Event.search_read([("id", "=", self.event_a.id)], [field])
        self.assertEqual(
            self.env["event.event"]
            .with_user(self.office_user)
            .browse(self.event_a.id)
            .network_online_url,
            "https://meet.example.nl/geheim",
        )

    def test_public_reads_no_chatter(self):
        self.network_a.message_post(
            body="Bericht voor de kerngroep", message_type="comment"
        )
        for record in (self.network_a, self.advice):
            Model = self.env[record._name].with_user(self.public_user)
            with self.subTest(model=record._name):
                self.assertTrue(Model.search([("id", "=", record.id)]))
                self.assertFalse(Model._get_thread_with_access(record.id))
        self.login(None)
        response = self.url_open(
            "/mail/thread/data",
            data=json.dumps(
                {
                    "params": {
                        "thread_model": "party.network",
                        "thread_id": self.network_a.id,
                        "request_list": ["followers", "attachments", "activities"],
                    }
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertNotIn("Bericht voor de kerngroep", response.text)
        self.assertNotIn(self.core_user.name, response.text)
