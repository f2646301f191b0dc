# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .const import OFFICE_BOARD
from .party_network_contribution import PORTAL_MAX_AMOUNT


class PartyNetworkWorkingGroupContributionMixin(models.AbstractModel):
    """A network's working groups and voluntary contributions (DESIGN §10.2, §10.3).

    A part of ``party.network`` (which inherits it), kept in a file of its own.
    """

    _name = "party.network.working.group.contribution.mixin"
    _description = "Party networks: working groups and contributions"

    working_group_ids = fields.One2many(
        "party.network.working.group", "network_id", string="Working groups"
    )
    working_group_count = fields.Integer(
        string="Working group count",
        compute="_compute_working_group_count",
        compute_sudo=True,
    )
    contribution_enabled = fields.Boolean(
        string="Asks for contributions",
        tracking=True,
        help="Members can pledge a voluntary contribution to the network or one of "
        "its activities in the portal. Always voluntary: joining and registering "
        "never depend on it.",
    )
    contribution_currency_id = fields.Many2one(
        "res.currency",
        string="Contribution currency",
        compute="_compute_contribution_currency_id",
    )
    contribution_suggested_amount = fields.Monetary(
        string="Suggested contribution",
        currency_field="contribution_currency_id",
        help="The amount the portal suggests; members choose their own.",
    )
    contribution_total = fields.Monetary(
        string="Contributions received",
        currency_field="contribution_currency_id",
        compute="_compute_contribution_total",
        compute_sudo=True,
        help="The total of the paid contributions. The core group sees this total, "
        "never who gave.",
    )
    contribution_ids = fields.One2many(
        "party.network.contribution",
        "network_id",
        string="Contributions",
        groups=OFFICE_BOARD,
    )
    contribution_count = fields.Integer(
        string="Contribution count",
        compute="_compute_contribution_count",
        compute_sudo=True,
        groups=OFFICE_BOARD,
    )

    def _compute_working_group_count(self):
        counts = self._count_by_network("party.network.working.group", [])
        for network in self:
            network.working_group_count = counts[network]

    def _compute_contribution_currency_id(self):
        for network in self:
            network.contribution_currency_id = self.env.company.currency_id

    def _compute_contribution_total(self):
        totals = dict(
            self.env["party.network.contribution"]._read_group(
                [("network_id", "in", self.ids), ("state", "=", "paid")],
                ["network_id"],
                ["amount:sum"],
            )
        )
        for network in self:
            network.contribution_total = totals.get(network._origin, 0.0)

    def _compute_contribution_count(self):
        counts = self._count_by_network("party.network.contribution", [])
        for network in self:
            network.contribution_count = counts[network]

    @api.constrains("contribution_suggested_amount")
    def _check_contribution_suggested_amount(self):
        for network in self:
            amount = network.contribution_suggested_amount
            if amount < 0 or amount > PORTAL_MAX_AMOUNT:
                raise ValidationError(
                    self.env._(
                        "The suggested contribution lies between 0 and %(max)s.",
                        max=int(PORTAL_MAX_AMOUNT),
                    )
                )

    def action_view_working_groups(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partijnetwerken.party_network_working_group_action"
        )
        action["domain"] = [("network_id", "=", self.id)]
        action["context"] = {"default_network_id": self.id}
        return action

    def action_view_contributions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partijnetwerken.party_network_contribution_action"
        )
        action["domain"] = [("network_id", "=", self.id)]
        action["context"] = {"default_network_id": self.id}
        return action
