# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .website_common import PartyNetworkWebsiteCommon

_logger = logging.getLogger(__name__)

# Queries of one warm request of the anonymous visitor; they do not depend on the
# number of networks, activities or advice.
PINNED_QUERY_COUNTS = {
    "index": 13,
    "network": 16,
}


@tagged("post_install", "-at_install", "is_query_count")
class TestWebsiteQueryCounts(PartyNetworkWebsiteCommon, HttpCase):
    def _urls(self):
        return {"index": "/netwerken", "network": self.network_a.website_url}

    def _measure(self):
        counts = {}
        for key, url in self._urls().items():
            self.assertEqual(self.url_open(url).status_code, 200)
            self.env.flush_all()
            before = self.cr.sql_log_count
            response = self.url_open(url)
            counts[key] = self.cr.sql_log_count - before
            self.assertEqual(response.status_code, 200)
        return counts

    def _add(self, count):
        now = fields.Datetime.now()
        networks = self.env["party.network"].create(
            [
                {
                    "name": f"Themanetwerk Extra {n:03d}",
                    "network_type": "theme",
                    "goal": "Meer.",
                    "state": "active",
                }
                for n in range(count)
            ]
        )
        networks.is_published = True
        for network in networks | self.network_a:
            self.env["event.event"].create(
                {
                    "name": f"Bijeenkomst {network.name}",
                    "network_id": network.id,
                    "network_activity_kind": "meeting",
                    "date_begin": now + timedelta(days=3),
                    "date_end": now + timedelta(days=3, hours=2),
                    "is_published": True,
                }
            )
            self.env["party.network.advice"].create(
                {
                    "network_id": network.id,
                    "name": f"Advies {network.name}",
                    "content": "<p>Advies.</p>",
                    "body_ids": [(6, 0, self.advice.body_ids.ids)],
                    "state": "sent",
                    "date_sent": fields.Date.today(),
                    "website_published": True,
                }
            )
            self._appoint(
                network,
                self.env["res.partner"].create({"name": "K", "is_party_member": True}),
                self.today,
                show_on_website=True,
            )

    def test_query_counts_do_not_grow(self):
        self.authenticate(None, None)
        few = self._measure()
        self._add(12)
        many = self._measure()
        _logger.info("Website query counts (few, many): %s %s", few, many)
        self.assertEqual(few, many)
        for key, url in self._urls().items():
            with (
                self.subTest(page=key),
                self.assertQueryCount(PINNED_QUERY_COUNTS[key]),
            ):
                self.url_open(url)
