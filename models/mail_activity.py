from odoo import fields, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    # The condition a client's person asked for on the portal (a Tax Condition Request to-do).
    client_hub_tax_condition_id = fields.Many2one(
        "res.partner.tax.condition", string="Requested Tax Condition", readonly=True, ondelete="cascade"
    )
