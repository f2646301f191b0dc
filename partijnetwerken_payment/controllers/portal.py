# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.partijnetwerken.controllers.portal import MAX_ID, PRIVATE_HEADERS
from odoo.addons.partijnetwerken.controllers.portal_contribution import (
    PartyNetworkContributionPortal,
)
from odoo.addons.payment import utils as payment_utils
from odoo.addons.payment.controllers.portal import PaymentPortal


class PartyNetworkPaymentPortal(PartyNetworkContributionPortal):
    """Paying a voluntary contribution online (DESIGN §10.3): after the pledge
    the member gets Odoo's payment form for it; the transaction is created for
    the contribution's own amount, currency and member, never the form's."""

    def _pn_own_pledge_or_404(self, network, contribution_id):
        """The current user's contribution ``contribution_id`` to ``network``,
        or 404 (someone else's, another network's, unknown)."""
        if not 0 < contribution_id <= MAX_ID:
            raise NotFound()
        contribution = request.env["party.network.contribution"].search(
            [
                ("id", "=", contribution_id),
                ("network_id", "=", network.id),
                ("is_own", "=", True),
            ]
        )
        if not contribution:
            raise NotFound()
        return contribution

    @staticmethod
    def _pn_open_for_payment(contribution):
        """Whether ``contribution`` may get a new payment: pledged, and no
        payment of it on its way (which would pay it twice)."""
        if contribution.state != "pledged":
            return False
        last_tx = contribution._pn_last_transaction()
        return last_tx.state not in ("pending", "authorized", "done")

    def _pn_payment_context(self, contribution):
        """What ``payment.form`` needs to pay ``contribution``, or None without
        a published provider."""
        partner = request.env.user.partner_id
        # sudo: the amount and currency come from the record, not from the form
        contribution_sudo = contribution.sudo()
        amount = contribution_sudo.amount
        currency = contribution_sudo.currency_id
        providers_sudo = contribution._pn_payment_providers(partner, amount, currency)
        if not providers_sudo:
            return None
        # sudo: members do not read payment methods and tokens
        payment_methods_sudo = (
            request.env["payment.method"]
            .sudo()
            ._get_compatible_payment_methods(
                providers_sudo.ids, partner.id, currency_id=currency.id
            )
        )
        tokens_sudo = (
            request.env["payment.token"]
            .sudo()
            ._get_available_tokens(providers_sudo.ids, partner.id)
        )
        show_tokenize = PaymentPortal._compute_show_tokenize_input_mapping(
            providers_sudo
        )
        network = contribution.network_id
        base = f"/my/networks/{network.id}/contribute"
        return {
            "reference_prefix": contribution.reference,
            "amount": amount,
            "currency": currency,
            "partner_id": partner.id,
            "providers_sudo": providers_sudo,
            "payment_methods_sudo": payment_methods_sudo,
            "tokens_sudo": tokens_sudo,
            "show_tokenize_input_mapping": show_tokenize,
            "transaction_route": f"{base}/{contribution.id}/transaction",
            "landing_route": f"{base}?pledge={contribution.id}",
            "access_token": payment_utils.generate_access_token(
                partner.id, amount, currency.id
            ),
        }

    def _contribution_next_step(self, network, contribution):
        if self._pn_open_for_payment(contribution) and self._pn_payment_context(
            contribution
        ):
            return request.redirect(
                f"/my/networks/{network.id}/contribute/{contribution.id}/pay"
            )
        return super()._contribution_next_step(network, contribution)

    def _contribution_page(self, network, **values):
        pledge = values.get("pledge")
        if pledge:
            last_tx = pledge._pn_last_transaction()
            values["payment_state"] = last_tx.state if last_tx else False
            values["can_pay_online"] = bool(
                self._pn_open_for_payment(pledge) and self._pn_payment_context(pledge)
            )
        return super()._contribution_page(network, **values)

    @http.route(
        "/my/networks/<int:network_id>/contribute/<int:contribution_id>/pay",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_network_contribution_pay(self, network_id, contribution_id, **kw):
        network = self._network_or_404(network_id)
        contribution = self._pn_own_pledge_or_404(network, contribution_id)
        context = (
            self._pn_payment_context(contribution)
            if self._pn_open_for_payment(contribution)
            else None
        )
        if not context:
            return request.redirect(
                f"/my/networks/{network.id}/contribute?pledge={contribution.id}"
            )
        page = self._prepare_portal_layout_values()
        page.update(
            {
                "page_name": "party_network_contribute",
                "network": network,
                "contribution": contribution,
                **context,
            }
        )
        return request.render(
            "partijnetwerken_payment.portal_contribution_pay",
            page,
            headers=PRIVATE_HEADERS,
        )

    @http.route(
        "/my/networks/<int:network_id>/contribute/<int:contribution_id>/transaction",
        type="json",
        auth="user",
    )
    def portal_network_contribution_transaction(
        self, network_id, contribution_id, access_token=None, **kwargs
    ):
        """Create the transaction for the member's own pledge, as the payment
        form's ``transaction_route``; the amount, currency, member, reference and
        landing page are the server's, whatever the form sends."""
        network = self._network_or_404(network_id)
        contribution = self._pn_own_pledge_or_404(network, contribution_id)
        if not self._pn_open_for_payment(contribution):
            raise ValidationError(
                request.env._("This contribution is not open for payment.")
            )
        context = self._pn_payment_context(contribution)
        if not context:
            raise ValidationError(
                request.env._("Online payment is not available at the moment.")
            )
        if not isinstance(access_token, str) or not payment_utils.check_access_token(
            access_token,
            context["partner_id"],
            context["amount"],
            context["currency"].id,
        ):
            raise ValidationError(request.env._("The access token is invalid."))
        PaymentPortal._validate_transaction_kwargs(kwargs)
        provider_id = kwargs.get("provider_id")
        if kwargs.get("flow") == "token":
            token = request.env["payment.token"].sudo().browse(kwargs.get("token_id"))
            provider_id = token.exists().provider_id.id
        if provider_id not in context["providers_sudo"].ids:
            raise ValidationError(
                request.env._("Please choose one of the payment methods shown.")
            )
        kwargs.pop("csrf_token", None)
        kwargs.update(
            {
                "amount": context["amount"],
                "currency_id": context["currency"].id,
                "partner_id": context["partner_id"],
                "landing_route": context["landing_route"],
                "reference_prefix": contribution.reference,
                "is_validation": False,
            }
        )
        tx_sudo = PaymentPortal()._create_transaction(
            custom_create_values={"contribution_id": contribution.id}, **kwargs
        )
        return tx_sudo._get_processing_values()
