# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import email_normalize

from .plain_text import clean_plain_text, strip_control_chars


class PartyNetworkApplicationMixin(models.AbstractModel):
    """Applying for a new network (DESIGN §3, §7): the intake pause, the
    application by members in the portal with its co-initiators, and the first
    activity of the party office.

    A part of ``party.network`` (which inherits it), kept in a file of its own.
    """

    _name = "party.network.application.mixin"
    _description = "Party networks: applications for a new network"

    @api.model
    def _get_intake_status(self):
        """Whether members can apply for a new network, and what they see if not."""
        return {
            "open": self._get_setting("intake_open") == "True",
            "message": self._get_setting("intake_closed_message") or "",
            "reopen_date": self._get_setting("intake_reopen_date") or "",
        }

    @api.model
    def _check_intake_open(self):
        status = self._get_intake_status()
        if status["open"]:
            return
        lines = [
            self.env._(
                "The party office does not accept applications for new networks at "
                "the moment."
            )
        ]
        if status["message"]:
            lines.append(status["message"])
        if status["reopen_date"]:
            lines.append(
                self.env._("Expected reopening: %(date)s.", date=status["reopen_date"])
            )
        raise UserError("\n".join(lines))

    @api.model
    def _is_members_application(self, vals):
        values = {**self.default_get(["state", "origin"]), **vals}
        return (
            values.get("state") == "application" and values.get("origin") == "members"
        )

    @api.model
    def _create_application(self, vals, initiator_partners):
        """Register the application of a group of members for a new network.

        For the member portal and the back-office alike: refused while the intake
        is paused. Only ``name``, ``network_type`` and ``goal`` are taken from
        ``vals``. The initiators are not made followers and do not author the
        creation message, so the readers of the network's chatter do not learn who
        they are.

        :param initiator_partners: the party members who apply (res.partner)
        :return: the new network, in the caller's environment
        """
        self._check_intake_open()
        if not initiator_partners:
            raise ValidationError(self.env._("An application needs its initiators."))
        outsiders = initiator_partners.filtered(lambda p: not p.is_party_member)
        if outsiders:
            raise ValidationError(
                self.env._(
                    "Only party members can apply for a network: %(names)s is not a "
                    "party member.",
                    names=", ".join(outsiders.mapped("name")),
                )
            )
        values = {
            key: vals[key] for key in ("name", "network_type", "goal") if key in vals
        }
        if not (values.get("name") or "").strip():
            raise ValidationError(self.env._("Give the new network a name."))
        types = dict(self._fields["network_type"].selection)
        if values.setdefault("network_type", "theme") not in types:
            raise ValidationError(self.env._("Choose the type of the network."))
        values.update(
            state="application",
            origin="members",
            initiator_partner_ids=[Command.set(initiator_partners.ids)],
        )
        # sudo: members may not create networks; this creates an application with
        # the values above only, in the state the intake starts from.
        network_sudo = (
            self.sudo()
            .with_context(mail_create_nosubscribe=True, mail_create_nolog=True)
            .create(values)
        )
        return self.browse(network_sudo.id)

    def _schedule_first_activity(self):
        """The coordinator's first activity on a new application."""
        for network in self:
            network._schedule_office_activity(
                "partijnetwerken.mail_activity_type_intake"
                if network.origin == "members"
                else "partijnetwerken.mail_activity_type_founding_plan"
            )

    # Portal (member and core-group pages). The helpers below run as the portal
    # user; each sudo is confined to one lookup and says why.

    @api.model
    def _portal_intake_info(self):
        """Whether members may apply for a new network now, and what to tell them."""
        return {
            **self._get_intake_status(),
            "coordinator_email": self._get_setting("coordinator_email") or "",
        }

    @api.model
    def _portal_parse_co_initiators(self, text, limit=10):
        """The email addresses typed as co-initiators, normalised and validated."""
        addresses = []
        text = strip_control_chars(text)
        for token in text.replace(",", " ").replace(";", " ").split():
            normalized = email_normalize(token)
            if not normalized:
                raise ValidationError(
                    self.env._(
                        "Co-initiators: %(address)s is not a valid email address.",
                        address=token[:100],
                    )
                )
            if normalized not in addresses:
                addresses.append(normalized)
        if len(addresses) > limit:
            raise ValidationError(
                self.env._(
                    "Co-initiators: name at most %(limit)s people; the party office "
                    "will help you to involve more later.",
                    limit=limit,
                )
            )
        return addresses

    @api.model
    def _portal_create_application(self, name, network_type, goal, co_initiators=""):
        """Apply for a new network in the portal, for the current user.

        Cleans the typed text (plain text, sensible lengths) and registers the
        application through ``_create_application`` with the current user as its
        initiator. The addresses typed as ``co_initiators`` are invited: the party
        members behind them become initiators when they accept. A form sent twice
        makes one application.
        """
        self._check_intake_open()
        partner = self.env.user.partner_id
        if not partner.is_party_member:
            raise UserError(
                self.env._("Only party members can apply for a new network.")
            )
        name = clean_plain_text(
            self.env, name, self.env._("Name"), max_length=80, required=True
        )
        goal = clean_plain_text(
            self.env,
            goal,
            self.env._("Goal"),
            max_length=5000,
            required=True,
            multiline=True,
        )
        addresses = self._portal_parse_co_initiators(co_initiators)
        recently = fields.Datetime.now() - relativedelta(minutes=10)
        duplicate = self.search(
            [
                ("name", "=", name),
                ("state", "=", "application"),
                ("create_uid", "=", self.env.uid),
                ("create_date", ">=", recently),
            ],
            limit=1,
        )
        if duplicate:
            return duplicate
        network = self._create_application(
            {"name": name, "network_type": network_type, "goal": goal}, partner
        )
        self.env["party.network.invitation"]._invite(network, addresses)
        return network
