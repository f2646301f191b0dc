# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from odoo.addons.partijnetwerken.models.party_network_advice import SENT_STATES


class PartyNetworkAdvice(models.Model):
    _inherit = "party.network.advice"

    @api.model
    def _get_thread_with_access(self, thread_id, mode="read", **kwargs):
        # the public reads published advice on the network's page, never its
        # chatter
        if self.env.user._is_public():
            return self.browse()
        return super()._get_thread_with_access(thread_id, mode, **kwargs)

    @api.model
    def _website_domain(self, networks):
        """The published advice of ``networks`` that the website shows; the public
        read rule says the same."""
        return [
            ("network_id", "in", networks.ids),
            ("website_published", "=", True),
            ("state", "in", SENT_STATES),
        ]

    @api.model
    def _website_latest(self, networks):
        """``{network: advice}``: the latest published advice of each network, read
        as the current user (the public read rule decides)."""
        latest = {network: self.browse() for network in networks}
        for advice in self.search(
            self._website_domain(networks), order="date_sent desc, id desc"
        ):
            if not latest[advice.network_id]:
                latest[advice.network_id] = advice
        return latest
