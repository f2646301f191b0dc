# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Party networks: online contributions",
    "summary": "Members pay their voluntary contribution to a network online "
    "through Odoo's payment providers",
    "version": "18.0.1.0.0",
    "category": "Association",
    "website": "https://github.com/partijnetwerken/partijnetwerken",
    "author": "partijnetwerken",
    "license": "LGPL-3",
    "depends": ["partijnetwerken", "payment"],
    "data": [
        "views/payment_transaction_views.xml",
        "views/party_network_contribution_payment_templates.xml",
    ],
    "auto_install": True,
    "installable": True,
}
