from odoo import fields, models


class ResPartnerTaxCondition(models.Model):
    """The client's position towards VAT (registered, exempt, final consumer…).

    Like l10n_ar's AFIP responsibility types, but for any country: fiscal positions
    can be restricted to tax conditions (see account.fiscal.position).
    """

    _name = "res.partner.tax.condition"
    _description = "Tax Condition"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Technical code, unique, used by imports and integrations.")
    country_id = fields.Many2one("res.country", help="Leave empty when the condition applies in any country.")
    vat_required = fields.Boolean(
        string="VAT Required", help="Clients with this condition must have a tax identification number."
    )
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint("UNIQUE(code)", "A tax condition with this code already exists.")
