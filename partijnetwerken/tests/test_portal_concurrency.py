# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading
import time

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestPortalConcurrentJoin(TransactionCase):
    """Two join requests of the same member that arrive at the same time.

    An ``HttpCase`` serialises its requests on one test cursor, so this test does
    what two HTTP workers do: two threads, each with its own database cursor and
    transaction, call what the join route calls. The data they work on must be
    committed for them to see it; it is removed again afterwards.
    """

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            user = new_test_user(
                env, login="pn_portal_race", groups="base.group_portal"
            )
            user.partner_id.is_party_member = True
            network = env["party.network"].create(
                {
                    "name": "Themanetwerk Gelijktijdig",
                    "network_type": "theme",
                    "goal": "Testen.",
                    "state": "active",
                    "date_start": fields.Date.today(),
                }
            )
            self.uid_race, self.partner_id, self.network_id = (
                user.id,
                user.partner_id.id,
                network.id,
            )
        self.addCleanup(self._remove_committed_data)

    def _remove_committed_data(self):
        with self.registry.cursor() as cr:
            # memberships and the consent register are history and refuse
            # unlink(); this is test data only
            cr.execute(
                "DELETE FROM party_network_consent WHERE network_id = %s",
                [self.network_id],
            )
            cr.execute(
                "DELETE FROM party_network_membership WHERE network_id = %s",
                [self.network_id],
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["party.network"].browse(self.network_id).unlink()
            user = env["res.users"].browse(self.uid_race)
            partner = user.partner_id
            user.unlink()
            partner.unlink()

    def _count_active(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM party_network_membership"
                " WHERE network_id = %s AND partner_id = %s AND state = 'active'",
                [self.network_id, self.partner_id],
            )
            return cr.fetchone()[0]

    def test_two_joins_at_the_same_time_make_one_membership(self):
        barrier = threading.Barrier(2, timeout=30)
        outcomes = []

        def join(env):
            with env.cr:
                network = env["party.network"].browse(self.network_id)
                barrier.wait()
                try:
                    network.action_join(goal_endorsed=True, consent_data_sharing=True)
                    outcomes.append("joined")
                    # keep the transaction open so that the other request inserts
                    # its row before this one commits: it then waits on the
                    # unique index and fails when this one commits
                    time.sleep(2)
                except UserError as error:
                    outcomes.append(error.args[0])

        # The environments are made here: the test runner holds the registry lock
        # that a thread would need to make one.
        envs = [
            api.Environment(self.registry.cursor(), self.uid_race, {})
            for _i in range(2)
        ]
        threads = [threading.Thread(target=join, args=(env,)) for env in envs]
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
        self.assertEqual(self._count_active(), 1, outcomes)
        self.assertEqual(len(outcomes), 2, outcomes)
        self.assertIn("joined", outcomes)
        # the request that lost the race gets the message the portal shows
        self.assertIn(
            "You are already a member of Themanetwerk Gelijktijdig.", outcomes
        )
