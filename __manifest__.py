{
    "name": "Client Hub",
    "summary": "Client profiles, credential vault, typed addresses, client portal "
    "and corrective invoices on top of Odoo contacts",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Client Hub contributors",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["contacts", "account", "portal", "utm", "mail"],
    "data": [
        "security/client_hub_groups.xml",
        "views/res_partner_views.xml",
        "views/client_hub_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "client_hub/static/tests/tours/**/*",
        ],
    },
}
