from odoo import api, fields, models


class AccountFiscalPosition(models.Model):
    _inherit = "account.fiscal.position"

    tax_condition_ids = fields.Many2many(
        "res.partner.tax.condition",
        string="Tax Conditions",
        help="When set, this fiscal position is applied automatically only to clients with one of these "
        "tax conditions.",
    )

    @api.model
    def _get_fpos_validation_functions(self, partner):
        # Same hook as l10n_ar's AFIP responsibility types, for any country.
        functions = super()._get_fpos_validation_functions(partner)
        condition = partner.commercial_partner_id.tax_condition_id
        return [lambda fpos: not fpos.tax_condition_ids or condition in fpos.tax_condition_ids, *functions]
