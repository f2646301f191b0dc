# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PartyNetworkAdviceBody(models.Model):
    """A body of the party that networks advise: the national board, a
    parliamentary group, the programme committee, the think tank (DESIGN §10.4).

    Its users are the internal users who act for it: they request advice from the
    networks, read what was sent to the body and record the body's answer. Being
    one of them is all the access they need (see the advice's record rules).
    """

    _name = "party.network.advice.body"
    _description = "Advice recipient"
    _order = "sequence, name, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    user_ids = fields.Many2many(
        "res.users",
        "party_network_advice_body_user_rel",
        "body_id",
        "user_id",
        string="Acting users",
        domain=[("share", "=", False)],
        groups="base.group_user",
        help="The internal users who act for this body: they request advice, read "
        "the advice sent to it and record its answer.",
    )

    _sql_constraints = [
        ("name_unique", "UNIQUE(name)", "An advice recipient with this name exists."),
    ]

    @api.constrains("user_ids")
    def _check_internal_users(self):
        for body in self:
            if any(user.share for user in body.sudo().user_ids):
                raise ValidationError(
                    self.env._(
                        "Only internal users can act for %(body)s.", body=body.name
                    )
                )
