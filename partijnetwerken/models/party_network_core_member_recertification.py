# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import format_date


class PartyNetworkCoreMember(models.Model):
    """Recertification (DESIGN §10.5): the access requirements of a seat hold for
    ``partijnetwerken.requirements_valid_months``. The cut-off itself is in
    ``_data_access_domain``, evaluated at every search; the daily cron only
    reminds the office ahead and writes the expiry in the seat's chatter."""

    _inherit = "party.network.core.member"

    requirements_reminder_date = fields.Date(
        string="Requirements reminder on",
        readonly=True,
        copy=False,
        help="When the party office was reminded that the access requirements of "
        "this seat expire; cleared when they are confirmed again.",
    )

    @api.model
    def _requirements_valid_until(self, confirmed_on):
        months = self._get_setting_int("requirements_valid_months", 24)
        return confirmed_on + relativedelta(months=months)

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            if vals.get("requirements_met") and not vals.get(
                "requirements_valid_until"
            ):
                confirmed_on = (
                    fields.Date.to_date(vals.get("requirements_met_date")) or today
                )
                vals["requirements_valid_until"] = self._requirements_valid_until(
                    confirmed_on
                )
        seats = super().create(vals_list)
        seats.filtered("requirements_met")._log_requirements_confirmed()
        return seats

    def write(self, vals):
        vals = dict(vals)
        confirming = bool(vals.get("requirements_met"))
        if confirming:
            today = fields.Date.context_today(self)
            vals["requirements_met_date"] = vals.get("requirements_met_date") or today
            vals.setdefault(
                "requirements_valid_until",
                self._requirements_valid_until(
                    fields.Date.to_date(vals["requirements_met_date"])
                ),
            )
        if "requirements_valid_until" in vals or "requirements_met" in vals:
            # a new validity gets its own reminder
            vals.setdefault("requirements_reminder_date", False)
        res = super().write(vals)
        if confirming:
            self._log_requirements_confirmed()
        return res

    def _log_requirements_confirmed(self):
        for seat in self:
            seat.message_post(
                body=self.env._(
                    "Access requirements confirmed by %(user)s, valid until "
                    "%(date)s.",
                    user=self.env.user.name,
                    date=format_date(self.env, seat.requirements_valid_until),
                ),
                subtype_xmlid="mail.mt_note",
            )

    def action_confirm_requirements(self):
        """The party office confirms that the members meet the access requirements
        (again): the confirmation holds for the configured number of months."""
        self._check_role(
            "office",
            self.env._("Only the party office confirms the access requirements."),
        )
        self.write({"requirements_met": True, "requirements_met_date": False})
        self.activity_unlink(
            ["partijnetwerken.mail_activity_type_requirements_renewal"]
        )
        return True

    def action_reappoint(self, months=None):
        """A reappointment needs a fresh confirmation of the access requirements:
        until the office gives it, the member sees no member data."""
        res = super().action_reappoint(months=months)
        confirmed = self.filtered("requirements_met")
        confirmed.write({"requirements_met": False})
        for seat in confirmed:
            seat.message_post(
                body=self.env._(
                    "Reappointed: the party office confirms the access requirements "
                    "again before the member sees member data."
                ),
                subtype_xmlid="mail.mt_note",
            )
        confirmed.network_id._schedule_office_activity(
            "partijnetwerken.mail_activity_type_core_access",
            note=self.env._(
                "A core-group member was reappointed: confirm the access "
                "requirements (such as a signed confidentiality statement) again."
            ),
        )
        return res

    def _default_term_months(self):
        """The term the national board set at the network's last evaluation, else
        that of the founding plan."""
        self.ensure_one()
        evaluation = self.env["party.network.evaluation"].search(
            [
                ("network_id", "=", self.network_id.id),
                ("state", "=", "decided"),
                ("decision", "in", ("continue", "adjust")),
                ("next_term_months", ">", 0),
            ],
            order="decided_date desc, id desc",
            limit=1,
        )
        return evaluation.next_term_months or super()._default_term_months()

    @api.model
    def _cron_process_requirements(self):
        """Daily: remind the party office of the access requirements that expire
        within the configured number of weeks (once), and write the expiries in
        the chatter. Access itself already ended at the search."""
        today = fields.Date.context_today(self)
        weeks = self._get_setting_int("requirements_reminder_weeks", 4)
        expired = self.search(
            [
                ("requirements_met", "=", True),
                ("requirements_valid_until", "<", today),
            ]
        )
        for seat in expired:
            seat.message_post(
                body=self.env._(
                    "The access requirements expired after %(date)s: the member sees "
                    "no member data until the party office confirms them again.",
                    date=format_date(self.env, seat.requirements_valid_until),
                ),
                subtype_xmlid="mail.mt_note",
            )
        expired.write({"requirements_met": False})
        self._remind_coordinator_before(
            "requirements_valid_until",
            "requirements_reminder_date",
            weeks,
            "partijnetwerken.mail_activity_type_requirements_renewal",
            lambda env, seat: env._(
                "The access requirements of %(partner)s in the core group of "
                "%(network)s expire after %(date)s. Ask for a new "
                "confidentiality statement and confirm the requirements again.",
                partner=seat.partner_id.name,
                network=seat.network_id.name,
                date=format_date(env, seat.requirements_valid_until),
            ),
            domain=[("requirements_met", "=", True)],
        )

    @api.model
    def _fill_requirements_valid_until(self):
        """At installation: seats confirmed before recertification existed get a
        validity from their confirmation, and at least until the reminder."""
        today = fields.Date.context_today(self)
        weeks = self._get_setting_int("requirements_reminder_weeks", 4)
        seats = self.search(
            [("requirements_met", "=", True), ("requirements_valid_until", "=", False)]
        )
        for seat in seats:
            valid_until = self._requirements_valid_until(
                seat.requirements_met_date or today
            )
            seat.requirements_valid_until = max(
                valid_until, today + relativedelta(weeks=weeks)
            )
