# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import formataddr, plaintext2html

from .plain_text import clean_plain_text


class PartyNetworkMessage(models.Model):
    """A message that a core group sent to all members of its network.

    Kept as its own record (as ``mail_group`` keeps ``mail.group.message``): who
    wrote it, when, and to how many members; never to whom.
    """

    _name = "party.network.message"
    _description = "Message to all members of a network"
    _inherit = ["party.network.record.mixin"]
    _order = "date desc, id desc"
    _rec_name = "subject"

    network_id = fields.Many2one(readonly=True)
    author_id = fields.Many2one(
        "res.partner", string="Written by", required=True, readonly=True
    )
    # the core group reads its colleagues' names here, not their contacts
    author_name = fields.Char(related="author_id.name", string="Writer's name")
    subject = fields.Char(required=True, readonly=True)
    body = fields.Text(string="Message", required=True, readonly=True)
    recipient_count = fields.Integer(string="Recipients", readonly=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    mail_message_id = fields.Many2one(
        "mail.message", string="Chatter note", readonly=True, ondelete="set null"
    )

    @api.model
    def _send(self, network, subject, body):
        """Email every active member of ``network`` on behalf of a core member.

        One mail per member, so no member sees another's address, and the writer
        sees none at all; the message is kept as a record and on the network's
        chatter as a note, with the number of recipients only.

        :return: the number of members the message was sent to
        """
        network.ensure_one()
        Seat = self.env["party.network.core.member"]
        if network.state != "active" or not Seat._portal_has_data_access(network):
            raise AccessError(
                self.env._("Only the core group of a network can message its members.")
            )
        subject = clean_plain_text(
            self.env, subject, self.env._("Subject"), max_length=150, required=True
        )
        body = clean_plain_text(
            self.env,
            body,
            self.env._("Message"),
            max_length=10000,
            required=True,
            multiline=True,
        )
        author = self.env.user.partner_id
        # sudo: writers may not read the messages; this only looks for their own
        # message with the same subject, just sent (a form sent twice).
        recently = fields.Datetime.now() - relativedelta(minutes=10)
        if self.sudo().search_count(
            [
                ("network_id", "=", network.id),
                ("author_id", "=", author.id),
                ("subject", "=", subject),
                ("date", ">=", recently),
            ],
            limit=1,
        ):
            raise UserError(
                self.env._(
                    "You sent a message with this subject a moment ago; it is on its "
                    "way to the members. To send another one, give it another "
                    "subject."
                )
            )
        # sudo: the writer may not read who the members are; their addresses only
        # go into the mails created below, which nobody but the system reads.
        memberships_sudo = (
            self.env["party.network.membership"]
            .sudo()
            .search([("network_id", "=", network.id), ("state", "=", "active")])
        )
        recipients_sudo = memberships_sudo.partner_id.filtered("email_normalized")
        sender = network._party_sender_address()
        if not sender:
            raise UserError(
                self.env._(
                    "The party office has not set up an address to send mails from. "
                    "Please contact the party office."
                )
            )
        # sudo: members cannot post on the network; the note carries the text and
        # the number of recipients, no names.
        network_sudo = network.sudo().with_context(mail_create_nosubscribe=True)
        note = network_sudo.message_post(
            author_id=author.id,
            # from the party and answered to the party: no member learns the
            # writer's address, and a member who replies reveals theirs only to
            # the party office
            email_from=formataddr(
                (f"{author.name} ({network.name})", sender), charset="utf-8"
            ),
            reply_to=network._members_reply_to(),
            subject=subject,
            body=Markup("<p><em>%s</em></p>%s")
            % (
                self.env._(
                    "Sent by email to all members of the network (%(count)s "
                    "recipients).",
                    count=len(recipients_sudo),
                ),
                plaintext2html(body),
            ),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        network_url = network.get_base_url() + network.access_url
        footer = self.env._(
            "You receive this email as a member of %(network)s. You can leave the "
            "network or change what you share with its core group at %(url)s",
            network=network.name,
            url=network_url,
        )
        body_html = Markup("%s<p><small>%s</small></p>") % (
            plaintext2html(body),
            footer,
        )
        self.env["mail.mail"].sudo().create(
            [
                {
                    "mail_message_id": note.id,
                    "body_html": body_html,
                    "recipient_ids": [Command.link(recipient.id)],
                    "is_notification": True,
                    "auto_delete": True,
                }
                for recipient in recipients_sudo
            ]
        )
        # sudo: queue processing is a system job; start it now instead of at the
        # next hourly run.
        cron_sudo = self.env.ref("mail.ir_cron_mail_scheduler_action").sudo()
        cron_sudo._trigger()
        # sudo: writers may not create message records; this one records what they
        # just sent, with the number of recipients and no names.
        self.sudo().create(
            {
                "network_id": network.id,
                "author_id": author.id,
                "subject": subject,
                "body": body,
                "recipient_count": len(recipients_sudo),
                "mail_message_id": note.id,
            }
        )
        return len(recipients_sudo)
