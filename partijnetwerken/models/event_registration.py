# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import models

NETWORK_CONFIRMATION_TEMPLATE = (
    "partijnetwerken.mail_template_network_event_registration"
)


class EventRegistration(models.Model):
    _inherit = "event.registration"

    def _process_attachments_for_template_post(self, mail_template):
        """The network activity's confirmation carries the activity as an .ics
        file, made by ``event``'s own ``_get_ics_file``."""
        result = super()._process_attachments_for_template_post(mail_template)
        template = self.env.ref(NETWORK_CONFIRMATION_TEMPLATE, raise_if_not_found=False)
        if not template or mail_template != template:
            return result
        for event, registrations in self.grouped("event_id").items():
            # the file is in the member's language (the template renders in it)
            ics = event.with_context(lang=registrations[:1].partner_id.lang)
            content = ics._get_ics_file().get(event.id)
            if not content:
                continue
            filename = f"{event.name}.ics".replace("/", "-")
            for registration in registrations:
                result.setdefault(registration.id, {}).setdefault(
                    "attachments", []
                ).append((filename, base64.b64encode(content)))
        return result
