# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Party networks: membership",
    "summary": "Party membership of the networks follows the dues in Odoo's "
    "Members app",
    "version": "18.0.1.0.0",
    "category": "Association",
    "website": "https://github.com/partijnetwerken/partijnetwerken",
    "author": "partijnetwerken",
    "license": "LGPL-3",
    "depends": ["partijnetwerken", "membership"],
    "data": [
        "data/ir_cron_data.xml",
        "views/res_partner_views.xml",
    ],
    "demo": [
        "demo/membership_demo.xml",
    ],
    "post_init_hook": "post_init_hook",
    "auto_install": True,
}
