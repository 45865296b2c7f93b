from odoo import api, fields, models


class ResPartnerAddressType(models.Model):
    """The purpose of a client's address: invoice, delivery, workplace, correspondence…

    Each type maps to one of Odoo's own address types (`core_type`), so invoices and
    deliveries keep finding their addresses.
    """

    _name = "res.partner.address.type"
    _description = "Address Type"
    _order = "sequence, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Technical code, unique, also accepted by imports.")
    core_type = fields.Selection(
        [("invoice", "Invoice"), ("delivery", "Delivery"), ("other", "Other")],
        string="Odoo Address Type",
        required=True,
        default="other",
        help="The address type Odoo itself uses for addresses of this type.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    portal_editable = fields.Boolean(
        string="Editable in the Portal", help="The client's people may add and change addresses of this type."
    )

    _code_unique = models.Constraint("UNIQUE(code)", "An address type with this code already exists.")

    @api.model
    def _find_by_code(self, code):
        return self.search([("code", "=", code)], limit=1)
