# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

# Models whose chatter is the party office's file: only the office and the board
# find or read their messages (each refuses reading in _get_mail_message_access).
OFFICE_CHATTER_MODELS = (
    "party.network.membership",
    "party.network.working.group",
    "party.network.contribution",
)


class MailMessage(models.Model):
    _inherit = "mail.message"

    def _find_allowed_model_wise(self, doc_model, doc_dict):
        # Searching messages: only the office and the board find those of
        # memberships (reading them one by one is refused in the membership's
        # _get_mail_message_access).
        if (
            doc_model in OFFICE_CHATTER_MODELS
            and not self.env["party.network.membership"]._reads_all_members()
        ):
            return set()
        return super()._find_allowed_model_wise(doc_model, doc_dict)
