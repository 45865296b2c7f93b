from odoo import fields, models


class ResPartnerContractType(models.Model):
    _name = "res.partner.contract.type"
    _description = "Client Contract Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    description = fields.Text(translate=True)
