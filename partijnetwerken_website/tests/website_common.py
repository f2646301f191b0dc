# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields

from odoo.addons.partijnetwerken.tests.portal_common import PartyNetworkPortalCommon

# A name no demo network has, so that the tests also hold on a database with demo.
NETWORK_NAME = "Themanetwerk Websitezorg"
ADVICE_TITLE = "Advies over wijkverpleging"
DRAFT_TITLE = "Concept over mantelzorg"


class PartyNetworkWebsiteCommon(PartyNetworkPortalCommon):
    """The core fixture with network A published: a published and an unpublished
    activity, a published advice and a draft; the portal core member of A shows
    their seat on the website, the internal one does not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.network_a.write({"name": NETWORK_NAME, "is_published": True})
        cls.event_a.is_published = True
        now = fields.Datetime.now()
        cls.event_open = cls.env["event.event"].create(
            {
                "name": "Open avond zorg",
                "network_id": cls.network_a.id,
                "network_activity_kind": "expert_session",
                "network_members_only": False,
                "date_begin": now + timedelta(days=9),
                "date_end": now + timedelta(days=9, hours=2),
                "is_published": True,
            }
        )
        cls.event_hidden = cls.env["event.event"].create(
            {
                "name": "Besloten kerngroepoverleg",
                "network_id": cls.network_a.id,
                "network_activity_kind": "meeting",
                "date_begin": now + timedelta(days=5),
                "date_end": now + timedelta(days=5, hours=2),
            }
        )
        body = cls.env["party.network.advice.body"].create({"name": "Fractie"})
        Advice = cls.env["party.network.advice"]
        cls.advice = Advice.create(
            {
                "network_id": cls.network_a.id,
                "name": ADVICE_TITLE,
                "content": "<p>Meer wijkverpleging in de buurt.</p>",
                "body_ids": [(6, 0, body.ids)],
                "state": "sent",
                "date_sent": fields.Date.today(),
            }
        )
        cls.advice.website_published = True
        cls.draft = Advice.create(
            {
                "network_id": cls.network_a.id,
                "name": DRAFT_TITLE,
                "content": "<p>Nog niet klaar.</p>",
                "body_ids": [(6, 0, body.ids)],
                "state": "draft",
            }
        )
        cls.core_a.show_on_website = True
