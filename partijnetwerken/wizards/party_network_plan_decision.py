# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError


class PartyNetworkPlanDecision(models.TransientModel):
    _name = "party.network.plan.decision"
    _description = "Decision on founding plans"

    plan_ids = fields.Many2many(
        "party.network.plan", string="Founding plans", required=True
    )
    decision = fields.Selection(
        [
            ("approve", "Approve"),
            ("revision", "Ask for a revision"),
            ("reject", "Reject"),
        ],
        required=True,
        default="reject",
    )
    reason = fields.Text(
        help="Why the national board decides so; required to reject or return a "
        "plan. The writers of the plan receive it by email and it is kept in the "
        "chatter.",
    )

    def action_confirm(self):
        self.ensure_one()
        reason = (self.reason or "").strip()
        if self.decision == "approve":
            if reason:
                self.plan_ids.write({"decision_note": reason})
            self.plan_ids.action_approve()
            return {"type": "ir.actions.act_window_close"}
        if not reason:
            raise UserError(
                self.env._(
                    "Give the national board's reason for the writers of the plan."
                )
            )
        self.plan_ids.write({"decision_note": reason})
        if self.decision == "reject":
            self.plan_ids.action_reject()
        else:
            self.plan_ids.action_request_revision()
        return {"type": "ir.actions.act_window_close"}
