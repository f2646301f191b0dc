# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError

from .const import OFFICE_BOARD
from .export_guard import check_export_field_access
from .party_network_register_mixin import REGISTER_MAINTENANCE


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_party_member = fields.Boolean(
        string="Party member",
        index=True,
        tracking=True,
        help="Only party members can join a party network.",
    )
    governance_experience = fields.Boolean(
        string="Governance experience",
        help="Has experience as a board member or office holder. Proposed for a core "
        "group, the member counts towards the mix with and without governance "
        "experience that the national board aims for.",
    )
    # The partner-side links reveal who belongs to which network: office and board
    # only, for internal users too (who may read every contact).
    network_membership_ids = fields.One2many(
        "party.network.membership",
        "partner_id",
        string="Network memberships",
        groups=OFFICE_BOARD,
    )
    network_core_member_ids = fields.One2many(
        "party.network.core.member",
        "partner_id",
        string="Core-group appointments",
        groups=OFFICE_BOARD,
    )
    network_count = fields.Integer(
        string="Networks",
        compute="_compute_network_count",
        groups=OFFICE_BOARD,
    )

    # What the partner is in the networks today, for the access checks of a request:
    # the record rules, the consent gate and the portal pages each ask it, so it is
    # computed once per transaction (not stored) and again when the partner's
    # memberships or seats change, or on another day (``_pn_networks_of_role``).
    pn_member_networks = fields.Json(
        string="Networks as member today",
        compute="_compute_pn_member_networks",
        groups="base.group_system",
    )
    pn_core_networks = fields.Json(
        string="Networks as core member today",
        compute="_compute_pn_core_networks",
        groups="base.group_system",
    )

    @api.depends("network_membership_ids.state", "network_membership_ids.network_id")
    def _compute_pn_member_networks(self):
        # sudo: the memberships of these partners, for access checks
        groups = (
            self.env["party.network.membership"]
            .sudo()
            ._read_group(
                [("partner_id", "in", self.ids), ("state", "=", "active")],
                ["partner_id"],
                ["network_id:array_agg"],
            )
        )
        network_ids = {partner.id: ids for partner, ids in groups}
        today = str(fields.Date.context_today(self))
        for partner in self:
            partner.pn_member_networks = {
                "date": today,
                "member": sorted(set(network_ids.get(partner.id, ()))),
            }

    @api.depends(
        "network_core_member_ids.state",
        "network_core_member_ids.network_id.active",
        "network_core_member_ids.date_start",
        "network_core_member_ids.date_end",
        "network_core_member_ids.requirements_met",
        "network_core_member_ids.requirements_valid_until",
    )
    def _compute_pn_core_networks(self):
        # sudo: the seats of these partners, for access checks
        Seat = self.env["party.network.core.member"].sudo()
        seats = Seat.search_fetch(
            [("partner_id", "in", self.ids), *Seat._sitting_domain()],
            [
                "partner_id",
                "network_id",
                "requirements_met",
                "requirements_valid_until",
            ],
        )
        with_access = seats.filtered_domain(Seat._data_access_requirements_domain())
        today = str(fields.Date.context_today(self))
        by_partner = seats.grouped("partner_id")
        for partner in self:
            own = by_partner.get(partner, Seat)
            partner.pn_core_networks = {
                "date": today,
                "core_member": sorted(set(own.network_id.ids)),
                "data_access": sorted(set((own & with_access).network_id.ids)),
            }

    def _pn_networks_of_role(self, role):
        """The ids of the networks where this partner is an active member
        (``member``), sits in the core group (``core_member``) or may see member
        data (``data_access``) today."""
        self.ensure_one()
        field = "pn_member_networks" if role == "member" else "pn_core_networks"
        partner_sudo = self.sudo()
        roles = partner_sudo[field]
        if roles["date"] != str(fields.Date.context_today(self)):
            partner_sudo.invalidate_recordset([field])
            roles = partner_sudo[field]
        return roles[role]

    def _compute_network_count(self):
        counts = dict(
            self.env["party.network.membership"]._read_group(
                [("partner_id", "in", self.ids), ("state", "=", "active")],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.network_count = counts.get(partner, 0)

    def export_data(self, fields_to_export):
        check_export_field_access(self, fields_to_export)
        return super().export_data(fields_to_export)

    def _check_party_membership_change(self):
        if not (self.env.su or self.env.user._is_party_office()):
            raise AccessError(
                self.env._("Only the party office can change party membership.")
            )

    def write(self, vals):
        if "is_party_member" in vals:
            self._check_party_membership_change()
        res = super().write(vals)
        if "is_party_member" in vals and not vals["is_party_member"]:
            self._pn_leave_party()
        return res

    def _pn_leave_party(self):
        """Someone who leaves the party leaves its networks too: end the active
        network memberships of these partners and their core-group seats."""
        self.env["party.network.membership"].sudo().search(
            [("partner_id", "in", self.ids), ("state", "=", "active")]
        ).write({"state": "left"})
        self.env["party.network.core.member"].sudo().search(
            [("partner_id", "in", self.ids), ("state", "!=", "ended")]
        ).action_end()

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("is_party_member") for vals in vals_list):
            self._check_party_membership_change()
        return super().create(vals_list)

    def action_view_network_memberships(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partijnetwerken.party_network_membership_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    # Forgetting a member (GDPR art. 17): their network records stay, with their
    # dates and counts, but point at one anonymous placeholder partner.

    # The models whose records link a person to a network, with the partner field.
    _pn_partner_links = (
        ("party.network.membership", "partner_id"),
        ("party.network.consent", "partner_id"),
        ("party.network.core.member", "partner_id"),
        ("party.network.invitation", "partner_id"),
        ("party.network.invitation", "inviter_partner_id"),
        ("event.registration", "partner_id"),
        ("party.network.contribution", "partner_id"),
    )

    def _pn_forget(self):
        """End the network memberships and seats of these partners and point every
        network record of theirs at the placeholder (superuser only: the wizard
        checks the party office's right first).

        :return: the networks affected
        """
        assert self.env.su
        placeholder = self.env.ref("partijnetwerken.partner_forgotten_member")
        env = self.with_context(
            tracking_disable=True, **{REGISTER_MAINTENANCE: True}
        ).env
        memberships = env["party.network.membership"].search(
            [("partner_id", "in", self.ids)]
        )
        seats = env["party.network.core.member"].search(
            [("partner_id", "in", self.ids)]
        )
        networks = memberships.network_id | seats.network_id
        # leaving writes the consent register and the hooks of the other areas
        memberships.filtered(lambda m: m.state == "active").write({"state": "left"})
        seats.filtered(lambda s: s.state != "ended").action_end()
        self.env.flush_all()
        records = {}
        for model_name, field_name in self._pn_partner_links:
            found = env[model_name].search([(field_name, "in", self.ids)])
            found.write({field_name: placeholder.id})
            records.setdefault(model_name, env[model_name])
            records[model_name] |= found
        # What else held the person's name or address: the copies on invitations
        # and registrations, the names in the chatter of their records, follower
        # entries and the mails still waiting to be sent to them.
        records["party.network.invitation"].write({"email": placeholder.email})
        records["event.registration"].write(
            {"name": placeholder.name, "email": False, "phone": False}
        )
        plans = env["party.network.plan"].search(
            [("proposed_core_partner_ids", "in", self.ids)]
        )
        for partner in self:
            plans.write(
                {
                    "proposed_core_partner_ids": [
                        Command.unlink(partner.id),
                        Command.link(placeholder.id),
                    ]
                }
            )
            initiated = env["party.network"].search(
                [("initiator_partner_ids", "in", partner.id)]
            )
            initiated.write(
                {
                    "initiator_partner_ids": [
                        Command.unlink(partner.id),
                        Command.link(placeholder.id),
                    ]
                }
            )
        for model_name, found in records.items():
            messages = env["mail.message"].search(
                [("model", "=", model_name), ("res_id", "in", found.ids)]
            )
            messages.write({"record_name": False})
        env["mail.followers"].search(
            [
                ("partner_id", "in", self.ids),
                ("res_model", "like", "party.network"),
            ]
        ).unlink()
        env["mail.mail"].search(
            [
                ("recipient_ids", "in", self.ids),
                ("state", "in", ("outgoing", "exception")),
            ]
        ).unlink()
        users = (
            env["res.users"]
            .with_context(active_test=False)
            .search([("partner_id", "in", self.ids)])
        )
        if users:
            for model_name in ("party.network.access.log", "party.network.consent"):
                env[model_name].search([("user_id", "in", users.ids)]).write(
                    {"user_id": False}
                )
        self.write({"is_party_member": False})
        return networks | plans.network_id
