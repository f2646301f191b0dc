# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Party networks: public website",
    "summary": "Public pages per network: goal, core contacts, activities, advice",
    "version": "18.0.1.0.0",
    "category": "Website",
    "website": "https://github.com/partijnetwerken/partijnetwerken",
    "author": "partijnetwerken",
    "license": "LGPL-3",
    "depends": ["partijnetwerken", "website", "website_event"],
    "auto_install": True,
    "data": [
        "security/ir.model.access.csv",
        "security/party_network_website_security.xml",
        "data/website_menu_data.xml",
        "views/party_network_views.xml",
        "views/party_network_website_templates.xml",
    ],
    "demo": ["demo/party_network_website_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "partijnetwerken_website/static/src/js/tours/*.js",
        ],
    },
}
