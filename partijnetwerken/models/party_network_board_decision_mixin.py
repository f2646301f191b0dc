# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class PartyNetworkBoardDecisionMixin(models.AbstractModel):
    """Records with states that only a decision of the national board leads to.

    Configured like OCA's ``base_tier_validation``: a class attribute names the
    states, small hooks say what else counts as a decision and what the refusal
    says. The guard runs once, in ``create`` and ``write``, whatever the path (a
    button, a server action, RPC, an import); the system itself may always set
    them.
    """

    _name = "party.network.board.decision.mixin"
    _inherit = ["party.network.office.mixin"]
    _description = "Party networks: decisions of the national board"

    # The values of ``state`` that only the national board sets.
    _board_decision_states = ()

    def _board_decision_message(self):
        """The refusal a user who is not on the board gets."""
        return self.env._("Only the national board can take this decision.")

    def _is_board_decision(self, vals):
        """Whether writing ``vals`` on ``self`` (empty on create) is a decision of
        the board."""
        return vals.get("state") in self._board_decision_states

    def _check_board_decision(self, vals):
        if not self.env.su and self._is_board_decision(vals):
            self._check_role("board", self._board_decision_message())

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.browse()._check_board_decision(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_board_decision(vals)
        return super().write(vals)
