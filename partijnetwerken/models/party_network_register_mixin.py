# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError

# Context key of the two code paths that may change a register: forgetting a member
# (GDPR art. 17) and the retention cron of the access log. Honoured only for the
# superuser, which RPC never is.
REGISTER_MAINTENANCE = "pn_register_maintenance"


class PartyNetworkRegisterMixin(models.AbstractModel):
    """An append-only register: rows are written by the code paths they record,
    never changed or deleted through the ORM or RPC, by anyone, the administrator
    included (the privacy register, DESIGN §10.6).

    Access lines grant read only; the rows are created with ``sudo()`` by the one
    method that records them.
    """

    _name = "party.network.register.mixin"
    _description = "Party networks: an append-only register"

    def _register_maintenance(self):
        return self.env.su and self.env.context.get(REGISTER_MAINTENANCE)

    def _refuse_change(self):
        raise UserError(
            self.env._(
                "%(register)s is a register: its rows cannot be changed or deleted.",
                register=self._description,
            )
        )

    def write(self, vals):
        if not self._register_maintenance():
            self._refuse_change()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self._register_maintenance():
            self._refuse_change()
