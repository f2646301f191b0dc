# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .party_network_register_mixin import REGISTER_MAINTENANCE

ACCESS_KINDS = [
    ("list", "Member list"),
    ("csv", "Member list (CSV)"),
    ("working_group", "Working-group members"),
    ("registrations", "Activity registrations"),
]


class PartyNetworkAccessLog(models.Model):
    """One row each time a core-group member opens member data (GDPR art. 30: a
    record of who processed the data): which page, how many rows, what was searched.

    Read by the party office and the national board; written only by ``_log``,
    and deleted only by the retention cron.
    """

    _name = "party.network.access.log"
    _description = "Member data access log"
    _inherit = ["party.network.register.mixin", "party.network.record.mixin"]
    _order = "date desc, id desc"
    _rec_name = "network_id"

    network_id = fields.Many2one(readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Core-group member",
        index=True,
        readonly=True,
        ondelete="set null",
        help="Empty once the member was forgotten at their request.",
    )
    date = fields.Datetime(
        required=True, index=True, readonly=True, default=fields.Datetime.now
    )
    kind = fields.Selection(ACCESS_KINDS, string="Opened", required=True, readonly=True)
    row_count = fields.Integer(string="Rows shown", readonly=True)
    search_term = fields.Char(string="Searched for", readonly=True)

    @api.model
    def _log(self, network, kind, row_count, search_term=None):
        """Record that the current user opened member data of ``network``.

        One INSERT. Looks by the party office and the national board, who see all
        member data anyway, are not logged.
        """
        user = self.env.user
        if user._is_party_office() or user._is_national_board():
            return self.browse()
        # sudo: nobody has create access on the log; this is its one path.
        return self.sudo().create(
            {
                "network_id": network.id,
                "user_id": user.id,
                "kind": kind,
                "row_count": row_count,
                "search_term": search_term or False,
            }
        )

    @api.model
    def _cron_purge(self):
        """Delete the rows older than the retention period (setting, months)."""
        months = self._get_setting_int("access_log_retention_months", 24)
        limit = fields.Datetime.now() - relativedelta(months=max(months, 1))
        old = self.sudo().search([("date", "<", limit)])
        old.with_context(**{REGISTER_MAINTENANCE: True}).unlink()
        return len(old)
