# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import html_translate

from odoo.addons.partijnetwerken.models.const import GROUP_BOARD, GROUP_OFFICE

# The smallest number of active members shown on the public page: below it a
# count says too much about the few people in the network.
PUBLIC_MEMBER_COUNT_MIN = 10


class PartyNetwork(models.Model):
    _name = "party.network"
    _inherit = [
        "party.network",
        "website.published.mixin",
        "website.seo.metadata",
        "website.searchable.mixin",
    ]

    website_description = fields.Html(
        string="Website text",
        translate=html_translate,
        sanitize_overridable=True,
        sanitize_attributes=False,
        sanitize_form=False,
        copy=False,
        help="The free part of the network's public page, edited with the website "
        "builder.",
    )
    public_member_count = fields.Integer(
        string="Public member count",
        compute="_compute_public_member_count",
        compute_sudo=True,
        help="The number of active members as the public page shows it: zero below "
        "ten members.",
    )

    @api.depends("name")
    def _compute_website_url(self):
        for network in self:
            network.website_url = (
                f"/netwerken/{self.env['ir.http']._slug(network)}"
                if network.id
                else False
            )

    @api.depends_context("uid")
    def _compute_can_publish(self):
        # the party office and the national board decide what the party shows
        user = self.env.user
        may = user.has_group(GROUP_OFFICE) or user.has_group(GROUP_BOARD)
        for network in self:
            network.can_publish = may

    def _compute_public_member_count(self):
        for network in self:
            count = network.member_count
            network.public_member_count = (
                count if count >= PUBLIC_MEMBER_COUNT_MIN else 0
            )

    @api.model
    def _get_can_publish_error_message(self):
        return self.env._(
            "Only the party office and the national board publish networks on the "
            "website."
        )

    @api.constrains("is_published", "state", "active")
    def _check_published_active(self):
        for network in self.filtered("is_published"):
            if network.state != "active" or not network.active:
                raise ValidationError(
                    self.env._(
                        "Only active networks can be published on the website "
                        "(%(network)s).",
                        network=network.name,
                    )
                )

    def write(self, vals):
        # a network that closes, merges or is archived leaves the website with it
        if ("state" in vals and vals["state"] != "active") or (
            "active" in vals and not vals["active"]
        ):
            if not vals.get("is_published") and not vals.get("website_published"):
                published = self.filtered("is_published")
                if published:
                    super(PartyNetwork, published.sudo()).write({"is_published": False})
        return super().write(vals)

    def _default_website_meta(self):
        res = super()._default_website_meta()
        description = (self.goal or "")[:300]
        res["default_opengraph"]["og:description"] = description
        res["default_twitter"]["twitter:description"] = description
        return res

    @api.model
    def _get_thread_with_access(self, thread_id, mode="read", **kwargs):
        # the public reads a published network's page, never its chatter
        if self.env.user._is_public():
            return self.browse()
        return super()._get_thread_with_access(thread_id, mode, **kwargs)

    @api.model
    def _website_domain(self):
        """The networks the public website shows."""
        return [("website_published", "=", True), ("state", "=", "active")]

    @api.model
    def _search_get_detail(self, website, order, options):
        with_description = options["displayDescription"]
        search_fields = ["name"]
        fetch_fields = ["id", "name", "website_url"]
        mapping = {
            "name": {"name": "name", "type": "text", "match": True},
            "website_url": {"name": "website_url", "type": "text", "truncate": False},
        }
        if with_description:
            search_fields.append("goal")
            fetch_fields.append("goal")
            mapping["description"] = {"name": "goal", "type": "text", "match": True}
        return {
            "model": "party.network",
            "base_domain": [self._website_domain()],
            "search_fields": search_fields,
            "fetch_fields": fetch_fields,
            "mapping": mapping,
            "icon": "fa-users",
            "order": "name desc, id desc" if "name desc" in order else "name, id",
        }
