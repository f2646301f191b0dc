# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo.tests import HttpCase, tagged

from .portal_common import PartyNetworkPortalCommon

_logger = logging.getLogger(__name__)

# Queries of one warm request, as a core-group member of network A. The counts
# must not depend on the number of members; these pin them so that a change
# that adds queries per page shows up. They are counted on CI's core database, with
# the demo data: there the party's company has an address, and the page reads
# its country and province (two queries that a database without demo skips).
PINNED_QUERY_COUNTS = {
    # the user's networks and seats of today are read once per request
    # (res.partner._pn_networks_of_role), not once per access check
    # the member's upcoming registrations and contributions (DESIGN §10.1, §10.3)
    "my_networks": 14,
    # the network's activities, working groups, contributions, advice (DESIGN §10)
    # an active network's page reads no founding plan (only founding ones show it)
    # the member count is stored, and the core group read with the names only
    "network": 23,
    # 12, plus the one INSERT of the access log (DESIGN §10.6)
    "members": 13,
    # twenty cards: their core groups, member counts and next activities, each
    # for the whole page at once
    "browse": 13,
    # one query over the shared fields of all rows, plus the access log's INSERT
    "members_csv": 8,
}


@tagged("post_install", "-at_install", "is_query_count")
class TestPortalQueryCounts(PartyNetworkPortalCommon, HttpCase):
    def _add_members(self, count):
        start = self.env["party.network.membership"].search_count(
            [("network_id", "=", self.network_a.id)]
        )
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"Lid {start + i:04d}",
                    "email": f"lid{start + i}@example.nl",
                    "phone": "+31 6 00000000",
                    "city": "Amersfoort",
                    "is_party_member": True,
                }
                for i in range(count)
            ]
        )
        self.env["party.network.membership"].create(
            [
                {
                    "network_id": self.network_a.id,
                    "partner_id": partner.id,
                    "goal_endorsed": True,
                    "consent_data_sharing": i % 3 != 0,
                }
                for i, partner in enumerate(partners)
            ]
        )

    def _member_count(self):
        self.network_a.invalidate_recordset(["member_count"])
        return self.network_a.member_count

    def _urls(self):
        url_a = f"/my/networks/{self.network_a.id}"
        return {
            "my_networks": "/my/networks",
            "network": url_a,
            "members": f"{url_a}/members",
            "members_csv": f"{url_a}/members.csv",
            "browse": "/my/networks/browse",
        }

    def _measure(self):
        """Queries per page, after a warm-up request of each."""
        counts = {}
        for key, url in self._urls().items():
            self.assertEqual(self.url_open(url).status_code, 200)
            self.env.flush_all()
            before = self.cr.sql_log_count
            response = self.url_open(url)
            counts[key] = self.cr.sql_log_count - before
            self.assertEqual(response.status_code, 200)
        return counts

    def test_query_counts_do_not_grow_with_members(self):
        self.authenticate(self.core_user.login, self.core_user.login)
        self._add_members(10 - self._member_count())
        self.assertEqual(self._member_count(), 10)
        with_10 = self._measure()
        self._add_members(190)
        self.assertEqual(self._member_count(), 200)
        with_200 = self._measure()
        self.assertEqual(with_10, with_200)
        _logger.info("Portal query counts (10 and 200 members): %s", with_200)
        for key, url in self._urls().items():
            with (
                self.subTest(page=key),
                self.assertQueryCount(PINNED_QUERY_COUNTS[key]),
            ):
                self.url_open(url)
