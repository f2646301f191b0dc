# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .const import OFFICE_BOARD


class PartyNetworkToDecideMixin(models.AbstractModel):
    """What of a network waits for the national board: submitted founding plans
    and evaluations (the board's "to decide" menu lists them)."""

    _name = "party.network.to.decide.mixin"
    _description = "Party networks: waiting for a decision of the national board"

    to_decide_count = fields.Integer(
        string="To decide",
        compute="_compute_to_decide_count",
        groups=OFFICE_BOARD,
        help="Founding plans and evaluations of the network submitted to the "
        "national board and waiting for its decision.",
    )

    def _compute_to_decide_count(self):
        plans = self._count_by_network(
            "party.network.plan", [("state", "=", "submitted")]
        )
        evaluations = self._count_by_network(
            "party.network.evaluation", [("state", "=", "submitted")]
        )
        for network in self:
            network.to_decide_count = plans[network] + evaluations[network]
