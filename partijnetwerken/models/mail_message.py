# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MailMessage(models.Model):
    _inherit = "mail.message"

    def _find_allowed_model_wise(self, doc_model, doc_dict):
        # Searching messages: only the office and the board find those of
        # memberships (reading them one by one is refused in the membership's
        # _get_mail_message_access).
        if (
            doc_model == "party.network.membership"
            and not self.env[doc_model]._reads_all_members()
        ):
            return set()
        return super()._find_allowed_model_wise(doc_model, doc_dict)
