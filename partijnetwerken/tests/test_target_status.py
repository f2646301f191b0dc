# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.tests import tagged

from .common import PartyNetworkCase

# The fields of the networks list (status and province count included).
LIST_SPEC = {
    name: {}
    for name in (
        "name",
        "network_type",
        "state",
        "member_count",
        "target_member_count",
        "target_progress",
        "target_status",
        "province_count",
        "date_start",
        "target_date",
        "next_evaluation_date",
    )
}
# Queries of one warm read of the networks list by the party office, whatever the
# number of networks (measured with 5 and 50). Two since the member count is stored.
PINNED_LIST_QUERIES = 2
PINNED_BEHIND_FILTER_QUERIES = 4


@tagged("post_install", "-at_install")
class TestTargetStatus(PartyNetworkCase):
    """The member target of a network, for the reading day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start = cls.today - relativedelta(months=6)
        cls.network = cls.env["party.network"].create(
            {
                "name": "Themanetwerk Cultuur",
                "state": "active",
                "date_start": cls.start,
                "target_member_count": 10,
            }
        )
        cls.provinces = [
            cls.env.ref(f"base.state_nl_{code}") for code in ("ut", "gr", "nh", "zh")
        ]

    def _add_members(self, network, count, province=None):
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"Lid {network.id}-{i}",
                    "is_party_member": True,
                    "state_id": (province or self.provinces[i % 4]).id,
                }
                for i in range(count)
            ]
        )
        return self.env["party.network.membership"].create(
            [
                {"network_id": network.id, "partner_id": p.id, "goal_endorsed": True}
                for p in partners
            ]
        )

    def _status(self, network=None):
        network = network or self.network
        network.invalidate_recordset(["member_count", "target_status"])
        return network.target_status

    def test_behind_and_on_track_halfway(self):
        self._add_members(self.network, 3)
        # early on, three members are on track; halfway they are behind
        with freeze_time(self.start + relativedelta(months=1)):
            self.assertEqual(self._status(), "on_track")
        halfway = self.start + relativedelta(months=6)
        with freeze_time(halfway):
            self.assertEqual(self._status(), "behind")
        self._add_members(self.network, 3)
        with freeze_time(halfway):
            self.assertEqual(self._status(), "on_track")
            self.assertAlmostEqual(self.network.target_progress, 60.0)

    def test_reached_before_and_after_the_target_date(self):
        self._add_members(self.network, 10)
        with freeze_time(self.start + relativedelta(months=3)):
            self.assertEqual(self._status(), "reached")
        with freeze_time(self.start + relativedelta(months=18)):
            self.assertEqual(self._status(), "reached")

    def test_missed_the_day_after_the_target_date(self):
        self._add_members(self.network, 9)
        target_date = self.network.target_date
        self.assertEqual(target_date, self.start + relativedelta(months=12))
        with freeze_time(target_date):
            self.assertEqual(self._status(), "behind")
        with freeze_time(target_date + relativedelta(days=1)):
            self.assertEqual(self._status(), "missed")

    def test_no_status_before_the_network_is_active(self):
        application = self.env["party.network"].create(
            {"name": "Themanetwerk Sport", "state": "intake"}
        )
        self.assertFalse(self._status(application))
        self.assertEqual(application.target_progress, 0.0)

    def test_behind_is_a_filter(self):
        self._add_members(self.network, 1)
        on_track = self.env["party.network"].create(
            {
                "name": "Themanetwerk Wetenschap",
                "state": "active",
                "date_start": self.today,
                "target_member_count": 10,
            }
        )
        with freeze_time(self.start + relativedelta(months=6)):
            Network = self.env["party.network"].with_user(self.office_user)
            behind = Network.search([("target_status", "=", "behind")])
            self.assertIn(self.network, behind)
            self.assertNotIn(on_track, behind)
            self.assertIn(
                on_track, Network.search([("target_status", "=", "on_track")])
            )
            self.assertNotIn(
                self.network, Network.search([("target_status", "!=", "behind")])
            )
            self.assertIn(
                self.network,
                Network.search([("target_status", "in", ["behind", "missed"])]),
            )
            # a network without status: neither behind nor on track
            application = Network.create({"name": "Themanetwerk Sport"})
            self.assertIn(application, Network.search([("target_status", "=", False)]))
            self.assertNotIn(
                self.network, Network.search([("target_status", "=", False)])
            )

    def test_province_count_of_active_members(self):
        memberships = self._add_members(self.network, 6)
        other = self._add_members(self.network_b, 2, province=self.provinces[0])
        networks = self.network | self.network_b
        networks.invalidate_recordset(["province_count"])
        self.assertEqual(self.network.province_count, 4)
        self.assertEqual(self.network_b.province_count, 1)
        # members who left, or without a province, do not count
        memberships.filtered(
            lambda m: m.partner_id.state_id == self.provinces[3]
        ).write({"state": "left"})
        other.partner_id.state_id = False
        networks.invalidate_recordset(["province_count"])
        self.assertEqual(self.network.province_count, 3)
        self.assertEqual(self.network_b.province_count, 0)

    def test_behind_reminder_once_three_months_ahead(self):
        self._add_members(self.network, 2)
        coordinator = self.office_user
        self.env["ir.config_parameter"].set_param(
            "partijnetwerken.coordinator_email", coordinator.email
        )
        activity_type = self.env.ref("partijnetwerken.mail_activity_type_target_behind")
        target_date = self.network.target_date
        with freeze_time(target_date - relativedelta(months=4)):
            self.env["party.network"]._cron_target_reminders()
        self.assertFalse(self.network.activity_ids)
        with freeze_time(target_date - relativedelta(months=3)):
            self.env["party.network"]._cron_target_reminders()
            self.env["party.network"]._cron_target_reminders()
        activities = self.network.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, coordinator)
        self.assertTrue(self.network.target_reminder_date)
        # done, it does not come back for the same target date
        activities.action_feedback()
        with freeze_time(target_date - relativedelta(months=2)):
            self.env["party.network"]._cron_target_reminders()
        self.assertFalse(self.network.activity_ids)

    def test_no_reminder_when_on_track(self):
        self._add_members(self.network, 9)
        with freeze_time(self.network.target_date - relativedelta(months=3)):
            self.env["party.network"]._cron_target_reminders()
        self.assertFalse(self.network.activity_ids)

    def _list_queries(self, domain):
        Network = self.env["party.network"].with_user(self.office_user)
        Network.web_search_read(domain, LIST_SPEC)
        self.env.invalidate_all()
        self.env.flush_all()
        before = self.cr.sql_log_count
        result = Network.web_search_read(domain, LIST_SPEC)
        return self.cr.sql_log_count - before, result

    def _add_networks(self, count, start=0):
        networks = self.env["party.network"].create(
            [
                {
                    "name": f"Netwerk {i:03d}",
                    "state": "active",
                    "date_start": self.today - relativedelta(months=i % 14),
                    "target_member_count": 4,
                }
                for i in range(start, start + count)
            ]
        )
        for network in networks:
            self._add_members(network, 2)
        return networks

    def test_list_query_count_does_not_grow_with_networks(self):
        # the networks of this test only, whatever else the database holds (demo)
        own = [("name", "=like", "Netwerk %")]
        # started 7 to 11 months ago, with half their target: some are behind
        self._add_networks(5, start=7)
        with_5, result = self._list_queries(own)
        self.assertEqual(result["length"], 5)
        behind = [*own, ("target_status", "=", "behind")]
        behind_5, _result = self._list_queries(behind)
        self._add_networks(45, start=12)
        with_50, result = self._list_queries(own)
        self.assertEqual(result["length"], 50)
        self.assertTrue(all(row["province_count"] == 2 for row in result["records"]))
        behind_50, _result = self._list_queries(behind)
        self.assertEqual(with_5, with_50)
        self.assertEqual(behind_5, behind_50)
        self.assertEqual(with_50, PINNED_LIST_QUERIES)
        self.assertEqual(behind_50, PINNED_BEHIND_FILTER_QUERIES)
        Network = self.env["party.network"].with_user(self.office_user)
        self.env.invalidate_all()
        with self.assertQueryCount(PINNED_LIST_QUERIES):
            Network.web_search_read(own, LIST_SPEC)
