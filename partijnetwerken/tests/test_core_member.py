# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import psycopg2

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PartyNetworkCase


@tagged("post_install", "-at_install")
class TestCoreMember(PartyNetworkCase):
    """A core-group seat: its term, its requirements, one current seat a member."""

    def test_core_member_term_dates_coherent(self):
        with self.assertRaises(ValidationError):
            self.core_a.write({"date_end": self.core_a.date_start.replace(year=2000)})
        with self.assertRaises(ValidationError):
            self.env["party.network.core.member"].create(
                {
                    "network_id": self.network_b.id,
                    "partner_id": self.anna.id,
                    "state": "appointed",
                }
            )

    def test_one_core_seat_per_network(self):
        # the database refuses it, also for two requests at the same time; over
        # RPC this becomes the constraint's message
        Seat = self.env["party.network.core.member"]
        vals = {
            "network_id": self.network_a.id,
            "partner_id": self.core_user.partner_id.id,
        }
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                Seat.create(vals)
                self.env.flush_all()
        # an ended seat is history: a new seat for the same member is allowed
        self.core_a.action_end()
        seat = Seat.create(vals)
        self.assertEqual(seat.state, "proposed")
        self.assertEqual(self.core_a.state, "ended")

    def test_requirements_date_set(self):
        core = self.env["party.network.core.member"].create(
            {"network_id": self.network_b.id, "partner_id": self.anna.id}
        )
        self.assertFalse(core.requirements_met_date)
        core.requirements_met = True
        self.assertEqual(core.requirements_met_date, self.today)
