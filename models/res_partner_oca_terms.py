from odoo import fields, models


class ResPartner(models.Model):
    """The OCA fields the Client page shows (partner_mobile, partner_contact_gender) declared
    again with their labels: their labels and gender values become the module's own terms,
    translated with it (Odoo loads a module's translations of the fields it declares; OCA ships
    no Russian or Polish for them)."""

    _inherit = "res.partner"

    mobile = fields.Char(string="Mobile")
    gender = fields.Selection(
        [("male", "Male"), ("female", "Female"), ("other", "Other")],
        string="Gender",
    )
