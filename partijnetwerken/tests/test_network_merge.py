# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PartyNetworkLifecycleCase


@tagged("post_install", "-at_install")
class TestNetworkMerge(PartyNetworkLifecycleCase):
    """Themes that lie close together are merged into one network."""

    def _active(self, network):
        return self.env["party.network.membership"].search(
            [("network_id", "=", network.id), ("state", "=", "active")]
        )

    def test_merge_moves_members_without_duplicates_keeping_consent(self):
        # Daan is a member of both; Esther left A before and did not consent in B
        daan_in_a = self._join(self.network_a, self.daan, consent=False)
        esther_left_a = self._join(self.network_a, self.esther, consent=True)
        esther_left_a.action_leave()
        source, target = self.network_b, self.network_a
        before = self._active(target)

        wizard = (
            self.env["party.network.merge"]
            .with_user(self.board_user)
            .with_context(**source.action_open_merge_wizard()["context"])
            .create(
                {"target_id": target.id, "note": "Jongeren en zorg versterken elkaar."}
            )
        )
        self.assertEqual(wizard.network_ids, source)
        action = wizard.action_confirm()
        self.assertEqual(action["res_id"], target.id)

        self.assertEqual(source.state, "merged")
        self.assertEqual(source.merged_into_id, target)
        self.assertFalse(self._active(source))
        self.assertEqual(set(self.m_daan.mapped("state")), {"left"})
        self.assertEqual(self.m_esther.state, "left")
        self.assertEqual(self.m_esther.date_left, self.today)

        after = self._active(target)
        self.assertEqual(len(after), len(before) + 1, "only Esther is new")
        self.assertEqual(after.filtered(lambda m: m.partner_id == self.daan), daan_in_a)
        self.assertFalse(daan_in_a.consent_data_sharing, "the choice made in A stands")
        esther = after.filtered(lambda m: m.partner_id == self.esther)
        self.assertEqual(len(esther), 1)
        self.assertFalse(esther.consent_data_sharing, "no consent in B, none in A")
        self.assertTrue(esther.goal_endorsed)
        self.assertEqual(esther.consent_channel, "merge")
        self.assertEqual(esther_left_a.state, "left", "history kept")

        self.assertEqual(self.core_b.state, "ended", "the merged core group ends")
        for network in (source, target):
            note = network.message_ids.filtered(
                lambda m: "Jongeren en zorg versterken elkaar." in (m.body or "")
            )
            with self.subTest(network=network.name):
                self.assertEqual(len(note), 1)
                self.assertIn("1 members moved, 1 were members", note.body)

    def test_merge_keeps_consent_given(self):
        self.network_b.with_user(self.board_user)._merge_into(self.network_a)
        self.assertNotIn("Moved along", self.network_a.message_ids[:1].body)
        daan = self._active(self.network_a).filtered(
            lambda m: m.partner_id == self.daan
        )
        self.assertTrue(daan.consent_data_sharing)
        self.assertEqual(daan.consent_date, self.m_daan.consent_date)
        # the core group of A now sees Daan, who consented in B
        visible = (
            self.env["party.network.membership"]
            .with_user(self.core_user)
            .search([("network_id", "=", self.network_a.id)])
        )
        self.assertIn(daan, visible)

    def test_merge_application_into_network(self):
        application = self.application
        application.with_user(self.office_user).action_start_intake()
        self.assertTrue(application.activity_ids)
        application.with_user(self.office_user)._merge_into(self.network_a)
        self.assertEqual(application.state, "merged")
        self.assertEqual(application.merged_into_id, self.network_a)
        self.assertFalse(application.activity_ids, "nothing left to do on it")
        self.assertTrue(
            self.founders[:2] <= self.network_a.initiator_partner_ids,
            "the initiators join forces with the target",
        )

    def test_merge_needs_open_networks(self):
        merger = self.application.with_user(self.office_user)
        with self.assertRaises(UserError):
            merger._merge_into(self.application)
        self.network_b.state = "closed"
        with self.assertRaises(UserError):
            merger._merge_into(self.network_b)
        merger._merge_into(self.network_a)
        with self.assertRaises(UserError):
            merger._merge_into(self.network_a)

    def test_merge_moves_working_groups_along_with_their_members(self):
        WorkingGroup = self.env["party.network.working.group"]
        daan_in_a = self._join(self.network_a, self.daan, consent=False)
        care = WorkingGroup.create(
            {
                "network_id": self.network_b.id,
                "name": "Zorg dichtbij",
                "membership_ids": [Command.set((self.m_daan | self.m_esther).ids)],
            }
        )
        done = WorkingGroup.create(
            {
                "network_id": self.network_b.id,
                "name": "Verkiezingen 2025",
                "membership_ids": [Command.set(self.m_esther.ids)],
            }
        )
        done.action_archive()
        own = WorkingGroup.create(
            {
                "network_id": self.network_a.id,
                "name": "Eigen groep",
                "membership_ids": [Command.set(daan_in_a.ids)],
            }
        )
        # tracking leaves out writes in the transaction that created the record
        self.env.flush_all()
        self.cr.flush()
        self.network_b.with_user(self.board_user)._merge_into(self.network_a)
        self.env.flush_all()
        self.cr.flush()

        active = self._active(self.network_a)
        esther_in_a = active.filtered(lambda m: m.partner_id == self.esther)
        self.assertEqual(care.network_id, self.network_a)
        self.assertEqual(
            care.membership_ids,
            daan_in_a | esther_in_a,
            "Daan with his membership of A, Esther with her new one",
        )
        self.assertEqual(care.member_count, 2)
        self.assertEqual(done.network_id, self.network_a, "archived groups go too")
        self.assertFalse(done.active)
        self.assertEqual(done.membership_ids, esther_in_a)
        self.assertEqual(own.membership_ids, daan_in_a, "the target's own group stays")
        self.assertFalse(self.m_daan.working_group_ids, "the old memberships left")
        # the group's chatter tells where it came from
        self.assertIn(
            self.network_b.name,
            care.message_ids.tracking_value_ids.mapped("old_value_char"),
        )
        # the core group of A sees the group on its network now, through its gate
        visible = (
            WorkingGroup.with_user(self.core_user)
            .search([("network_id", "=", self.network_a.id)])
            .mapped("name")
        )
        self.assertEqual(sorted(visible), ["Eigen groep", "Zorg dichtbij"])
        self.assertIn(
            "Moved along: 0 activities still to come, 2 working groups.",
            self.network_a.message_ids[:1].body,
        )

    def test_merge_moves_activities_to_come_with_their_registrations(self):
        now = fields.Datetime.now()

        def event(name, days):
            return self.env["event.event"].create(
                {
                    "name": name,
                    "network_id": self.network_b.id,
                    "date_begin": now + timedelta(days=days),
                    "date_end": now + timedelta(days=days, hours=2),
                }
            )

        coming, past = event("Zorgdebat", 10), event("Terugblik", -10)
        Registration = self.env["event.registration"]
        for activity in (coming, past):
            Registration.create(
                {"event_id": activity.id, "partner_id": self.esther.id, "state": "open"}
            )
        pledge = self.env["party.network.contribution"].create(
            {
                "network_id": self.network_b.id,
                "event_id": coming.id,
                "partner_id": self.daan.id,
                "amount": 15,
            }
        )
        general = self.env["party.network.contribution"].create(
            {"network_id": self.network_b.id, "partner_id": self.daan.id, "amount": 5}
        )
        self.network_b.with_user(self.board_user)._merge_into(self.network_a)

        self.assertEqual(coming.network_id, self.network_a)
        self.assertEqual(
            coming.registration_ids.mapped("state"),
            ["open"],
            "Esther, now a member of A, stays registered",
        )
        self.assertEqual(past.network_id, self.network_b, "history stays where it was")
        self.assertEqual(past.registration_ids.mapped("state"), ["open"])
        self.assertEqual(pledge.network_id, self.network_a, "it goes with its activity")
        self.assertEqual(general.network_id, self.network_b)
        self.assertIn(coming, self.network_a.event_ids)
        # both chatters say what came along
        for network in (self.network_a, self.network_b):
            with self.subTest(network=network.name):
                self.assertIn(
                    "Moved along: 1 activities still to come, 0 working groups.",
                    network.message_ids[:1].body,
                )
