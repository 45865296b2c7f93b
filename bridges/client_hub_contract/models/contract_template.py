from odoo import fields, models


class ContractTemplate(models.Model):
    _inherit = "contract.template"

    client_contract_type_id = fields.Many2one(
        "res.partner.contract.type",
        help="Client Hub's contract type of the clients who sign a contract of this template: given to "
        "a client that has none yet when its first contract of the template is saved.",
    )
