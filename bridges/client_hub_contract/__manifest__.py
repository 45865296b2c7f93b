{
    "name": "Client Hub: Contracts (OCA contract)",
    "summary": "The client's recurring contracts (OCA's contract) on its form, list, analysis and portal",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Client Hub contributors",
    # A work based on OCA's contract (AGPL-3): the bridge is AGPL-3 too.
    "license": "AGPL-3",
    "depends": ["client_hub", "contract"],
    "auto_install": True,
    "data": [
        "security/contract_rules.xml",
        "views/res_partner_views.xml",
        "views/contract_template_views.xml",
        "views/res_partner_client_report_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": ["demo/contract_demo.xml"],
    "assets": {
        "web.assets_tests": ["client_hub_contract/static/tests/tours/**/*"],
    },
    "installable": True,
}
