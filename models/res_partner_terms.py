from odoo import fields, models


class ResPartner(models.Model):
    """Fields of other modules the Client page shows, declared again so that their labels and
    values are the module's own terms, translated with it (Odoo loads a module's translations of
    the fields it declares): OCA's mobile and gender (partner_mobile, partner_contact_gender ship
    no Russian or Polish) and Odoo's Person/Company choice (Odoo ships no Russian "Person")."""

    _inherit = "res.partner"

    # Declaring a field again is enough for its label ("Mobile", "Gender") to be the module's term;
    # the values of a choice need their list again.
    mobile = fields.Char()
    gender = fields.Selection([("male", "Male"), ("female", "Female"), ("other", "Other")])
    company_type = fields.Selection([("person", "Person"), ("company", "Company")])
