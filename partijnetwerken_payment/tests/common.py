# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo import Command

from odoo.addons.partijnetwerken.tests.common import PartyNetworkCommon

CONTRIBUTION = "party.network.contribution"


class ContributionPaymentCommon(PartyNetworkCommon):
    """Network A asks for contributions and the party takes online payments:
    through ``payment_demo`` where it is installed, else through a provider
    without code (the payment is then reported done by ``_set_done``)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.network_a.write({"contribution_enabled": True})
        Provider = cls.env["payment.provider"].sudo()
        # only the provider of the test takes payments
        Provider.search([]).write({"is_published": False})
        cls.currency = cls.env.company.currency_id
        cls.currency.action_unarchive()
        demo = cls.env["ir.module.module"]._get("payment_demo")
        cls.demo_installed = demo.state in ("installed", "to upgrade")
        if cls.demo_installed:
            cls.provider = cls.env.ref("payment.payment_provider_demo")
            cls.provider.write({"state": "test", "is_published": True})
        else:
            method = cls.env.ref("payment.payment_method_unknown")
            cls.provider = Provider.create(
                {
                    "name": "Test provider",
                    "code": "none",
                    "state": "test",
                    "is_published": True,
                    "payment_method_ids": [Command.set(method.ids)],
                    "available_currency_ids": [Command.set(cls.currency.ids)],
                }
            )
            # after the provider: a method needs an enabled provider
            method.write({"active": True})
        cls.provider.payment_method_ids.write({"active": True})
        cls.pledge = cls.env[CONTRIBUTION].create(
            {
                "network_id": cls.network_a.id,
                "partner_id": cls.member_user.partner_id.id,
                "amount": 25,
            }
        )
        cls.bram_pledge = cls.env[CONTRIBUTION].create(
            {"network_id": cls.network_a.id, "partner_id": cls.bram.id, "amount": 30}
        )

    def setUp(self):
        super().setUp()
        account_payment = self.env["ir.module.module"]._get("account_payment")
        if account_payment.state in ("installed", "to upgrade"):
            # as payment's own tests: no account.payment without the providers'
            # accounting set up (the readme tells how the treasurer finds them)
            self.startPatcher(
                patch(
                    "odoo.addons.account_payment.models.payment_transaction."
                    "PaymentTransaction._post_process"
                )
            )

    @classmethod
    def _transaction(cls, contribution, **values):
        """A transaction as the portal route creates it (sudo)."""
        contribution = contribution.sudo()
        return (
            cls.env["payment.transaction"]
            .sudo()
            .create(
                {
                    "provider_id": cls.provider.id,
                    "payment_method_id": cls.provider.payment_method_ids[:1].id,
                    "reference": cls.env["payment.transaction"]._compute_reference(
                        cls.provider.code, prefix=contribution.reference
                    ),
                    "amount": contribution.amount,
                    "currency_id": contribution.currency_id.id,
                    "partner_id": contribution.partner_id.id,
                    "operation": "online_direct",
                    "contribution_id": contribution.id,
                    **values,
                }
            )
        )
