# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class PartyNetworkPlan(models.Model):
    _name = "party.network.plan"
    _description = "Founding plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _rec_names_search = ["network_id"]

    network_id = fields.Many2one(
        "party.network", required=True, index=True, ondelete="restrict", tracking=True
    )
    network_type = fields.Selection(related="network_id.network_type")
    goal = fields.Text(tracking=True)
    organisation = fields.Text(
        help="How the network organises itself: meetings, working groups, tasks of "
        "the core group."
    )
    term_months = fields.Integer(
        string="Term (months)",
        default=24,
        tracking=True,
        help="The term of the core group appointed with this plan.",
    )
    collaborations = fields.Text(
        string="Intended collaborations",
        help="Intended collaborations inside and outside the party.",
    )
    proposed_core_partner_ids = fields.Many2many(
        "res.partner",
        "party_network_plan_core_partner_rel",
        "plan_id",
        "partner_id",
        string="Proposed core group",
    )
    proposed_core_count = fields.Integer(
        string="Proposed core-group size", compute="_compute_proposed_core_count"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("revision", "Revision requested"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
    )
    decision_note = fields.Text(
        string="Reason for the decision",
        tracking=True,
        help="Why the board decided as it did; required to reject or ask for a "
        "revision.",
    )
    decision_user_id = fields.Many2one(
        "res.users", string="Decided by", readonly=True, copy=False, tracking=True
    )
    decision_date = fields.Datetime(string="Decided on", readonly=True, copy=False)

    _sql_constraints = [
        (
            "term_months_positive",
            "CHECK(term_months > 0)",
            "The term of a founding plan must be at least one month.",
        ),
    ]

    @api.depends("proposed_core_partner_ids")
    def _compute_proposed_core_count(self):
        for plan in self:
            plan.proposed_core_count = len(plan.proposed_core_partner_ids)

    @api.depends("network_id")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = self.env._(
                "Founding plan %(network)s", network=plan.network_id.name or ""
            )
