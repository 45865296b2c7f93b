from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_is_zero

from .readable_names import readable_names


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    # A partial correction carries, per corrected invoice line, the line before and the line after
    # the correction with opposite signs; both point to the corrected invoice line.
    corrected_line_id = fields.Many2one(
        "account.move.line", readonly=True, copy=False, index="btree_not_null", check_company=True
    )
    correction_side = fields.Selection(
        [("before", "Before correction"), ("after", "After correction")], readonly=True, copy=False
    )
    correction_line_ids = fields.One2many("account.move.line", "corrected_line_id", readonly=True)

    @api.constrains("corrected_line_id", "correction_side", "move_id")
    def _check_corrected_line_id(self):
        """A corrective line restates a line of the invoice its document corrects: the invoice's
        corrections are counted by the lines that point to it."""
        for line in self.filtered(lambda line: line.corrected_line_id or line.correction_side):
            corrected = line.corrected_line_id
            if corrected.move_id != line._correction_invoice() or corrected.display_type != "product":
                raise ValidationError(
                    self.env._(
                        "The line “%(line)s” cannot correct a line of %(invoice)s: a corrective"
                        " document's lines correct the lines of the invoice it corrects, and are made"
                        " with the invoice's Correct button.",
                        line=line.name,
                        invoice=readable_names(corrected.move_id) or self.env._("no invoice"),
                    )
                )

    def write(self, vals):
        links = vals.keys() & {"corrected_line_id", "correction_side"}
        Move = self.env["account.move"]
        for line in self if links else ():
            if line.parent_state != "draft" and any(
                Move._field_will_change(line, vals, name) for name in links
            ):
                raise UserError(
                    self.env._(
                        "%(document)s is no longer a draft: which invoice lines its lines correct is"
                        " set by the invoice's Correct button on the draft and kept once posted.",
                        document=readable_names(line.move_id),
                    )
                )
        return super().write(vals)

    def _correction_states(self):
        """{invoice line: its quantity, unit price and discount as the documents that count for its
        invoice (account.move._correction_documents) left it}. Every document line for the invoice
        line adds up, signed as on the invoice (a credit note's count negative): a correction's
        "before" and "after" lines, and the lines of Odoo's own credit and debit notes (matched by
        product and label). Quantities at the same price and discount add up, so a correction
        undone with Reverse drops out and negative lines stay negative. One query for all lines."""
        documents = self.env["account.move"]
        for invoice in self.move_id:
            documents |= invoice._correction_documents()
        # Per invoice line: {(unit price, discount): quantity}, and the latest (unit price, discount).
        amounts = {line: defaultdict(float) for line in self}
        latest = {}
        for line in self:
            amounts[line][(line.price_unit, line.discount)] += line.quantity
            latest[line] = (line.price_unit, line.discount)
        for document_line in documents.invoice_line_ids.sorted("id"):
            if document_line.display_type != "product":
                continue
            line = document_line.corrected_line_id or document_line._correction_matching_line()
            if not line:
                # Its amount would count in the invoice's figures but in none of its lines.
                raise UserError(
                    self.env._(
                        "%(document)s has a line (“%(line)s”) that is on no line of %(invoice)s:"
                        " correct %(invoice)s with a credit or debit note of your own.",
                        document=readable_names(document_line.move_id),
                        line=document_line.name,
                        invoice=readable_names(document_line._correction_invoice()),
                    )
                )
            if line not in amounts:
                continue
            sign = -1 if document_line.move_id.move_type == "out_refund" else 1
            key = (document_line.price_unit, document_line.discount)
            amounts[line][key] += sign * document_line.quantity
            if document_line.correction_side != "before":
                latest[line] = key
        return {line: line._correction_state(amounts[line], latest[line]) for line in self}

    def _correction_state(self, amounts, latest):
        """One quantity, unit price and discount for {(unit price, discount): quantity}: the one
        left, or (a credit at another price, an earlier correction undone after a later one changed
        the price) the units left at the unit price that gives the net amount left."""
        self.ensure_one()
        left = {key: quantity for key, quantity in amounts.items() if not float_is_zero(quantity, 6)}
        if len(left) == 1:
            (price_unit, discount), quantity = next(iter(left.items()))
            return {"quantity": quantity, "price_unit": price_unit, "discount": discount}
        price_unit, discount = latest
        net = sum(quantity * price * (1 - rate / 100) for (price, rate), quantity in left.items())
        if float_is_zero(net, 6):
            return {"quantity": 0.0, "price_unit": price_unit, "discount": discount}
        # The units left, as a credit at the invoice's price takes units back (Odoo's credit note of
        # 1 desk at 70.00 on 3 at 100.00 leaves 2 desks worth 230.00), else (a rebate on every unit)
        # the invoice line's; their unit price gives the net left exactly: 2 x 115.00 = 230.00, not
        # the latest price with a quantity cut to the unit's decimals (3.29 x 70.00 = 230.30).
        quantity = sum(left.values())
        if float_is_zero(quantity, 6):
            quantity = self.quantity
        discounts = {rate for _price, rate in left}
        discount = discounts.pop() if len(discounts) == 1 else 0.0
        if float_is_zero(quantity, 6):
            raise UserError(
                self.env._(
                    "The corrections of “%(line)s” cannot be added up into one line: cancel the"
                    " latest of them, or correct the invoice with a credit note of its own.",
                    line=self.name,
                )
            )
        return {
            "quantity": quantity,
            "price_unit": net / (quantity * (1 - discount / 100)),
            "discount": discount,
        }

    def _correction_matching_line(self):
        """The invoice line this line of Odoo's own credit or debit note of the invoice restates:
        the invoice's line with its product and label (else its product only)."""
        self.ensure_one()
        lines = self._correction_invoice().invoice_line_ids.filtered(
            lambda line: line.display_type == "product" and line.product_id == self.product_id
        )
        return (lines.filtered(lambda line: line.name == self.name) or lines)[:1]

    def _correction_invoice(self):
        """The invoice the document of this line (a credit or debit note) belongs to."""
        move = self.move_id
        return move.correction_of_move_id or move.reversed_entry_id or move.debit_origin_id

    @api.model
    def _correction_amounts(self, states):
        """{invoice line: (subtotal, total)} of invoice lines in these states ({line: values}), the
        stored amounts when the state is the invoice line's own."""
        own = {
            line: (line.price_subtotal, line.price_total)
            for line, values in states.items()
            if (values["quantity"], values["price_unit"], values["discount"])
            == (line.quantity, line.price_unit, line.discount)
        }
        others = [(line, values) for line, values in states.items() if line not in own]
        return {
            **own,
            **dict(zip((line for line, _values in others), self._correction_totals(others), strict=True)),
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
