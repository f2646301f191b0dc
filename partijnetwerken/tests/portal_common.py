# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import timedelta

from odoo import Command, fields, http

from .common import PRIVATE_DATA, PartyNetworkCommon

COORDINATOR_EMAIL = "netwerken@partij.example.nl"


class PartyNetworkPortalCommon(PartyNetworkCommon):
    """The fixture of ``PartyNetworkCommon`` plus what the portal shows: an upcoming
    activity, an application and an open intake. For ``HttpCase`` classes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param(
            "partijnetwerken.intake_open", "True"
        )
        cls.env["ir.config_parameter"].sudo().set_param(
            "partijnetwerken.coordinator_email", COORDINATOR_EMAIL
        )
        now = fields.Datetime.now()
        cls.event_a = cls.env["event.event"].create(
            {
                "name": "Online meeting on care",
                "network_id": cls.network_a.id,
                "network_activity_kind": "meeting",
                "date_begin": now + timedelta(days=7),
                "date_end": now + timedelta(days=7, hours=2),
            }
        )
        cls.application = cls.env["party.network"].create(
            {
                "name": "Themanetwerk Cultuur",
                "network_type": "theme",
                "goal": "Kunst en cultuur voor iedereen.",
                "initiator_partner_ids": [Command.set(cls.core_b_user.partner_id.ids)],
            }
        )

    def login(self, user):
        """Log ``user`` in, or log out for ``None`` (the anonymous visitor)."""
        if user:
            self.authenticate(user.login, user.login)
        else:
            self.authenticate(None, None)

    def get(self, url):
        return self.url_open(url, allow_redirects=False)

    def post(self, url, data=None, csrf=True):
        data = dict(data or {})
        if csrf:
            data["csrf_token"] = http.Request.csrf_token(self)
        # url_open() turns a POST without data into a GET
        return self.opener.post(
            self.base_url() + url, data=data, allow_redirects=False, timeout=12
        )

    def assertLoginRedirect(self, response):
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def assertRedirect(self, response, path):
        error = re.search(r'o_pn_error">(.*?)<', response.text, re.S)
        self.assertEqual(response.status_code, 303, error and error.group(1))
        self.assertIn(path, response.headers["Location"])

    def assertNoPrivateData(self, response):
        """Nothing of members who did not consent, left, or are in network B."""
        for secret in PRIVATE_DATA:
            self.assertNotIn(secret, response.text)

    def active_memberships(self, network, partner):
        return self.env["party.network.membership"].search(
            [
                ("network_id", "=", network.id),
                ("partner_id", "=", partner.id),
                ("state", "=", "active"),
            ]
        )
