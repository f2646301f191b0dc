# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

# The party works in Dutch time; the test users and "today" of the tests share it,
# whatever the time zone of the database's own users (the demo sets one).
TEST_TZ = "Europe/Amsterdam"

# Marks the identity of members who did not consent (or are in another network):
# none of it may ever reach a core-group member of network A.
SECRET_NAME = "Bram Geheimhouder"
SECRET_EMAIL = "bram.geheim@example.nl"
SECRET_PHONE = "+31 6 22222222"
LEFT_NAME = "Carla Vertrokken"
LEFT_EMAIL = "carla@example.nl"
OTHER_NETWORK_NAME = "Esther Elders"
OTHER_NETWORK_EMAIL = "esther.elders@example.nl"
OTHER_CONSENTING_NAME = "Daan Deelnemer"
OTHER_CONSENTING_EMAIL = "daan@example.nl"
# All of the above: what a page or an answer for network A's core group never holds.
PRIVATE_DATA = (
    SECRET_NAME,
    SECRET_EMAIL,
    SECRET_PHONE,
    LEFT_NAME,
    LEFT_EMAIL,
    OTHER_NETWORK_NAME,
    OTHER_NETWORK_EMAIL,
    OTHER_CONSENTING_NAME,
    OTHER_CONSENTING_EMAIL,
)


class PartyNetworkCommon:
    """Two active networks with core groups and members with and without consent.

    Network A: core members ``core_user`` (portal) and ``core_internal_user``
    (internal user); members Anna (consents), Bram (does not consent), Carla (left,
    had consented) and ``member_user`` (consents).
    Network B: core member ``core_b_user``; members Daan (consents) and Esther.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=True, tz=TEST_TZ)
        )
        cls.today = fields.Date.context_today(cls.env["party.network"])
        cls.office_user = cls._make_user("pn_office", "partijnetwerken.group_office")
        cls.board_user = cls._make_user("pn_board", "partijnetwerken.group_board")
        cls.manager_user = cls._make_user("pn_manager", "partijnetwerken.group_manager")
        cls.internal_user = cls._make_user("pn_internal", "base.group_user")
        cls.core_user = cls._make_user("pn_core", "base.group_portal", member=True)
        cls.core_internal_user = cls._make_user(
            "pn_core_internal", "base.group_user", member=True
        )
        cls.core_b_user = cls._make_user("pn_core_b", "base.group_portal", member=True)
        cls.member_user = cls._make_user("pn_member", "base.group_portal", member=True)
        cls.outsider_user = cls._make_user("pn_outsider", "base.group_portal")

        Partner = cls.env["res.partner"]
        cls.anna = Partner.create(
            {
                "name": "Anna Aandeel",
                "email": "anna.aandeel@example.nl",
                "phone": "+31 6 11111111",
                "city": "Utrecht",
                "is_party_member": True,
            }
        )
        cls.bram = Partner.create(
            {
                "name": SECRET_NAME,
                "email": SECRET_EMAIL,
                "phone": SECRET_PHONE,
                "city": "Zwolle",
                "is_party_member": True,
            }
        )
        cls.carla = Partner.create(
            {
                "name": LEFT_NAME,
                "email": LEFT_EMAIL,
                "is_party_member": True,
            }
        )
        cls.daan = Partner.create(
            {
                "name": OTHER_CONSENTING_NAME,
                "email": OTHER_CONSENTING_EMAIL,
                "is_party_member": True,
            }
        )
        cls.esther = Partner.create(
            {
                "name": OTHER_NETWORK_NAME,
                "email": OTHER_NETWORK_EMAIL,
                "is_party_member": True,
            }
        )

        Network = cls.env["party.network"]
        start = cls.today - relativedelta(months=3)
        cls.network_a = Network.create(
            {
                "name": "Themanetwerk Zorg",
                "network_type": "theme",
                "goal": "Goede zorg dichtbij voor iedereen.",
                "state": "active",
                "date_start": start,
            }
        )
        cls.network_b = Network.create(
            {
                "name": "Doelgroepnetwerk Jongeren",
                "network_type": "target_group",
                "goal": "Jongeren een stem geven.",
                "state": "active",
                "date_start": start,
            }
        )
        cls.core_a = cls._appoint(cls.network_a, cls.core_user.partner_id, start)
        cls.core_a_internal = cls._appoint(
            cls.network_a, cls.core_internal_user.partner_id, start
        )
        cls.core_b = cls._appoint(cls.network_b, cls.core_b_user.partner_id, start)

        cls.m_anna = cls._join(cls.network_a, cls.anna, consent=True)
        cls.m_bram = cls._join(cls.network_a, cls.bram, consent=False)
        cls.m_carla = cls._join(cls.network_a, cls.carla, consent=True)
        cls.m_carla.write({"state": "left"})
        cls.m_member = cls._join(
            cls.network_a, cls.member_user.partner_id, consent=True
        )
        cls.m_daan = cls._join(cls.network_b, cls.daan, consent=True)
        cls.m_esther = cls._join(cls.network_b, cls.esther, consent=False)

    @classmethod
    def _load_dutch(cls):
        """Dutch active, with the addon's terms, as installing it would load them."""
        cls.env["res.lang"]._activate_lang("nl_NL")
        cls.env["ir.module.module"]._load_module_terms(
            ["partijnetwerken"], ["nl_NL"], overwrite=True
        )

    @classmethod
    def _make_user(cls, login, groups, member=False):
        user = new_test_user(
            cls.env,
            login=login,
            groups=groups,
            name=login.replace("_", " ").title(),
            email=f"{login}@example.nl",
            tz=TEST_TZ,
        )
        if member:
            user.partner_id.is_party_member = True
        return user

    @classmethod
    def _appoint(cls, network, partner, date_start, months=24, **vals):
        return cls.env["party.network.core.member"].create(
            {
                "network_id": network.id,
                "partner_id": partner.id,
                "state": "appointed",
                "date_start": date_start,
                "date_end": date_start + relativedelta(months=months),
                "requirements_met": True,
                **vals,
            }
        )

    @classmethod
    def _join(cls, network, partner, consent):
        # members of the fixture, not newcomers: no welcome mail among the mails
        # the tests count (test_members_mail welcomes its own)
        Membership = cls.env["party.network.membership"]
        return Membership.with_context(pn_welcome_mail=False).create(
            {
                "network_id": network.id,
                "partner_id": partner.id,
                "goal_endorsed": True,
                "consent_data_sharing": consent,
            }
        )


class PartyNetworkCase(PartyNetworkCommon, TransactionCase):
    pass


class PartyNetworkLifecycleCommon(PartyNetworkCommon):
    """The fixture above, with chatter tracking on, for the network lifecycle.

    Adds a coordinator (``office_user``, by the coordinator email), a second board
    member, five party members who found a network (Dutch- and English-speaking,
    from several provinces, two with governance experience) and ``application``:
    their application, made through ``_create_application``.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the lifecycle is followed in the chatter: tracking on for what follows
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.network_a = cls.network_a.with_env(cls.env)
        cls.network_b = cls.network_b.with_env(cls.env)
        params = cls.env["ir.config_parameter"]
        params.set_param("partijnetwerken.intake_open", "True")
        params.set_param("partijnetwerken.min_core_members", "4")
        params.set_param("partijnetwerken.target_months", "12")
        params.set_param("partijnetwerken.term_reminder_weeks", "8")
        params.set_param("partijnetwerken.coordinator_email", cls.office_user.email)
        cls.board_user_2 = cls._make_user("pn_board_2", "partijnetwerken.group_board")
        cls.env["res.lang"]._activate_lang("nl_NL")
        netherlands = cls.env.ref("base.nl")
        provinces = {
            code: cls.env["res.country.state"].create(
                {"name": name, "code": f"PN{code}", "country_id": netherlands.id}
            )
            for code, name in (
                ("UT", "Utrecht"),
                ("GR", "Groningen"),
                ("NH", "Noord-Holland"),
            )
        }
        cls.founders = cls.env["res.partner"].create(
            [
                {
                    "name": name,
                    "email": f"{name.split()[0].lower()}@example.nl",
                    "lang": lang,
                    "state_id": provinces[province].id,
                    "governance_experience": experienced,
                    "is_party_member": True,
                }
                for name, lang, province, experienced in (
                    ("Fenna Friesland", "nl_NL", "GR", True),
                    ("Gijs Groen", "nl_NL", "UT", False),
                    ("Hanna Hollander", "en_US", "NH", True),
                    ("Ids Ijsselmeer", "nl_NL", "UT", False),
                    ("Joke Jansen", "nl_NL", "NH", False),
                )
            ]
        )
        cls.application = cls.env["party.network"]._create_application(
            {
                "name": "Themanetwerk Klimaat en energie",
                "network_type": "theme",
                "goal": "Een eerlijke energietransitie voor iedereen.",
            },
            cls.founders[:2],
        )

    def _submitted_plan(self, name="Themanetwerk Wonen", partners=None):
        """A plan of a new network, submitted to the board by the party office."""
        network = self.env["party.network"].create(
            {
                "name": name,
                "state": "plan",
                "intake_date": self.today,
                "initiator_partner_ids": [Command.set(self.founders[:2].ids)],
            }
        )
        plan = self.env["party.network.plan"].create(
            {
                "network_id": network.id,
                "proposed_core_partner_ids": [
                    Command.set((partners or self.founders[:4]).ids)
                ],
            }
        )
        plan.with_user(self.office_user).action_submit()
        return plan

    def _mails_to(self, partner):
        """The outgoing mails addressed to ``partner``."""
        return self.env["mail.mail"].search([("recipient_ids", "in", partner.ids)])

    def _activities(self, record, xmlid):
        return record.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(xmlid)
        )

    def _flush_tracking(self):
        # mail.thread discards tracking in the transaction that created the record
        self.env.flush_all()
        self.cr.flush()


class PartyNetworkLifecycleCase(PartyNetworkLifecycleCommon, TransactionCase):
    pass
