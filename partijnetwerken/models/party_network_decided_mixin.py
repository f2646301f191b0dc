# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class PartyNetworkDecidedMixin(models.AbstractModel):
    """A record the national board decides on, that keeps who decided, when and why:
    the founding plan now, the yearly evaluation of the second stage.

    On top of the guard of ``party.network.board.decision.mixin`` (only the board
    sets ``_board_decision_states``) it brings ``decision_note``, ``decided_by_id``
    and ``decided_date``, ``_record_decision(state)`` to take a decision and
    ``_reopen_decision_values()`` for a new round (a new decision needs its own
    reason); ``_post_decision`` of the office mixin puts it in the chatter.
    """

    _name = "party.network.decided.mixin"
    _inherit = ["party.network.board.decision.mixin"]
    _description = "Party networks: a decision of the national board, who, when, why"

    # The activity type of the board's to-do on such a record, done on a decision.
    _decision_activity_type = False

    decision_note = fields.Text(
        string="Reason for the decision",
        tracking=True,
        help="Why the national board decided as it did.",
    )
    decided_by_id = fields.Many2one(
        "res.users", string="Decided by", readonly=True, copy=False, tracking=True
    )
    decided_date = fields.Datetime(string="Decided on", readonly=True, copy=False)

    def _record_decision(self, state, **values):
        """Take the decision ``state``: who decided and when; the board's activities
        on the record are done."""
        self.write(
            {
                **values,
                "state": state,
                "decided_by_id": self.env.user.id,
                "decided_date": fields.Datetime.now(),
            }
        )
        if self._decision_activity_type:
            self.activity_unlink([self._decision_activity_type])

    def _reopen_decision_values(self):
        """The values that clear the previous decision for a new round."""
        return {"decision_note": False, "decided_by_id": False, "decided_date": False}
