# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Party networks",
    "summary": "Theme and target-group networks of a political party: "
    "founding plans, memberships with consent, core groups",
    "version": "18.0.1.0.0",
    "category": "Association",
    "website": "https://github.com/partijnetwerken/partijnetwerken",
    "author": "partijnetwerken",
    "license": "LGPL-3",
    "application": True,
    "depends": ["mail", "portal", "contacts", "event"],
    "data": [
        "security/partijnetwerken_groups.xml",
        "security/ir.model.access.csv",
        "security/party_network_security.xml",
        "data/ir_config_parameter_data.xml",
        "views/party_network_views.xml",
        "views/party_network_plan_views.xml",
        "views/party_network_core_member_views.xml",
        "views/party_network_membership_views.xml",
        "views/res_partner_views.xml",
        "views/event_event_views.xml",
        "views/res_config_settings_views.xml",
        "views/partijnetwerken_menus.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/party_network_demo.xml",
    ],
}
