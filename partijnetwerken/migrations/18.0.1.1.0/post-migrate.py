# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """18.0.1.1.0 brings the reminder before a network activity: the activities
    still to come get it too, not only those created from now on."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["event.event"]._pn_add_missing_reminders()
