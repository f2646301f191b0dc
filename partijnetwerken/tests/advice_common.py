# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command

# Titles that tell in a page or an answer which advice was shown.
REQUEST_A = "Verzoek Wachtlijsten Zorg"
DRAFT_A = "Concept Mantelzorg"
SENT_A = "Verstuurd Personeelstekort"
DRAFT_FRACTIE_A = "Concept Voor De Fractie"
DRAFT_B = "Concept Studieschuld"
SENT_B = "Verstuurd Woningnood Jongeren"


class PartyNetworkAdviceCommon:
    """Advice bodies and advice of networks A and B, on top of the network
    fixture (``PartyNetworkCommon``).

    ``body_user`` acts for the national board (``body_board``) and requested
    ``request_a``; ``fractie_user`` acts for the parliamentary group
    (``body_fractie``) and requested nothing. Neither has a party networks group.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.body_user = cls._make_user("pn_body", "base.group_user")
        cls.fractie_user = cls._make_user("pn_fractie", "base.group_user")
        Body = cls.env["party.network.advice.body"]
        cls.body_board = Body.create(
            {"name": "Proefbestuur", "user_ids": [Command.set(cls.body_user.ids)]}
        )
        cls.body_fractie = Body.create(
            {
                "name": "Proeffractie",
                "user_ids": [Command.set(cls.fractie_user.ids)],
            }
        )
        cls.body_archived = Body.create({"name": "Oude commissie", "active": False})
        Advice = cls.env["party.network.advice"].with_context(mail_create_nolog=True)
        cls.request_a = Advice.with_user(cls.body_user).create(
            {
                "network_id": cls.network_a.id,
                "name": REQUEST_A,
                "advice_type": "requested",
                "question": "Hoe korten we de wachtlijsten in?",
                "date_due": cls.today + timedelta(days=14),
                "body_ids": [Command.set(cls.body_board.ids)],
            }
        )
        cls.draft_a = cls._advice(cls.network_a, DRAFT_A, "draft", cls.body_board)
        cls.sent_a = cls._advice(cls.network_a, SENT_A, "sent", cls.body_board)
        cls.draft_fractie_a = cls._advice(
            cls.network_a, DRAFT_FRACTIE_A, "draft", cls.body_fractie
        )
        cls.draft_b = cls._advice(cls.network_b, DRAFT_B, "draft", cls.body_fractie)
        cls.sent_b = cls._advice(cls.network_b, SENT_B, "sent", cls.body_fractie)

    @classmethod
    def _advice(cls, network, name, state, bodies, **vals):
        values = {
            "network_id": network.id,
            "name": name,
            "advice_type": "unsolicited",
            "content": f"<p>Het advies: {name}.</p>",
            "body_ids": [Command.set(bodies.ids)],
            "state": state,
            **vals,
        }
        if state in ("sent", "answered"):
            values.setdefault("date_sent", cls.today - timedelta(days=3))
        return cls.env["party.network.advice"].create(values)
