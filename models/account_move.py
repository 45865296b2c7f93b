from odoo import Command, api, fields, models
from odoo.tools import float_compare


def _tax_lines_add_up(tax):
    """Whether the tax lines of `tax` add up to the tax amount, on invoices and on refunds."""
    return all(
        float_compare(sum(lines.filtered(lambda r: r.repartition_type == "tax").mapped("factor")), 1.0, 6)
        == 0
        for lines in (tax.invoice_repartition_line_ids, tax.refund_repartition_line_ids)
    )


class AccountMove(models.Model):
    _inherit = "account.move"

    correction_of_move_id = fields.Many2one(
        "account.move",
        string="Corrected Invoice",
        index="btree_not_null",
        readonly=True,
        copy=False,
        help="The invoice this corrective document corrects.",
    )
    correction_reason = fields.Char(readonly=True, copy=False)

    def _has_corrections(self):
        """Whether partial corrections (not cancelled) changed some of this invoice's lines."""
        self.ensure_one()
        return any(line.parent_state != "cancel" for line in self.invoice_line_ids.correction_line_ids)

    def _set_correction_taxes(self, taxes):
        """Bring this draft corrective document's tax lines to `taxes` ({tax: [amount in the
        document's currency, in the company's]}), as an accountant edits a tax amount by hand:
        Odoo keeps such amounts and balances the receivable with them."""
        self.ensure_one()
        sign = self.direction_sign
        updates = []
        for tax, (amount_currency, amount) in taxes.items():
            tax_lines = self.line_ids.filtered(lambda line, tax=tax: line.tax_line_id == tax)
            # Reverse charge (+100 % and -100 %): the tax lines' sum is no tax amount; Odoo's stays.
            if not tax_lines or not _tax_lines_add_up(tax):
                continue
            booked_currency = sign * sum(tax_lines.mapped("amount_currency"))
            delta_currency = self.currency_id.round(amount_currency - booked_currency)
            delta = self.company_currency_id.round(amount - sign * sum(tax_lines.mapped("balance")))
            if not (self.currency_id.is_zero(delta_currency) and self.company_currency_id.is_zero(delta)):
                line = tax_lines[0]
                updates.append(
                    Command.update(
                        line.id,
                        {
                            "amount_currency": line.amount_currency + sign * delta_currency,
                            "balance": line.balance + sign * delta,
                        },
                    )
                )
        if updates:
            self.write({"line_ids": updates})

    def action_open_correction_wizard(self):
        self.ensure_one()
        return self.env["account.move.correction"]._action_open(self.commercial_partner_id, self)

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
