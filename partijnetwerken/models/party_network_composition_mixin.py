# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import Counter

from odoo import fields, models

from .const import OFFICE_BOARD


class PartyNetworkCompositionMixin(models.AbstractModel):
    """Advice on the mix of a core group; it warns and never blocks.

    The national board aims for a balanced mix of members with and without
    governance experience, and theme networks reflect the breadth of the party.
    Models using the mixin implement ``_composition_people`` and give
    ``_compute_composition`` their own ``@api.depends``.
    """

    _name = "party.network.composition.mixin"
    _description = "Core-group composition check"

    composition_experienced_count = fields.Integer(
        string="With governance experience",
        compute="_compute_composition",
        compute_sudo=True,
        groups=OFFICE_BOARD,
    )
    composition_inexperienced_count = fields.Integer(
        string="Without governance experience",
        compute="_compute_composition",
        compute_sudo=True,
        groups=OFFICE_BOARD,
    )
    composition_province_spread = fields.Char(
        string="Spread over provinces",
        compute="_compute_composition",
        compute_sudo=True,
        groups=OFFICE_BOARD,
        help="Where the core-group members of a theme network live.",
    )
    composition_warning = fields.Text(
        string="Composition check",
        compute="_compute_composition",
        compute_sudo=True,
        groups=OFFICE_BOARD,
    )

    def _composition_people(self):
        """Return ``(people, network_type, check_minimum)`` for one record.

        ``people`` is a list of ``(partner, has_governance_experience)``;
        ``check_minimum`` says whether to warn below the minimum core-group size.
        """
        raise NotImplementedError

    def _compute_composition(self):
        minimum = self.env["party.network"]._get_setting_int("min_core_members", 4)
        for record in self:
            people, network_type, check_minimum = record._composition_people()
            experienced = sum(
                1 for _partner, has_experience in people if has_experience
            )
            record.composition_experienced_count = experienced
            record.composition_inexperienced_count = len(people) - experienced
            provinces = Counter(
                partner.state_id.name or self.env._("unknown") for partner, _x in people
            )
            record.composition_province_spread = (
                ", ".join(
                    f"{name} ({count})" for name, count in provinces.most_common()
                )
                if network_type == "theme"
                else False
            )
            record.composition_warning = (
                "\n".join(
                    record._composition_warnings(
                        people, experienced, network_type, check_minimum, minimum
                    )
                )
                or False
            )

    def _composition_warnings(
        self, people, experienced, network_type, check_minimum, minimum
    ):
        warnings = []
        count = len(people)
        if check_minimum and count < minimum:
            warnings.append(
                self.env._(
                    "The core group has %(count)s members; the national board "
                    "appoints at least %(minimum)s.",
                    count=count,
                    minimum=minimum,
                )
            )
        if count >= 2 and experienced == count:
            warnings.append(
                self.env._(
                    "All core-group members have governance experience. Aim for a "
                    "mix of members with and without it."
                )
            )
        elif count >= 2 and not experienced:
            warnings.append(
                self.env._(
                    "No core-group member has governance experience. Aim for a mix "
                    "of members with and without it."
                )
            )
        provinces = {partner.state_id for partner, _x in people}
        if (
            network_type == "theme"
            and count >= 2
            and len(provinces) == 1
            and all(provinces)
        ):
            warnings.append(
                self.env._(
                    "All core-group members live in %(province)s. A theme network "
                    "reflects the breadth of the party: look for members from other "
                    "provinces too.",
                    province=next(iter(provinces)).name,
                )
            )
        return warnings
