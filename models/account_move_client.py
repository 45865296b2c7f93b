from odoo import api, models


class AccountMove(models.Model):
    """Customer documents of a client: its invoicing currency and its default invoice address."""

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

    @api.onchange("partner_id")
    def _onchange_partner_id_client_invoice_address(self):
        if self.is_sale_document() and self.state == "draft":
            self.partner_id = self._client_invoice_address(self.partner_id)

    @api.model_create_multi
    def create(self, vals_list):
        default_type = self.env.context.get("default_move_type")
        for vals in vals_list:
            if vals.get("partner_id") and vals.get("move_type", default_type) in self.get_sale_types():
                partner = self.env["res.partner"].browse(vals["partner_id"])
                vals["partner_id"] = self._client_invoice_address(partner).id
        return super().create(vals_list)

    @api.model
    def _client_invoice_address(self, partner):
        """A customer document addressed to a client itself goes to its default invoice address."""
        if partner.is_client:
            address = partner.browse(partner.address_get(["invoice"])["invoice"])
            # address_get falls back to any contact person: keep the client itself then.
            if address.type == "invoice":
                return address
        return partner
