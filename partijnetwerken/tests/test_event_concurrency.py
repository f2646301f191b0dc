# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading
import time
from datetime import timedelta

import psycopg2

from odoo import SUPERUSER_ID, api, fields
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestEventConcurrentRegistration(TransactionCase):
    """Two registrations of the same member that arrive at the same time (a
    double click that reaches two HTTP workers), each in its own transaction, as
    in ``test_portal_concurrency``. The loser fails to serialise; Odoo retries such
    a request, and the retry finds the first registration."""

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            user = new_test_user(env, login="pn_event_race", groups="base.group_portal")
            user.partner_id.is_party_member = True
            network = env["party.network"].create(
                {
                    "name": "Themanetwerk Tegelijk",
                    "network_type": "theme",
                    "goal": "Testen.",
                    "state": "active",
                    "date_start": fields.Date.today(),
                }
            )
            env["party.network.membership"].create(
                {
                    "network_id": network.id,
                    "partner_id": user.partner_id.id,
                    "goal_endorsed": True,
                }
            )
            now = fields.Datetime.now()
            event = env["event.event"].create(
                {
                    "name": "Gelijktijdige bijeenkomst",
                    "network_id": network.id,
                    "network_activity_kind": "meeting",
                    "date_begin": now + timedelta(days=3),
                    "date_end": now + timedelta(days=3, hours=1),
                    # no mails: they would be committed outside this test
                    "event_mail_ids": [(5, 0, 0)],
                }
            )
            self.uid_race, self.partner_id = user.id, user.partner_id.id
            self.network_id, self.event_id = network.id, event.id
        self.addCleanup(self._remove_committed_data)

    def _remove_committed_data(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            event = env["event.event"].browse(self.event_id)
            event.registration_ids.unlink()
            event.unlink()
            # memberships are history and refuse unlink(); this is test data only
            cr.execute(
                "DELETE FROM party_network_consent WHERE network_id = %s",
                [self.network_id],
            )
            cr.execute(
                "DELETE FROM party_network_membership WHERE network_id = %s",
                [self.network_id],
            )
            env["party.network"].browse(self.network_id).unlink()
            user = env["res.users"].browse(self.uid_race)
            partner = user.partner_id
            user.unlink()
            partner.unlink()

    def _count_open(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM event_registration"
                " WHERE event_id = %s AND partner_id = %s AND state = 'open'",
                [self.event_id, self.partner_id],
            )
            return cr.fetchone()[0]

    def test_two_registrations_at_the_same_time_make_one(self):
        barrier = threading.Barrier(2, timeout=30)
        outcomes = []

        def register(env):
            with env.cr:
                barrier.wait()
                try:
                    event = env["event.event"].sudo().browse(self.event_id)
                    event._portal_register()
                    # keep the transaction open: the other one waits on the lock
                    time.sleep(1)
                    env.cr.commit()
                    outcomes.append("registered")
                except psycopg2.errors.SerializationFailure:
                    env.cr.rollback()
                    outcomes.append("retry")

        envs = [
            api.Environment(self.registry.cursor(), self.uid_race, {})
            for _i in range(2)
        ]
        threads = [threading.Thread(target=register, args=(env,)) for env in envs]
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
        self.assertEqual(sorted(outcomes), ["registered", "retry"], outcomes)
        self.assertEqual(self._count_open(), 1)
        # what Odoo's retry of the losing request does: it finds the registration
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.uid_race, {})
            registration = (
                env["event.event"].sudo().browse(self.event_id)._portal_register()
            )
            self.assertEqual(registration.state, "open")
        self.assertEqual(self._count_open(), 1)
