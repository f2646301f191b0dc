# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import fields, models
from odoo.tools import float_compare

_logger = logging.getLogger(__name__)


class PaymentTransaction(models.Model):
    """A payment of a voluntary contribution (DESIGN §10.3): once done, the
    contribution it was created for turns paid."""

    _inherit = "payment.transaction"

    contribution_id = fields.Many2one(
        "party.network.contribution",
        string="Voluntary contribution",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        copy=False,
        help="The contribution this transaction pays; set when the member starts "
        "paying it in the portal.",
    )

    def _set_done(self, state_message=None, extra_allowed_states=()):
        txs = super()._set_done(
            state_message=state_message, extra_allowed_states=extra_allowed_states
        )
        txs._pn_pay_contributions()
        return txs

    def _post_process(self):
        result = super()._post_process()
        # a second chance for transactions done without passing _set_done here
        self._pn_pay_contributions()
        return result

    def _pn_matches_contribution(self, contribution):
        """Whether this transaction pays exactly ``contribution`` (sudo): the
        member's own, in full, in its currency."""
        self.ensure_one()
        currency = contribution.currency_id
        return (
            self.currency_id == currency
            and self.partner_id == contribution.partner_id
            and not float_compare(
                self.amount, contribution.amount, precision_rounding=currency.rounding
            )
        )

    def _pn_pay_contributions(self):
        """Mark the contributions of done payments paid (as superuser); a
        transaction that does not match its contribution changes nothing."""
        for tx in self:
            if tx.state != "done" or tx.operation == "refund" or not tx.contribution_id:
                continue
            # sudo: the provider's notification runs as public or superuser; the
            # contribution's partner is for the office only.
            contribution = tx.contribution_id.sudo()
            if contribution.state != "pledged":
                continue
            if not tx._pn_matches_contribution(contribution):
                _logger.warning(
                    "Transaction %s does not match contribution %s; not marked paid.",
                    tx.reference,
                    contribution.reference,
                )
                paid = f"{tx.amount:.2f} {tx.currency_id.name}"
                contribution.message_post(
                    body=self.env._(
                        "Payment %(tx)s of %(amount)s does not match this "
                        "contribution; it was not marked paid.",
                        tx=tx.reference,
                        amount=paid,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
                continue
            contribution.action_mark_paid()
            contribution.message_post(
                body=self.env._(
                    "Paid online: payment %(tx)s through %(provider)s.",
                    tx=tx.reference,
                    provider=tx.provider_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
