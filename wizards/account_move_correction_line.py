import math

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class AccountMoveCorrectionLine(models.TransientModel):
    _name = "account.move.correction.line"
    _description = "Corrective Invoice Line"

    correction_id = fields.Many2one("account.move.correction", required=True, ondelete="cascade")
    # Readonly in the dialog: the view force-saves it, else the web client would not send it.
    move_line_id = fields.Many2one("account.move.line", string="Invoice Line", required=True, readonly=True)
    currency_id = fields.Many2one(related="move_line_id.currency_id")
    name = fields.Char(related="move_line_id.name")
    # Before: the invoice line as earlier corrections left it (computed, so nothing to send).
    original_quantity = fields.Float(
        string="Quantity Before", compute="_compute_before", digits="Product Unit"
    )
    # As Odoo 19's invoice line keeps it (0.6543 stays 0.6543, "Product Price" is only the fewest
    # decimals shown): a price cut to that precision would correct another invoice than this one.
    original_price_unit = fields.Float(
        string="Unit Price Before", compute="_compute_before", min_display_digits="Product Price"
    )
    original_discount = fields.Float(
        string="Discount Before (%)", compute="_compute_before", digits="Discount"
    )
    original_subtotal = fields.Monetary(string="Subtotal Before", compute="_compute_before")
    original_total = fields.Monetary(string="Total Before", compute="_compute_before")
    quantity = fields.Float(string="Quantity After", digits="Product Unit")
    price_unit = fields.Float(string="Unit Price After", min_display_digits="Product Price")
    discount = fields.Float(string="Discount After (%)", digits="Discount")
    subtotal = fields.Monetary(string="Subtotal After", compute="_compute_amounts")
    total = fields.Monetary(string="Total After", compute="_compute_amounts")
    difference = fields.Monetary(compute="_compute_amounts", help="Difference without taxes.")
    difference_total = fields.Monetary(string="Difference with Taxes", compute="_compute_amounts")
    is_changed = fields.Boolean(compute="_compute_amounts")

    @api.depends("move_line_id")
    def _compute_before(self):
        # The invoice lines as the documents that count left them, signed as on the invoice (a
        # deposit taken back stays negative).
        states = self.move_line_id._correction_states()
        amounts = self.env["account.move.line"]._correction_amounts(states)
        for line in self:
            state = states.get(line.move_line_id)
            if not state:
                line.original_quantity = line.original_price_unit = line.original_discount = 0.0
                line.original_subtotal = line.original_total = 0.0
                continue
            line.original_quantity = state["quantity"]
            line.original_price_unit = state["price_unit"]
            line.original_discount = state["discount"]
            line.original_subtotal, line.original_total = amounts[line.move_line_id]

    @api.depends(
        "quantity", "price_unit", "discount", "original_quantity", "original_price_unit", "original_discount"
    )
    def _compute_amounts(self):
        # Unchanged lines (all of them when the dialog opens) need no tax computation; the changed
        # ones go through Odoo's tax engine together.
        changed = self.filtered(
            lambda line: (
                (line.quantity, line.price_unit, line.discount)
                != (line.original_quantity, line.original_price_unit, line.original_discount)
            )
        )
        totals = dict(
            zip(
                changed,
                self.env["account.move.line"]._correction_totals(
                    [(line.move_line_id, line._after_values()) for line in changed]
                ),
                strict=True,
            )
        )
        for line in self:
            line.subtotal, line.total = totals.get(line, (line.original_subtotal, line.original_total))
            line.difference = line.subtotal - line.original_subtotal
            line.difference_total = line.total - line.original_total
            currency = line.currency_id
            line.is_changed = bool(currency) and not (
                currency.is_zero(line.difference) and currency.is_zero(line.difference_total)
            )

    def _after_values(self):
        return {"quantity": self.quantity, "price_unit": self.price_unit, "discount": self.discount}

    @api.constrains("quantity", "discount", "price_unit")
    def _check_values(self):
        for line in self:
            if not all(math.isfinite(value) for value in (line.quantity, line.price_unit, line.discount)):
                raise ValidationError(
                    self.env._("The corrected figures of “%(line)s” must be numbers.", line=line.name)
                )
            # A line may keep the sign it has on the invoice (a deposit taken back, a rebate).
            if float_compare(line.quantity, 0.0, precision_digits=6) < 0 <= line.original_quantity:
                raise ValidationError(
                    self.env._("The corrected quantity of “%(line)s” cannot be below zero.", line=line.name)
                )
            if not 0 <= line.discount <= 100:
                raise ValidationError(
                    self.env._(
                        "The corrected discount of “%(line)s” must be between 0 and 100%%.", line=line.name
                    )
                )
            if line.price_unit < 0 <= line.original_price_unit:
                raise ValidationError(
                    self.env._("The corrected unit price of “%(line)s” cannot be negative.", line=line.name)
                )

    def _document_line_values(self, sign):
        """The line before the correction (sign 1: credited) and the line after it (opposite sign)."""
        original = self.move_line_id
        common = {
            "product_id": original.product_id.id,
            "product_uom_id": original.product_uom_id.id,
            "account_id": original.account_id.id,
            "tax_ids": [Command.set(original.tax_ids.ids)],
            "analytic_distribution": original.analytic_distribution,
            "corrected_line_id": original.id,
        }
        before = {
            "quantity": self.original_quantity,
            "price_unit": self.original_price_unit,
            "discount": self.original_discount,
        }
        after = self._after_values()
        return [
            {
                **common,
                **values,
                "quantity": factor * values["quantity"],
                "name": self.env._("%(line)s (before correction)", line=original.name)
                if side == "before"
                else self.env._("%(line)s (after correction)", line=original.name),
                "correction_side": side,
            }
            for side, values, factor in (("before", before, sign), ("after", after, -sign))
        ]
