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
        "security/ir.model.access.csv",
        "security/client_hub_rules.xml",
        "data/ir_sequence_data.xml",
        "data/res_partner_client_status_data.xml",
        "data/res_partner_tax_condition_data.xml",
        "data/utm_source_data.xml",
        "views/res_partner_client_status_views.xml",
        "views/res_partner_client_category_views.xml",
        "views/res_partner_tax_condition_views.xml",
        "views/res_partner_satisfaction_views.xml",
        "views/res_partner_views.xml",
        "views/account_fiscal_position_views.xml",
        "views/client_hub_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/res_partner_client_category_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/res_partner_satisfaction_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "client_hub/static/src/**/*",
        ],
        "web.assets_tests": [
            "client_hub/static/tests/tours/**/*",
        ],
    },
}
