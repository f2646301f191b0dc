# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PartyNetworkLifecycleCase


@tagged("post_install", "-at_install")
class TestNetworkOverlap(PartyNetworkLifecycleCase):
    """At intake the coordinator sees the networks whose themes lie close."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Network = cls.env["party.network"]
        Tag = cls.env["party.network.tag"]
        cls.tag_energy = Tag.create({"name": "Energie"})
        cls.tag_care = Tag.create({"name": "Zorg"})
        cls.energy = Network.create(
            {
                "name": "Themanetwerk Duurzaamheid",
                "state": "active",
                "goal": "Schone energie voor elk huishouden.",
                "tag_ids": [Command.link(cls.tag_energy.id)],
            }
        )
        cls.climate = Network.create(
            {
                "name": "Doelgroepnetwerk Klimaatjongeren",
                "network_type": "target_group",
                "state": "intake",
                "goal": "Jongeren die zich inzetten voor het klimaat.",
            }
        )
        cls.closed = Network.create(
            {
                "name": "Themanetwerk Klimaat",
                "state": "closed",
                "tag_ids": [Command.link(cls.tag_energy.id)],
            }
        )
        cls.network_a.tag_ids = cls.tag_care

    def test_shared_tag(self):
        network = self.application.with_user(self.office_user)
        self.assertNotIn(self.energy, network.overlap_network_ids)
        network.tag_ids = self.tag_energy
        self.assertEqual(network.overlap_network_ids[:1], self.energy, "closest first")
        self.assertNotIn(self.closed, network.overlap_network_ids, "closed: no overlap")
        self.assertNotIn(network, network.overlap_network_ids)

    def test_similar_name(self):
        if not self.env.registry.has_trigram:
            self.skipTest("PostgreSQL pg_trgm is not installed in this database")
        overlap = self.application.with_user(self.office_user).overlap_network_ids
        # "Klimaat en energie" is close to "Klimaatjongeren"; the word "netwerk" in
        # every name does not make all networks look alike
        self.assertIn(self.climate, overlap)
        self.assertNotIn(self.network_a, overlap)
        self.assertNotIn(self.network_b, overlap)

    def test_without_trigram_only_tags_count(self):
        network = self.application.with_user(self.office_user)
        with patch.object(self.env.registry, "has_trigram", False):
            self.assertFalse(network.overlap_network_ids)
            network.tag_ids = self.tag_care
            self.assertEqual(network.overlap_network_ids, self.network_a)

    def test_overlap_is_for_office_and_board(self):
        with self.assertRaises(AccessError):
            self.network_a.with_user(self.internal_user).read(["overlap_network_ids"])
        self.network_a.with_user(self.board_user).read(["overlap_network_ids"])
