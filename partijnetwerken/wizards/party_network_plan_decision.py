# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class PartyNetworkPlanDecision(models.TransientModel):
    _name = "party.network.plan.decision"
    _description = "Decision on founding plans"

    plan_ids = fields.Many2many(
        "party.network.plan", string="Founding plans", required=True
    )
    decision = fields.Selection(
        [("reject", "Reject"), ("revision", "Ask for a revision")],
        required=True,
        default="reject",
    )
    reason = fields.Text(
        required=True,
        help="Why the national board decides so. The writers of the plan receive it "
        "by email and it is kept in the chatter.",
    )

    def action_confirm(self):
        self.ensure_one()
        self.plan_ids.write({"decision_note": self.reason})
        if self.decision == "reject":
            self.plan_ids.action_reject()
        else:
            self.plan_ids.action_request_revision()
        return {"type": "ir.actions.act_window_close"}
