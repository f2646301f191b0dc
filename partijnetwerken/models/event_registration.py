# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import api, fields, models

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

    @api.model
    def _pn_cancel_after_leaving(self, memberships):
        """Leaving a network cancels the member's registrations for its future
        members-only activities; past registrations stay as they were.

        Called by ``party.network.membership._on_leave``.
        """
        # sudo: the member's partner and registrations are not readable by every
        # path that ends a membership (a member leaving in the portal); the search
        # is restricted to the partners of the memberships that just ended.
        memberships_sudo = memberships.sudo()
        domain = [
            ("state", "in", ("draft", "open")),
            ("event_id.network_members_only", "=", True),
            ("event_id.date_begin", ">", fields.Datetime.now()),
        ]
        for network, leaving in memberships_sudo.grouped("network_id").items():
            self.sudo().search(
                [
                    *domain,
                    ("event_id.network_id", "=", network.id),
                    ("partner_id", "in", leaving.partner_id.ids),
                ]
            ).action_cancel()
