from collections import defaultdict
from contextlib import closing

from odoo import Command, models
from odoo.exceptions import UserError
from odoo.tools import float_is_zero


def _subtract_figures(figures, other):
    """figures - other, both as account.move._correction_figures gives them."""
    taxes = defaultdict(lambda: [0.0, 0.0])
    for tax in figures["taxes"].keys() | other["taxes"].keys():
        taxes[tax] = [a - b for a, b in zip(figures["taxes"][tax], other["taxes"][tax], strict=True)]
    return {
        "taxes": taxes,
        **{
            key: [a - b for a, b in zip(figures[key], other[key], strict=True)]
            for key in ("untaxed", "rounding", "total")
        },
    }


class AccountMove(models.Model):
    """The rule of every correction: what a corrective document books, worked out from the invoice
    as it is and the invoice as it should have been."""

    _inherit = "account.move"

    def _correction_figures(self):
        """What these documents book for their client, signed as on an invoice (a credit note counts
        negative), each [in the document's currency, in the company's]: per tax ("taxes", cash
        rounding put on the biggest tax included), "untaxed" (the invoice lines), "rounding" (a
        cash-rounding line) and "total" (what the client owes)."""
        figures = {
            "taxes": defaultdict(lambda: [0.0, 0.0]),
            "untaxed": [0.0, 0.0],
            "rounding": [0.0, 0.0],
            "total": [0.0, 0.0],
        }
        for line in self.line_ids:
            sign = -1
            if line.tax_repartition_line_id:
                bucket = figures["taxes"][line.tax_line_id]
            elif line.display_type == "product":
                bucket = figures["untaxed"]
            elif line.display_type == "rounding":
                bucket = figures["rounding"]
            elif line.display_type == "payment_term":
                bucket, sign = figures["total"], 1
            else:  # sections, notes, early-payment discount pairs (they add up to nothing)
                continue
            bucket[0] += sign * line.amount_currency
            bucket[1] += sign * line.balance
        return figures

    def _correction_expected_figures(self, states):
        """The figures (as _correction_figures) of this invoice as it should have been: its lines
        with the quantity, unit price and discount of `states` ({invoice line: values}), computed
        by Odoo's own invoice engine on a draft copy made and dropped inside a savepoint, with
        everything the invoice carries: currency and the invoice's rate, fiscal position (its taxes
        already mapped on the lines), payment term and early-payment discount, cash rounding, the
        company's tax rounding method, the invoice's date."""
        self.ensure_one()
        lines = [
            Command.create(
                {
                    "name": line.name,
                    "product_id": line.product_id.id,
                    "product_uom_id": line.product_uom_id.id,
                    "account_id": line.account_id.id,
                    "tax_ids": [Command.set(line.tax_ids.ids)],
                    "quantity": values["quantity"],
                    "price_unit": values["price_unit"],
                    "discount": values["discount"],
                }
            )
            for line, values in states.items()
            # A free line still carries its fixed taxes: only a line without quantity is left out.
            if not float_is_zero(values["quantity"], 6)
        ]
        if not lines:
            return self.browse()._correction_figures()
        with closing(self.env.cr.savepoint()):  # closed without release: rolled back
            draft = self.with_context(tracking_disable=True).create(
                {
                    "move_type": self.move_type,
                    "partner_id": self.partner_id.id,
                    "partner_shipping_id": self.partner_shipping_id.id,
                    "journal_id": self.journal_id.id,
                    "currency_id": self.currency_id.id,
                    "invoice_currency_rate": self.invoice_currency_rate,
                    "fiscal_position_id": self.fiscal_position_id.id,
                    "invoice_payment_term_id": self.invoice_payment_term_id.id,
                    "invoice_date_due": self.invoice_date_due,
                    "invoice_cash_rounding_id": self.invoice_cash_rounding_id.id,
                    "invoice_date": self.invoice_date,
                    "date": self.date,
                    "invoice_line_ids": lines,
                }
            )
            return draft._correction_figures()

    def _correction_current_figures(self):
        """The figures of the invoice with the corrections that count for it."""
        self.ensure_one()
        return (self | self._correction_documents())._correction_figures()

    def _correction_differences(self, steps):
        """THE RULE of every correction (full, replacing, line by line): a corrective document books
        the difference between the invoice as it is (with the corrections that count, see
        _correction_documents) and the invoice as it should have been, computed by Odoo's invoice
        engine (_correction_expected_figures). `steps` are the line states ({invoice line: values})
        the invoice goes through, one per document (a credit note for the lines that go down, then
        a debit note for those that go up); returns, per step, the figures the document between
        the previous state and this one carries (as _correction_figures: positive when the invoice
        grows, per tax, untaxed, rounding, total; in the invoice's currency and the company's).
        Returns None when Odoo cannot build an in-between state (its early-payment discount lines
        in a foreign currency may not balance for some quantities): the caller then books the
        whole difference on one document.
        """
        self.ensure_one()
        start = self._correction_current_figures()
        differences = []
        for index, states in enumerate(steps):
            try:
                end = self._correction_expected_figures(states)
            except UserError:
                if index == len(steps) - 1:
                    raise
                # Rolled back by the savepoint; drop what the cache kept of the draft.
                self.env.invalidate_all()
                return None
            differences.append(_subtract_figures(end, start))
            start = end
        return differences
