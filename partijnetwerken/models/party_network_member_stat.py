# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL


class PartyNetworkMemberStat(models.Model):
    """Members over time: one row per month, network and province with the number
    of members at the end of that month. For the graph and pivot views of the
    party office and the national board; it holds counts, never a member."""

    _name = "party.network.member.stat"
    _description = "Network members per month"
    _auto = False
    _order = "date desc, network_id"
    _rec_name = "network_id"

    date = fields.Date(string="Month", readonly=True)
    network_id = fields.Many2one("party.network", string="Network", readonly=True)
    network_type = fields.Selection(
        [("theme", "Theme network"), ("target_group", "Target-group network")],
        string="Type",
        readonly=True,
    )
    state_id = fields.Many2one("res.country.state", string="Province", readonly=True)
    member_count = fields.Integer(
        string="Members",
        readonly=True,
        aggregator="sum",
        help="Members at the end of the month (at the end of a longer period when "
        "grouped by month, not summed over months: group by month to follow it).",
    )
    joined_count = fields.Integer(
        string="Joined", readonly=True, aggregator="sum", help="Joined in the month."
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(table)s AS (
                    WITH months AS (
                        SELECT generate_series(
                                   date_trunc('month', min(date_joined)),
                                   date_trunc('month', now()),
                                   interval '1 month'
                               )::date AS month
                          FROM party_network_membership
                    )
                    SELECT row_number() OVER (ORDER BY m.month, ms.network_id,
                                              p.state_id) AS id,
                           m.month AS date,
                           ms.network_id,
                           n.network_type,
                           p.state_id,
                           count(*) FILTER (
                               WHERE ms.date_joined < m.month + interval '1 month'
                                 AND NOT (ms.state = 'left' AND (
                                     ms.date_left IS NULL
                                     OR ms.date_left < m.month + interval '1 month'))
                           ) AS member_count,
                           count(*) FILTER (
                               WHERE ms.date_joined >= m.month
                                 AND ms.date_joined < m.month + interval '1 month'
                           ) AS joined_count
                      FROM months m
                      JOIN party_network_membership ms
                        ON ms.date_joined < m.month + interval '1 month'
                       -- a member who left before the month is no longer counted
                       AND NOT (ms.state = 'left' AND (
                           ms.date_left IS NULL OR ms.date_left < m.month))
                      JOIN party_network n ON n.id = ms.network_id
                      JOIN res_partner p ON p.id = ms.partner_id
                  GROUP BY m.month, ms.network_id, n.network_type, p.state_id
                )
                """,
                table=SQL.identifier(self._table),
            )
        )
