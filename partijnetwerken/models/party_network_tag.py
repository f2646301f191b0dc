# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from random import randint

from odoo import fields, models


class PartyNetworkTag(models.Model):
    _name = "party.network.tag"
    _description = "Theme tag"
    _order = "name, id"

    name = fields.Char(required=True)
    color = fields.Integer(default=lambda self: randint(1, 11))
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "UNIQUE(name)", "A theme tag with this name already exists."),
    ]
