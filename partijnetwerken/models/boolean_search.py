# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError


def searches_true(env, operator, value):
    """Whether ``(field, operator, value)`` on a computed boolean asks for True.

    Only ``=`` and ``!=`` with a boolean are meaningful for the computed access
    flags; anything else is refused rather than silently matching everything.
    """
    if operator not in ("=", "!=") or not isinstance(value, bool):
        raise UserError(env._("This field can only be searched for true or false."))
    return (operator == "=") == value


def search_own_partner(records, operator, value):
    """The ``search=`` of a "mine" flag on a model whose ``partner_id`` is for the
    office and board only: the records whose partner is the reader's own.

    The ids are a sudo subquery restricted to the reader's partner, so the search
    tells nothing about anyone else's records.
    """
    positive = searches_true(records.env, operator, value)
    # sudo: the partner is office-only in domains; restricted to the reader.
    query = records.sudo()._search(
        [("partner_id", "=", records.env.user.partner_id.id)]
    )
    return [("id", "in" if positive else "not in", query)]
