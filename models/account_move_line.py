from odoo import fields, models


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

    def _correction_source(self):
        """This invoice line as its corrections so far (not cancelled) left it: the line after the
        latest correction, or the invoice line itself. A new correction starts from it."""
        self.ensure_one()
        afters = self.correction_line_ids.filtered(
            lambda line: line.correction_side == "after" and line.parent_state != "cancel"
        )
        return max(afters, key=lambda line: line.id) if afters else self

    def _correction_state(self):
        """Quantity, unit price and discount of this invoice line after its corrections so far."""
        source = self._correction_source()
        return {
            "quantity": abs(source.quantity),
            "price_unit": source.price_unit,
            "discount": source.discount,
        }

    def _correction_amounts(self, values):
        """Subtotal and total of this line with other quantity, unit price and discount, computed
        by Odoo's tax engine as the invoice computes its lines."""
        self.ensure_one()
        if not self.move_id:
            return 0.0, 0.0
        AccountTax = self.env["account.tax"]
        base_line = self.move_id._prepare_product_base_line_for_taxes_computation(self)
        base_line.update(values)
        company = self.company_id or self.env.company
        AccountTax._add_tax_details_in_base_line(base_line, company)
        AccountTax._round_base_lines_tax_details([base_line], company)
        details = base_line["tax_details"]
        return details["total_excluded_currency"], details["total_included_currency"]
