from odoo import api, fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    # On the lines of a partial correction: the corrected invoice line and its values after the
    # correction (the values before are the corrected line's own).
    corrected_line_id = fields.Many2one(
        "account.move.line", readonly=True, copy=False, index="btree_not_null"
    )
    correction_quantity = fields.Float(
        string="Quantity After", readonly=True, copy=False, digits="Product Unit"
    )
    correction_price_unit = fields.Float(
        string="Unit Price After", readonly=True, copy=False, digits="Product Price"
    )
    correction_discount = fields.Float(
        string="Discount After (%)", readonly=True, copy=False, digits="Discount"
    )
    correction_subtotal = fields.Monetary(
        string="Subtotal After", compute="_compute_correction_subtotal", currency_field="currency_id"
    )

    @api.depends("correction_quantity", "correction_price_unit", "correction_discount")
    def _compute_correction_subtotal(self):
        for line in self:
            line.correction_subtotal = line.currency_id.round(
                line.correction_quantity * line.correction_price_unit * (1 - line.correction_discount / 100.0)
            )
