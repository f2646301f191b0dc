# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PartyNetworkSettingsMixin(models.AbstractModel):
    """The party-network settings, each an ``ir.config_parameter`` key
    ``partijnetwerken.*``: the one list of keys and defaults shared by Odoo's
    Settings (administrators) and the office's own settings form."""

    _name = "party.network.settings.mixin"
    _description = "Party-network settings (the keys)"

    partijnetwerken_intake_open = fields.Boolean(
        string="Intake open",
        config_parameter="partijnetwerken.intake_open",
        help="When off, members cannot apply for new networks and see the message "
        "below instead.",
    )
    partijnetwerken_intake_closed_message = fields.Char(
        string="Message while intake is paused",
        config_parameter="partijnetwerken.intake_closed_message",
    )
    partijnetwerken_intake_reopen_date = fields.Char(
        string="Expected reopening",
        config_parameter="partijnetwerken.intake_reopen_date",
        help="Shown to members while intake is paused, e.g. 1 March.",
    )
    partijnetwerken_min_core_members = fields.Integer(
        string="Minimum core-group size",
        config_parameter="partijnetwerken.min_core_members",
        default=4,
    )
    partijnetwerken_target_member_count = fields.Integer(
        string="Member target",
        config_parameter="partijnetwerken.target_member_count",
        default=50,
    )
    partijnetwerken_target_months = fields.Integer(
        string="Months to reach the member target",
        config_parameter="partijnetwerken.target_months",
        default=12,
    )
    partijnetwerken_term_reminder_weeks = fields.Integer(
        string="Term reminder (weeks)",
        config_parameter="partijnetwerken.term_reminder_weeks",
        default=8,
        help="How many weeks before a core-group term ends the party office gets an "
        "activity to prepare the reappointment or a successor.",
    )
    partijnetwerken_access_log_retention_months = fields.Integer(
        string="Keep the access log (months)",
        config_parameter="partijnetwerken.access_log_retention_months",
        default=24,
        help="How long the log of core-group members opening member data is kept; "
        "older rows are deleted every night.",
    )
    partijnetwerken_coordinator_email = fields.Char(
        string="Coordinator email",
        config_parameter="partijnetwerken.coordinator_email",
        help="The networks coordinator of the party office: first point of contact.",
    )
    partijnetwerken_requirements_valid_months = fields.Integer(
        string="Access requirements valid (months)",
        config_parameter="partijnetwerken.requirements_valid_months",
        default=24,
        help="How long a confirmation of a core-group member's access requirements "
        "(such as a signed confidentiality statement) holds.",
    )
    partijnetwerken_requirements_reminder_weeks = fields.Integer(
        string="Requirements reminder (weeks)",
        config_parameter="partijnetwerken.requirements_reminder_weeks",
        default=4,
        help="How many weeks before the access requirements expire the party "
        "office is reminded to confirm them again.",
    )
    partijnetwerken_evaluation_months = fields.Integer(
        string="Evaluation interval (months)",
        config_parameter="partijnetwerken.evaluation_months",
        default=12,
        help="How many months after the start, or after the national board's last "
        "decision, a network is evaluated.",
    )
    partijnetwerken_event_reminder_days = fields.Integer(
        string="Activity reminder (days)",
        config_parameter="partijnetwerken.event_reminder_days",
        default=2,
        help="How many days before a network activity starts its registered members "
        "get a reminder by email. Applies to activities created from then on; the "
        "party office can change or remove the reminder of one activity on its "
        "Communication tab.",
    )
    # Char: Settings store only simple types as parameters; shown as a text area.
    partijnetwerken_contribution_instructions = fields.Char(
        string="Payment instructions for contributions",
        config_parameter="partijnetwerken.contribution_instructions",
        help="What members read after pledging a voluntary contribution, e.g. the "
        "party's IBAN and to mention the reference.",
    )

    @api.constrains("partijnetwerken_event_reminder_days")
    def _check_event_reminder_days(self):
        # Left empty (0), a number falls back to its default, as Odoo's Settings
        # store it: no value at all.
        for settings in self:
            if not 0 <= settings.partijnetwerken_event_reminder_days <= 60:
                raise ValidationError(
                    self.env._(
                        "Send the reminder before an activity between 1 and 60 days "
                        "ahead; left empty, it goes 2 days ahead."
                    )
                )

    def _valid_field_parameter(self, field, name):
        return name == "config_parameter" or super()._valid_field_parameter(field, name)

    def _pn_config_fields(self):
        """The fields of this list: ``{name: field}``."""
        return {
            name: field
            for name, field in self._fields.items()
            if (getattr(field, "config_parameter", None) or "").startswith(
                "partijnetwerken."
            )
        }
