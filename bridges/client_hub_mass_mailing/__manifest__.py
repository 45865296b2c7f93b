{
    "name": "Client Hub: Email Marketing",
    "summary": "Mailings to the contacts of clients picked by status, category or acquisition source, "
    "and the clients that moved on after a mailing in the Journey Analysis",
    "version": "19.0.1.0.0",
    "category": "Marketing/Email Marketing",
    "author": "Client Hub contributors",
    "license": "LGPL-3",
    "depends": ["client_hub", "mass_mailing"],
    "auto_install": True,
    "data": [
        "views/res_partner_views.xml",
        "views/res_partner_journey_report_views.xml",
    ],
    "demo": ["demo/mailing_demo.xml"],
    "assets": {
        "web.assets_tests": ["client_hub_mass_mailing/static/tests/tours/**/*"],
    },
    "installable": True,
}
