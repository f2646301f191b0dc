# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The holes an outside probe found (issue 7), each with the attack that found it."""

import json

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import OTHER_NETWORK_EMAIL, OTHER_NETWORK_NAME, TEST_TZ
from .portal_common import PartyNetworkPortalCommon


class HardeningCommon(PartyNetworkPortalCommon):
    def json_rpc(self, url, params):
        response = self.opener.post(
            self.base_url() + url,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"},
            timeout=12,
        )
        self.assertLess(response.status_code, 500, response.text[:300])
        return response

    def call_kw(self, model, method, args, kwargs=None):
        return self.json_rpc(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        ).json()


@tagged("post_install", "-at_install")
class TestCoInitiatorInvitation(HardeningCommon, HttpCase):
    """Hole 1: an application's co-initiators were an e-mail → name oracle and
    became initiators without agreeing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Esther is a party member, member of network B without consent
        cls.esther_user = cls.env["res.users"].create(
            {
                "login": "pn_esther",
                "tz": TEST_TZ,
                "password": "pn_esther",
                "partner_id": cls.esther.id,
                "groups_id": [Command.set(cls.env.ref("base.group_portal").ids)],
            }
        )

    def _apply(self):
        self.login(self.member_user)
        self.env["mail.mail"].search([]).unlink()
        response = self.post(
            "/my/networks/apply",
            {
                "name": "Themanetwerk Oracle",
                "network_type": "theme",
                "goal": "Uitzoeken wie achter een adres zit.",
                "co_initiators": f"{OTHER_NETWORK_EMAIL}, niemand@example.nl",
            },
        )
        network = self.env["party.network"].search(
            [("name", "=", "Themanetwerk Oracle")]
        )
        self.assertRedirect(response, f"/my/networks/{network.id}")
        return network

    def test_addresses_reveal_no_names_and_make_no_initiators(self):
        network = self._apply()
        self.assertEqual(network.initiator_partner_ids, self.member_user.partner_id)
        page = self.get(f"/my/networks/{network.id}")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn(OTHER_NETWORK_NAME, page.text)
        # the matched and the unmatched address look the same
        self.assertIn(OTHER_NETWORK_EMAIL, page.text)
        self.assertIn("niemand@example.nl", page.text)
        self.assertEqual(page.text.count(">Invited<"), 2)
        # the founding plan (and its intended core group) is not there yet
        self.assertEqual(self.get(f"/my/networks/{network.id}/plan").status_code, 404)
        # the matched address, and only that one, got a private invitation
        mails = self.env["mail.mail"].search(
            [("subject", "=", "Invitation to apply together for Themanetwerk Oracle")]
        )
        self.assertEqual(mails.recipient_ids, self.esther)
        self.assertFalse(mails.model)
        # over RPC the applicant reads the typed address, never the partner behind it
        invitations = network.invitation_ids.with_user(self.member_user)
        self.assertEqual(len(invitations.search([])), 2)
        with self.assertRaises(AccessError):
            invitations.read(["partner_id"])

    def test_invited_member_accepts_in_the_portal(self):
        network = self._apply()
        invitation = network.invitation_ids.filtered("partner_id")
        # nobody else can answer it
        self.login(self.outsider_user)
        response = self.post(f"/my/networks/invitations/{invitation.id}/accept")
        self.assertEqual(response.status_code, 404)
        self.login(self.member_user)
        response = self.post(f"/my/networks/invitations/{invitation.id}/accept")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(network.initiator_partner_ids, self.member_user.partner_id)
        # the invited member sees it on their own page and accepts
        self.login(self.esther_user)
        page = self.get("/my/networks")
        self.assertIn("Themanetwerk Oracle", page.text)
        self.assertIn("o_pn_invitation_accept", page.text)
        response = self.post(f"/my/networks/invitations/{invitation.id}/accept")
        self.assertRedirect(response, "notice=invitation_accepted")
        self.assertEqual(
            network.initiator_partner_ids, self.member_user.partner_id | self.esther
        )
        self.assertEqual(invitation.state, "accepted")
        # a second answer changes nothing
        response = self.post(f"/my/networks/invitations/{invitation.id}/decline")
        self.assertEqual(response.status_code, 200)
        self.assertIn("already answered", response.text)
        self.assertEqual(invitation.state, "accepted")

    def test_declined_invitation_looks_like_an_open_one(self):
        network = self._apply()
        invitation = network.invitation_ids.filtered("partner_id")
        self.login(self.esther_user)
        response = self.post(f"/my/networks/invitations/{invitation.id}/decline")
        self.assertRedirect(response, "notice=invitation_declined")
        self.assertEqual(invitation.state, "declined")
        self.assertEqual(network.initiator_partner_ids, self.member_user.partner_id)
        self.login(self.member_user)
        page = self.get(f"/my/networks/{network.id}")
        self.assertEqual(page.text.count(">Invited<"), 2)


@tagged("post_install", "-at_install")
class TestNoPortalTokens(HardeningCommon, HttpCase):
    """Hole 2: a reader minted a portal token and, anonymously, read the followers
    and posted on the network's chatter."""

    # the refusals are logged by odoo.http as they should be
    @mute_logger("odoo.http")
    def test_no_token_over_rpc(self):
        self.login(self.member_user)
        for method, kwargs in (("get_portal_url", {}), ("read", {"fields": []})):
            kwargs = kwargs or {}
            if method == "read":
                kwargs = {"fields": ["access_token"]}
            result = self.call_kw(
                "party.network", method, [[self.network_a.id]], kwargs
            )
            self.assertIn("error", result, method)
        self.assertFalse(self.network_a.access_token)

    def test_a_token_opens_no_chatter(self):
        # even a token that exists (set by hand) gives the anonymous visitor nothing
        self.network_a.sudo().access_token = "a-token-from-before"
        messages = self.env["mail.message"].search_count([])
        self.login(None)
        response = self.json_rpc(
            "/mail/message/post",
            {
                "thread_model": "party.network",
                "thread_id": self.network_a.id,
                "post_data": {"body": "Anonymous note", "message_type": "comment"},
                "token": "a-token-from-before",
            },
        )
        self.assertIn("error", response.json())
        self.assertEqual(self.env["mail.message"].search_count([]), messages)
        public = self.env.ref("base.public_user")
        Network = self.env["party.network"].with_user(public)
        self.assertFalse(
            Network._get_thread_with_access(
                self.network_a.id, token="a-token-from-before"
            )
        )


@tagged("post_install", "-at_install")
class TestMessageReplyTo(HardeningCommon, HttpCase):
    """Hole 3: replies to "message all members" went to the core member's mailbox."""

    def test_form_says_where_replies_go(self):
        self.login(self.core_user)
        page = self.get(f"/my/networks/{self.network_a.id}/message")
        self.assertIn("o_pn_reply_to", page.text)
        self.assertIn("netwerken@partij.example.nl", page.text)
        self.assertNotIn(self.core_user.email, page.text)


@tagged("post_install", "-at_install")
class TestFreeTextInput(HardeningCommon, HttpCase):
    """Hole 4 (NUL bytes answered 500) and hole 5 (checkbox values that mean no)."""

    def test_nul_in_searches_and_forms(self):
        self.login(self.core_user)
        for url in (
            "/my/networks/browse?search=%00",
            f"/my/networks/{self.network_a.id}/members?search=a%00b",
            f"/my/networks/{self.network_a.id}/members.csv?search=%00",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.get(url).status_code, 200)
        self.login(self.member_user)
        networks = self.env["party.network"].search_count([])
        response = self.post(
            "/my/networks/apply",
            {
                "name": "Netwerk\x00Nul",
                "network_type": "theme",
                "goal": "Doel",
                "co_initiators": "a\x00b@example.nl, \x00",
            },
        )
        self.assertLess(response.status_code, 500)
        network = self.env["party.network"].search([("name", "=", "NetwerkNul")])
        self.assertEqual(network.invitation_ids.mapped("email"), ["ab@example.nl"])
        self.assertEqual(self.env["party.network"].search_count([]), networks + 1)

    def test_checkbox_values_that_mean_no(self):
        self.login(self.outsider_user)
        self.outsider_user.partner_id.is_party_member = True
        for value in ("0", "false", "off", "no", "", "yes please"):
            with self.subTest(value=value):
                response = self.post(
                    f"/my/networks/{self.network_a.id}/join",
                    {"goal_endorsed": value, "consent_data_sharing": "on"},
                )
                self.assertEqual(response.status_code, 200, "not endorsed: refused")
                self.assertFalse(
                    self.active_memberships(
                        self.network_a, self.outsider_user.partner_id
                    )
                )
        for value in ("0", "false", "off", "no"):
            with self.subTest(value=value):
                response = self.post(
                    f"/my/networks/{self.network_a.id}/join",
                    {"goal_endorsed": "on", "consent_data_sharing": value},
                )
                self.assertRedirect(response, "notice=joined")
                membership = self.active_memberships(
                    self.network_a, self.outsider_user.partner_id
                )
                self.assertFalse(membership.consent_data_sharing)
                self.post(f"/my/networks/{self.network_a.id}/leave")
        self.login(self.member_user)
        membership = self.m_member
        self.assertTrue(membership.consent_data_sharing)
        self.post(
            f"/my/networks/{self.network_a.id}/consent", {"consent_data_sharing": "0"}
        )
        self.assertFalse(membership.consent_data_sharing)


@tagged("post_install", "-at_install")
class TestBoardAppoints(HardeningCommon, HttpCase):
    """Hole 6: the office appointed core-group members without the board."""

    def _seat(self, **vals):
        return {
            "network_id": self.network_a.id,
            "partner_id": self.anna.id,
            "requirements_met": True,
            "date_start": self.today,
            **vals,
        }

    def test_office_cannot_appoint(self):
        Seat = self.env["party.network.core.member"].with_user(self.office_user)
        with self.assertRaises(AccessError):
            Seat.create(self._seat(state="appointed"))
        proposed = Seat.create(self._seat())
        self.assertEqual(proposed.state, "proposed")
        with self.assertRaises(AccessError):
            proposed.write({"state": "appointed"})
        with self.assertRaises(AccessError):
            proposed.action_appoint(term_months=12)
        ended = self.core_a.sudo()
        ended.action_end()
        with self.assertRaises(AccessError):
            ended.with_user(self.office_user).write({"state": "appointed"})
        # nor lengthen a running term; shortening it is fine
        seat = (
            self.env["party.network.core.member"]
            .browse(self.core_a_internal.id)
            .with_user(self.office_user)
        )
        with self.assertRaises(AccessError):
            seat.write({"date_end": seat.date_end + relativedelta(years=5)})
        with self.assertRaises(AccessError):
            seat.write({"date_end": False})
        seat.write({"date_end": seat.date_end - relativedelta(days=1)})

    def test_board_appoints(self):
        Seat = self.env["party.network.core.member"].with_user(self.board_user)
        seat = Seat.create(self._seat())
        seat.action_appoint(term_months=12)
        self.assertEqual(seat.state, "appointed")
        self.assertTrue(seat.has_data_access)


@tagged("post_install", "-at_install")
class TestSmallerHoles(HardeningCommon, HttpCase):
    """Hole 7: self-subscription, settings values, the avatar route, seat details."""

    # the refusals are logged by odoo.http as they should be
    @mute_logger("odoo.http")
    def test_no_self_subscription(self):
        me = self.member_user.partner_id.id
        self.login(self.member_user)
        for model, record in (
            ("party.network.membership", self.m_member),
            ("party.network", self.network_a),
        ):
            with self.subTest(model=model):
                result = self.call_kw(model, "message_subscribe", [[record.id], [me]])
                self.assertIn("error", result)
                self.assertNotIn(
                    self.member_user.partner_id, record.message_partner_ids
                )
        # an internal core member may read consenting memberships, not follow them
        with self.assertRaises(AccessError):
            self.m_anna.with_user(self.core_internal_user).message_subscribe(
                [self.core_internal_user.partner_id.id]
            )
        with self.assertRaises(AccessError):
            self.core_a.with_user(self.core_user).message_subscribe(
                [self.core_user.partner_id.id]
            )

    # the refusals are logged by odoo.http as they should be
    @mute_logger("odoo.http")
    def test_settings_values_are_not_readable(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "partijnetwerken.intake_closed_message", "Geheim bericht"
        )
        self.login(self.member_user)
        result = self.call_kw("res.config.settings", "default_get", [[]])
        self.assertIn("error", result)
        self.assertNotIn("Geheim bericht", json.dumps(result))

    @mute_logger("odoo.http")
    def test_avatar_of_a_membership_message(self):
        self.m_anna.sudo().message_post(body="Notitie", subtype_xmlid="mail.mt_note")
        message = self.m_anna.sudo().message_ids[:1]
        for user in (None, self.core_user):
            self.login(user)
            response = self.get(
                f"/mail/avatar/mail.message/{message.id}/author_avatar/50x50"
                f"?_hash=abc&pid={self.anna.id}"
            )
            self.assertLess(response.status_code, 500)

    def test_seat_details_only_for_the_core_group(self):
        self.login(self.outsider_user)
        result = self.call_kw(
            "party.network.core.member",
            "search_read",
            [[("network_id", "=", self.network_a.id)]],
            {"fields": ["requirements_met", "date_end", "governance_experience"]},
        )
        self.assertEqual(result.get("result"), [])
        # the network page still shows the core group's names and roles
        page = self.get(f"/my/networks/{self.network_a.id}")
        self.assertIn(self.core_user.name, page.text)
