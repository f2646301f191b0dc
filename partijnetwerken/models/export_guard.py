# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.models import fix_import_export_id_paths


def check_export_field_access(records, fields_to_export):
    """Apply field-level ``groups`` to an export, as ``read`` does.

    ``export_data`` reads values as record attributes, which skips the ``groups``
    of a field: without this, a user with the export right could export
    ``partner_id/email`` of a membership. Each step of every path is checked.
    """
    for path in fields_to_export:
        model = records.browse()
        for name in fix_import_export_id_paths(path):
            field = model._fields.get(name)
            if field is None:
                break
            model.check_field_access_rights("read", [name])
            if not field.relational:
                break
            model = model.env[field.comodel_name]
