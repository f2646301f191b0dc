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
