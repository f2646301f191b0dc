# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import psycopg2
from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PartyNetworkCase


@tagged("post_install", "-at_install")
class TestMembership(PartyNetworkCase):
    def test_one_active_membership_per_network(self):
        # the database refuses it, also for two concurrent joins that could not see
        # each other's row; over RPC this becomes a clear message
        # (test_security_rpc_privacy)
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self._join(self.network_a, self.anna, consent=False)
        # after leaving, joining again is allowed and the history is kept
        self.m_anna.action_leave()
        again = self._join(self.network_a, self.anna, consent=False)
        self.assertEqual(again.state, "active")
        self.assertEqual(self.m_anna.state, "left")
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.m_anna.state = "active"
                self.env.flush_all()

    def test_several_networks(self):
        membership = self._join(self.network_b, self.anna, consent=False)
        self.assertEqual(membership.state, "active")
        self.assertEqual(self.anna.with_user(self.office_user).network_count, 2)

    def test_goal_must_be_endorsed(self):
        with self.assertRaises(ValidationError):
            self.env["party.network.membership"].create(
                {"network_id": self.network_b.id, "partner_id": self.anna.id}
            )
        with self.assertRaises(ValidationError):
            self.network_b.with_user(self.member_user).action_join(goal_endorsed=False)

    def test_only_party_members_can_be_active(self):
        outsider = self.outsider_user.partner_id
        with self.assertRaises(ValidationError):
            self._join(self.network_a, outsider, consent=True)
        with self.assertRaises(UserError):
            self.network_a.with_user(self.outsider_user).action_join(goal_endorsed=True)
        self.assertFalse(
            self.env["party.network.membership"].search(
                [("partner_id", "=", outsider.id)]
            )
        )

    def test_join_as_member(self):
        user = self.core_b_user
        membership = self.network_a.with_user(user).action_join(
            goal_endorsed=True, consent_data_sharing=True
        )
        self.assertTrue(membership.is_own)
        self.assertTrue(membership.consent_data_sharing)
        self.assertTrue(membership.consent_date)
        # double submit: still one active membership
        again = self.network_a.with_user(user).action_join(goal_endorsed=True)
        self.assertEqual(again, membership)
        self.assertEqual(
            self.env["party.network.membership"].search_count(
                [
                    ("partner_id", "=", user.partner_id.id),
                    ("network_id", "=", self.network_a.id),
                    ("state", "=", "active"),
                ]
            ),
            1,
        )

    def test_join_requires_active_network(self):
        application = self.env["party.network"].create(
            {"name": "Themanetwerk Cultuur", "network_type": "theme"}
        )
        application.initiator_partner_ids = self.member_user.partner_id
        with self.assertRaises(UserError):
            application.with_user(self.member_user).action_join(goal_endorsed=True)

    def test_members_change_only_their_own_membership(self):
        with self.assertRaises(AccessError):
            self.m_anna.with_user(self.member_user).action_leave()
        with self.assertRaises(AccessError):
            self.m_anna.with_user(self.core_user).action_set_consent(False)
        self.assertEqual(self.m_anna.state, "active")
        self.assertTrue(self.m_anna.consent_data_sharing)
        # and cannot write directly
        with self.assertRaises(AccessError):
            self.m_member.with_user(self.member_user).write(
                {"consent_data_sharing": False}
            )

    def test_no_deletion_of_history(self):
        with self.assertRaises(UserError):
            self.m_carla.with_user(self.office_user).unlink()
        with self.assertRaises(UserError):
            self.core_a.with_user(self.office_user).unlink()
        self.assertTrue(self.m_carla.exists())
        self.assertTrue(self.core_a.exists())
        proposed = self.env["party.network.core.member"].create(
            {"network_id": self.network_b.id, "partner_id": self.anna.id}
        )
        proposed.with_user(self.office_user).unlink()
        self.assertFalse(proposed.exists())

    def test_never_leaves_before_joining(self):
        # the office in one time zone made the membership "tomorrow" for a member
        # who leaves in another one: the membership ends the day it started
        self.m_anna.date_joined = self.today + relativedelta(days=1)
        self.m_anna.with_user(self.office_user).action_leave()
        self.assertEqual(self.m_anna.state, "left")
        self.assertEqual(self.m_anna.date_left, self.m_anna.date_joined)
        self.m_bram.with_user(self.office_user).action_leave()
        self.assertEqual(self.m_bram.date_left, self.today)

    def test_every_consent_change_says_how(self):
        membership = self.network_b.with_user(self.member_user).action_join(
            goal_endorsed=True, consent_data_sharing=True
        )
        self.assertEqual(membership.sudo().consent_channel, "portal")
        membership.with_user(self.office_user).action_set_consent(False)
        self.assertEqual(membership.sudo().consent_channel, "office")
        self.assertFalse(membership.sudo().consent_data_sharing)
        self.m_member.with_user(self.member_user).action_set_consent(False)
        self.assertEqual(self.m_member.consent_channel, "portal")
        # the back-office form writes the field itself: the office's channel
        self.m_anna.with_user(self.office_user).consent_data_sharing = False
        self.assertEqual(self.m_anna.consent_channel, "office")

    def test_member_count_one_query(self):
        networks = self.network_a | self.network_b
        networks.invalidate_recordset(["member_count"])
        with self.assertQueryCount(1):
            counts = networks.mapped("member_count")
        self.assertEqual(counts, [3, 2])

    def test_member_count_is_stored_and_follows_the_memberships(self):
        """The count is stored for the portal's cards; joining, leaving and the
        office's own changes keep it right, read back from the database."""

        def stored_count(network):
            self.env.flush_all()
            self.env.cr.execute(
                "SELECT member_count FROM party_network WHERE id = %s", [network.id]
            )
            return self.env.cr.fetchone()[0]

        self.assertTrue(self.env["party.network"]._fields["member_count"].store)
        self.assertEqual(stored_count(self.network_a), 3)
        self.assertEqual(stored_count(self.network_b), 2)
        self.m_member.with_user(self.member_user).action_leave()
        self.assertEqual(stored_count(self.network_a), 2)
        self.network_a.with_user(self.member_user).action_join(
            goal_endorsed=True, consent_data_sharing=False
        )
        self.assertEqual(stored_count(self.network_a), 3)
        # the office ends a membership of the other network by hand
        self.network_b.sudo().membership_ids[:1].with_user(self.office_user).write(
            {"state": "left"}
        )
        self.assertEqual(stored_count(self.network_b), 1)
        self.assertEqual(stored_count(self.network_a), 3)


@tagged("post_install", "-at_install")
class TestMembershipHistory(PartyNetworkCase):
    """Joining, consent and leaving are kept in the membership's chatter."""

    def _tracked(self, membership, field):
        return membership.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == field
        )

    def test_consent_and_leaving_are_tracked_without_followers(self):
        user = self.core_b_user
        membership = self.network_a.with_user(user).action_join(goal_endorsed=True)
        self.env.flush_all()
        self.cr.flush()
        membership = membership.with_context(tracking_disable=False)
        membership.with_user(user).action_set_consent(True)
        membership.with_user(user).action_leave()
        self.env.flush_all()
        self.cr.flush()
        membership = membership.sudo()
        self.assertTrue(self._tracked(membership, "consent_data_sharing"))
        self.assertTrue(self._tracked(membership, "state"))
        # nobody follows a membership: no mail, and no list of members by followers
        self.assertFalse(membership.message_follower_ids)

    def test_core_member_reads_no_history_of_others(self):
        hidden = self.m_bram | self.m_daan | self.m_esther
        for membership in hidden | self.m_anna:
            membership.message_post(
                body="Gesprek gevoerd.", subtype_xmlid="mail.mt_comment"
            )
        domain = [("model", "=", "party.network.membership")]
        # not even about the consenting Anna: the history is the office's file
        for user in (self.core_user, self.core_internal_user, self.member_user):
            with self.subTest(user=user.login):
                Message = self.env["mail.message"].with_user(user)
                self.assertFalse(Message.search(domain))
                with self.assertRaises(AccessError):
                    self.m_anna.message_ids[:1].with_user(user).read(["body"])
        for user in (self.office_user, self.board_user):
            with self.subTest(user=user.login):
                seen = self.env["mail.message"].with_user(user).search(domain)
                self.assertTrue(
                    set((hidden | self.m_anna).ids) <= set(seen.mapped("res_id"))
                )
