from odoo import api, fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    # A partial correction carries, per corrected invoice line, the line before and the line after
    # the correction with opposite signs; both point to the corrected invoice line.
    corrected_line_id = fields.Many2one(
        "account.move.line", readonly=True, copy=False, index="btree_not_null"
    )
    correction_side = fields.Selection(
        [("before", "Before correction"), ("after", "After correction")], readonly=True, copy=False
    )
    correction_line_ids = fields.One2many("account.move.line", "corrected_line_id", readonly=True)

    def _correction_sources(self):
        """{invoice line: the line as its corrections so far left it}: the line after the latest
        correction that counts (account.move._correction_documents: neither cancelled nor reversed),
        or the invoice line itself. A new correction starts from it. One query for all the lines
        (the dialog reads hundreds at once)."""
        latest = {}
        counting = self.env["account.move"].browse()
        for invoice in self.move_id:
            counting |= invoice._correction_documents()
        for after in self.correction_line_ids:
            if after.correction_side != "after" or after.move_id not in counting:
                continue
            line = after.corrected_line_id
            if line not in latest or after.id > latest[line].id:
                latest[line] = after
        return {line: latest.get(line, line) for line in self}

    def _correction_states(self):
        """{invoice line: its quantity, unit price and discount after its corrections so far}."""
        return {
            line: {
                "quantity": abs(source.quantity),
                "price_unit": source.price_unit,
                "discount": source.discount,
            }
            for line, source in self._correction_sources().items()
        }

    @api.model
    def _correction_base_lines(self, lines_values):
        """Invoice lines as base lines of Odoo's tax engine, with the quantity, unit price and
        discount of `lines_values` ([(invoice line, values)]); taxes computed, not rounded yet."""
        base_lines = []
        for line, values in lines_values:
            base_line = line.move_id._prepare_product_base_line_for_taxes_computation(line)
            base_line.update(values)
            base_lines.append(base_line)
        company = self.env.company
        if lines_values:
            company = lines_values[0][0].company_id or company
        self.env["account.tax"]._add_tax_details_in_base_lines(base_lines, company)
        return base_lines

    @api.model
    def _correction_totals(self, lines_values):
        """[(subtotal, total)] of invoice lines with other quantity, unit price and discount
        ([(invoice line, values)]), each line rounded on its own as the invoice computes a line."""
        AccountTax = self.env["account.tax"]
        totals = []
        base_lines = self._correction_base_lines(lines_values)
        for (line, _values), base_line in zip(lines_values, base_lines, strict=True):
            AccountTax._round_base_lines_tax_details([base_line], line.company_id or self.env.company)
            details = base_line["tax_details"]
            totals.append((details["total_excluded_currency"], details["total_included_currency"]))
        return totals
