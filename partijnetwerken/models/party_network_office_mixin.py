# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import Command, api, models
from odoo.exceptions import AccessError
from odoo.tools import email_normalize, plaintext2html

from .const import ROLE_GROUPS


def decision_body(headline, reason=False):
    """The chatter message of a decision: who decided (``headline``) and why."""
    body = Markup("<p>%s</p>") % headline
    if reason and reason.strip():
        body += plaintext2html(reason)
    return body


class PartyNetworkOfficeMixin(models.AbstractModel):
    """What every record of the party networks shares: the settings with their
    defaults, the role checks, the state label, the party office's activities and
    the private mails that go out on the party's behalf.

    Inherited by ``party.network`` and by the records that belong to a network;
    new models of the second stage inherit it too, instead of writing these again.
    """

    _name = "party.network.office.mixin"
    _description = "Party networks: settings, roles and the party office"

    @api.model
    def _get_setting(self, key):
        return (
            self.env["ir.config_parameter"].sudo().get_param(f"partijnetwerken.{key}")
        )

    @api.model
    def _get_setting_int(self, key, default):
        # get_param answers False for a missing parameter, and int(False) is 0
        value = self._get_setting(key) or None
        try:
            return int(value)
        except (TypeError, ValueError):
            return default

    @api.model
    def _check_role(self, role, message):
        """Refuse the current user with ``message`` unless they have ``role``.

        :param str role: ``office`` (party office) or ``board`` (national board)
        """
        if not (self.env.su or self.env.user.has_group(ROLE_GROUPS[role])):
            raise AccessError(message)

    def _state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    @api.model
    def _get_coordinator_user(self):
        """The user who gets the party office's activities.

        The internal party-office user whose login or email is the coordinator
        email of the settings; without one, the party-office user created first.
        """
        # sudo: any user may trigger an activity for the office (a member applying
        # in the portal); the search only returns party-office users.
        users_sudo = self.env["res.users"].sudo()
        domain = [
            ("share", "=", False),
            ("groups_id", "in", self.env.ref(ROLE_GROUPS["office"]).id),
        ]
        email = email_normalize(self._get_setting("coordinator_email") or "")
        if email:
            user = users_sudo.search(
                [*domain, "|", ("login", "=", email), ("email_normalized", "=", email)],
                order="id",
                limit=1,
            )
            if user:
                return user
        return users_sudo.search(domain, order="id", limit=1)

    def _schedule_office_activity(self, activity_type_xmlid, **values):
        """Schedule an activity of this type for the coordinator, unless one is open.

        The deadline follows the delay of the activity type.
        """
        coordinator = self._get_coordinator_user()
        values.setdefault(
            "date_deadline", self.env.ref(activity_type_xmlid)._get_date_deadline()
        )
        for record in self:
            if coordinator and not record.activity_search([activity_type_xmlid]):
                record.activity_schedule(
                    activity_type_xmlid, user_id=coordinator.id, **values
                )

    def _post_decision(self, headline, reason=False):
        """Record a decision in the chatter: who decided (``headline``) and why."""
        self.ensure_one()
        return self.message_post(
            body=decision_body(headline, reason), subtype_xmlid="mail.mt_note"
        )

    @api.model
    def _send_private_mails(self, template_xmlid, record, partners):
        """Mail ``record``, rendered with a template, to each partner separately.

        One mail per recipient, in the recipient's language (the template's
        ``lang`` reads ``ctx['recipient']``), attached to no document: who received
        it stays unknown to the readers of the document's chatter, which gets a
        note with the number of recipients. Replies go to the coordinator.

        :return: the partners that were mailed (those with an email address)
        """
        template = self.env.ref(template_xmlid)
        recipients = partners.filtered("email")
        email_values = self._private_mail_values()
        for partner in recipients:
            template.with_context(recipient=partner).send_mail(
                record.id,
                email_values={
                    **email_values,
                    "recipient_ids": [Command.link(partner.id)],
                },
            )
        if recipients:
            record.message_post(
                body=self.env._(
                    'Email "%(subject)s" sent to %(count)s recipients.',
                    subject=template.name,
                    count=len(recipients),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return recipients

    @api.model
    def _party_reply_to(self):
        """Where replies to the party's mails about networks go: the party office.

        The coordinator's address of the settings, else the company's. Never the
        personal mailbox of a volunteer, so that a member who replies does not
        reveal their address to anyone but the office.
        """
        return self._get_setting("coordinator_email") or self.env.company.email or False

    @api.model
    def _private_mail_values(self):
        """The mail values of the private mails: attached to no document, replies to
        the party office."""
        values = {"model": False, "res_id": False}
        reply_to = self._party_reply_to()
        if reply_to:
            values["reply_to"] = reply_to
        return values

    @api.model
    def _party_sender_address(self):
        """The party's own address that mails on behalf of a network come from."""
        return (
            self.env["ir.mail_server"]._get_default_from_address()
            or self.env.company.email
            or self._get_setting("coordinator_email")
            or False
        )
