# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class PartyNetworkContribution(models.Model):
    _inherit = "party.network.contribution"

    @api.model
    def _pn_payment_providers(self, partner, amount, currency):
        """The published payment providers a member can pay ``amount`` with
        (sudo), empty when the party takes no online payments."""
        # sudo: members do not read providers; only published, enabled ones
        # are offered.
        providers = (
            self.env["payment.provider"]
            .sudo()
            ._get_compatible_providers(
                self.env.company.id, partner.id, amount, currency_id=currency.id
            )
        )
        return providers.filtered("is_published")

    def _pn_last_transaction(self):
        """The latest payment of this contribution (sudo), if any."""
        self.ensure_one()
        # sudo: members do not read transactions; this is their own payment.
        return (
            self.env["payment.transaction"]
            .sudo()
            .search(
                [("contribution_id", "=", self.id), ("operation", "!=", "refund")],
                order="id desc",
                limit=1,
            )
        )
