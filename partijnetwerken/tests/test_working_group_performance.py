# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import Command
from odoo.tests import tagged

from . import test_portal_performance

_logger = logging.getLogger(__name__)

# Queries of one warm request as a core-group member of network A with data
# access, with three working groups and contributions: the same with 10 and 200
# members in the network and in the group.
PINNED_QUERY_COUNTS = {
    # the user's networks and seats of today are read once per request
    # (res.partner._pn_networks_of_role), not once per access check
    "network": 30,
    # 17, plus the one INSERT of the access log (DESIGN §10.6); one of them counts
    # the listed members for the pager (50 a page)
    "working_group": 19,
    "contribute": 12,
}


@tagged("post_install", "-at_install", "is_query_count")
class TestWorkingGroupQueryCounts(test_portal_performance.TestPortalQueryCounts):
    """The pages of working groups and contributions, measured like the
    foundation's portal pages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Group = cls.env["party.network.working.group"]
        cls.groups = Group.create(
            [
                {"network_id": cls.network_a.id, "name": name}
                for name in ("GGZ", "Mantelzorg", "Personeel")
            ]
        )
        cls.network_a.contribution_enabled = True
        cls.env["party.network.contribution"].create(
            {"network_id": cls.network_a.id, "partner_id": cls.anna.id, "amount": 5}
        ).action_mark_paid()
        # the core member takes part too, so the page shows "you take part"
        cls.m_core = cls._join(cls.network_a, cls.core_user.partner_id, consent=True)

    def _fill_groups(self):
        memberships = self.env["party.network.membership"].search(
            [("network_id", "=", self.network_a.id), ("state", "=", "active")]
        )
        self.groups.write({"membership_ids": [Command.set(memberships.ids)]})

    def _urls(self):
        url_a = f"/my/networks/{self.network_a.id}"
        return {
            "network": url_a,
            "working_group": f"{url_a}/groups/{self.groups[0].id}",
            "contribute": f"{url_a}/contribute",
        }

    def test_query_counts_do_not_grow_with_members(self):
        self.authenticate(self.core_user.login, self.core_user.login)
        self._add_members(10 - self._member_count())
        self._fill_groups()
        with_10 = self._measure()
        self._add_members(190)
        self._fill_groups()
        self.assertEqual(self.groups[0].member_count, 200)
        with_200 = self._measure()
        self.assertEqual(with_10, with_200)
        _logger.info("Working-group query counts (10 and 200 members): %s", with_200)
        for key, url in self._urls().items():
            with (
                self.subTest(page=key),
                self.assertQueryCount(PINNED_QUERY_COUNTS[key]),
            ):
                self.url_open(url)
