# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.exceptions import UserError

# Odoo's membership states that make someone a party member.
MEMBER_STATES = ("paid", "free", "invoiced")
# What a party membership is computed from (Odoo's membership fields).
MEMBERSHIP_FIELDS = ("free_member", "associate_member", "member_lines")

_logger = logging.getLogger(__name__)


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_party_member = fields.Boolean(
        compute="_compute_is_party_member",
        store=True,
        # not readonly: values the superuser sets (imports from before the bridge,
        # tests) stay until the membership changes; the office is refused in write
        readonly=False,
        # the help stays the core's: a term of the core's template, which is
        # exported from a database with every addon installed
    )

    @api.depends("membership_state")
    def _compute_is_party_member(self):
        for partner in self:
            partner.is_party_member = partner.membership_state in MEMBER_STATES

    def _pn_party_membership_refused(self):
        """The office sets party membership in the Members app, not by hand."""
        return UserError(
            self.env._(
                "Party membership follows the Members app and cannot be set by hand. "
                "A paid, invoiced or free membership makes someone a party member: "
                "change the membership lines or the Free Member box on the "
                "Membership tab of the contact."
            )
        )

    def write(self, vals):
        if "is_party_member" in vals and not self.env.su:
            raise self._pn_party_membership_refused()
        if not any(name in vals for name in MEMBERSHIP_FIELDS):
            return super().write(vals)
        with self._pn_watch_party_membership():
            return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any("is_party_member" in vals for vals in vals_list):
            raise self._pn_party_membership_refused()
        return super().create(vals_list)

    @contextmanager
    def _pn_watch_party_membership(self):
        """Whoever loses party membership in the block leaves the networks and
        their core-group seats (the partners of ``self`` and those whose
        membership follows theirs as associate members)."""
        partners = self.sudo().exists()
        if partners:
            partners |= partners.search([("associate_member", "in", partners.ids)])
        members = partners.filtered("is_party_member")
        yield
        members.filtered(lambda partner: not partner.is_party_member)._pn_leave_party()

    @api.model
    def _cron_pn_sync_party_membership(self):
        """Daily: memberships lapse with their end date, without any write. Recompute
        the membership of everyone with membership lines or an associate, then end
        the network memberships and core seats of whoever is no party member."""
        partners = self.sudo().search(
            ["|", ("member_lines", "!=", False), ("associate_member", "!=", False)]
        )
        self.env.add_to_compute(self._fields["membership_state"], partners)
        self.env.add_to_compute(self._fields["is_party_member"], partners)
        self.env.flush_all()
        lost = (
            self.env["party.network.membership"]
            .sudo()
            .search(
                [
                    ("state", "=", "active"),
                    ("partner_id.is_party_member", "=", False),
                ]
            )
            .partner_id
        ) | (
            self.env["party.network.core.member"]
            .sudo()
            .search(
                [
                    ("state", "=", "appointed"),
                    ("partner_id.is_party_member", "=", False),
                ]
            )
            .partner_id
        )
        lost._pn_leave_party()

    @api.model
    def _pn_demo_membership_invoices(self, partner_ids, product_id, paid=True):
        """Demo data: a posted membership invoice for each partner, paid in full
        on the first day of the membership when ``paid``."""
        product = self.env["product.product"].browse(product_id)
        if not self.env["account.journal"].search_count(
            [("company_id", "=", self.env.company.id), ("type", "=", "sale")]
        ):
            # Installed together with accounting on a company whose chart of
            # accounts comes with a localisation that installs after this demo
            # (a Dutch company: l10n_nl): no sales journal yet, so no invoices.
            _logger.info(
                "Demo membership invoices skipped: %s has no sales journal yet.",
                self.env.company.name,
            )
            return self.env["account.move"]
        moves = self.browse(partner_ids).create_membership_invoice(
            product, product.lst_price
        )
        moves.write({"invoice_date": product.membership_date_from})
        moves.action_post()
        if paid:
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=moves.ids
            ).create({"payment_date": product.membership_date_from})._create_payments()
        return moves
