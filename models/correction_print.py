from odoo import models


def _negated_amounts(value, key=""):
    """`value` (Odoo's tax totals) with every amount's sign changed: the names of its money figures
    contain "amount"; flags (`display_base_amount` may be False) and names stay."""
    if isinstance(value, dict):
        return {name: _negated_amounts(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_negated_amounts(item, key) for item in value]
    if "amount" in key and isinstance(value, int | float) and not isinstance(value, bool):
        return -value
    return value


class AccountMove(models.Model):
    """What the printed corrective document shows (views/report_invoice.xml), with one sign on
    the whole page: the change in what the client owes, negative on a credit note."""

    _inherit = "account.move"

    def _correction_printed_sign(self):
        """-1 on a corrective credit note (every printed amount is a decrease), 1 otherwise."""
        self.ensure_one()
        return -1 if self.correction_of_move_id and self.move_type == "out_refund" else 1

    def _correction_printed_tax_totals(self):
        """Odoo's tax totals as the page prints them (see _correction_printed_sign), from the
        amounts the corrective document books."""
        self.ensure_one()
        if not self.correction_of_move_id or not self.tax_totals:
            return self.tax_totals
        tax_totals = self._correction_booked_tax_totals()
        if self._correction_printed_sign() == 1:
            return tax_totals
        return _negated_amounts(tax_totals)

    def _correction_booked_tax_totals(self):
        """Odoo's tax totals with each line's base as the line books it. Odoo recomputes the
        bases from the lines' prices, rounded together: the lines before and after a correction
        round otherwise than the two invoices they restate (Bolts 5 -> 7 x 7.77 - 10 %, rounded
        globally: 48.951 - 34.965 = 13.986 -> 13.99, where the document books 48.95 - 34.97 =
        13.98 and its total 17.20), so the page would print another total than the one due."""
        base_lines, _tax_lines = self._get_rounded_base_and_tax_lines()
        sign = self.direction_sign
        for base_line in base_lines:
            line = base_line["record"]
            if not isinstance(line, models.BaseModel) or line._name != "account.move.line":
                continue
            if line.display_type != "product":
                continue
            details = base_line["tax_details"]
            for suffix, booked in (("_currency", sign * line.amount_currency), ("", sign * line.balance)):
                delta = booked - details[f"total_excluded{suffix}"] - details[f"delta_total_excluded{suffix}"]
                details[f"delta_total_excluded{suffix}"] += delta
                for tax_data in details["taxes_data"]:
                    tax_data[f"base_amount{suffix}"] += delta
        summary = self.env["account.tax"]._get_tax_totals_summary(
            base_lines=base_lines,
            currency=self.currency_id,
            company=self.company_id,
            cash_rounding=self.invoice_cash_rounding_id,
        )
        return {**self.tax_totals, **summary}

    def _correction_set_offs(self):
        """The lines of Odoo's payment widget that set this corrective document off against the
        invoice it corrects (a credit note reconciled with its invoice): no payments."""
        self.ensure_one()
        widget = self.sudo().invoice_payments_widget
        content = widget["content"] if widget else []
        if not self.correction_of_move_id:
            return [], content
        set_offs = [vals for vals in content if vals["move_id"] == self.correction_of_move_id.id]
        return set_offs, [vals for vals in content if vals not in set_offs]

    def _correction_printed_payments(self):
        """The payments the page lists: Odoo's, without the set-off against the corrected invoice."""
        return self._correction_set_offs()[1]

    def _correction_printed_settled_amount(self):
        """How much of this corrective document is deducted from the corrected invoice (positive)."""
        return sum(vals["amount"] for vals in self._correction_set_offs()[0] if not vals["is_exchange"])

    def _correction_printed_rows(self):
        """Per corrected invoice line: its name, the quantity, unit price, discount and subtotal
        before and after the correction, and the difference of the subtotals (after - before).
        A credit note of the whole invoice (Odoo's reversal) takes every line to zero."""
        self.ensure_one()
        if not self.correction_of_move_id:
            return []
        lines = self.invoice_line_ids.filtered(lambda line: line.display_type == "product")
        befores = {line.corrected_line_id: line for line in lines if line.correction_side == "before"}
        pairs = [
            (after.corrected_line_id.name, befores.get(after.corrected_line_id, after.browse()), after)
            for after in lines
            if after.correction_side == "after"
        ]
        if not pairs and self.move_type == "out_refund":
            pairs = [(line.name, line, None) for line in lines]
        return [self._correction_printed_row(name, before, after) for name, before, after in pairs]

    def _correction_printed_price_digits(self):
        """The fewest decimals a printed unit price shows, as on Odoo's invoice (its price_unit's
        min_display_digits); a price with more decimals prints them all (up to 6)."""
        return self.env["account.move.line"]._fields["price_unit"].get_min_display_digits(self.env)

    def _correction_printed_row(self, name, before, after):
        def figures(line):
            return {
                "quantity": abs(line.quantity),
                "price_unit": line.price_unit,
                "discount": line.discount,
                "subtotal": abs(line.price_subtotal),
            }

        values_before = figures(before)
        if after is None:
            values_after = {**values_before, "quantity": 0.0, "subtotal": 0.0}
        else:
            values_after = figures(after)
        return {
            "name": name,
            "before": values_before,
            "after": values_after,
            "difference": values_after["subtotal"] - values_before["subtotal"],
        }

    def _correction_printed_ksef_number(self):
        """The KSeF number of the corrected invoice (Polish e-invoicing, l10n_pl_edi), if any."""
        self.ensure_one()
        invoice = self.correction_of_move_id
        if "l10n_pl_edi_number" not in invoice._fields:
            return False
        return invoice.l10n_pl_edi_number
