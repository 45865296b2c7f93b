from odoo import api, models


class AccountMove(models.Model):
    _inherit = "account.move"

    @api.depends("journal_id", "statement_line_id", "partner_id")
    def _compute_currency_id(self):
        result = super()._compute_currency_id()
        # A new customer document takes the client's invoicing currency, unless its journal imposes one.
        for move in self:
            currency = move.partner_id.commercial_partner_id.client_currency_id
            if (
                currency
                and move.state == "draft"
                and move.is_sale_document()
                and not move.journal_id.currency_id
            ):
                move.currency_id = currency
        return result
