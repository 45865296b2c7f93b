{
    "name": "Client Hub: Polish e-invoicing (KSeF)",
    "summary": "Corrections of Client Hub sent to KSeF as valid FA(3) correcting invoices (KOR)",
    "version": "19.0.1.0.0",
    "category": "Accounting/Localizations",
    "author": "Client Hub contributors",
    "license": "LGPL-3",
    "depends": ["client_hub", "l10n_pl_edi"],
    "auto_install": True,
    "data": [
        "data/fa3_template.xml",
        "views/account_move_views.xml",
    ],
    "installable": True,
}
