from odoo import models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def _ksef_net_unit_price(self):
        """The unit price without tax, before the discount (FA(3)'s P_9A), also for a price with tax."""
        self.ensure_one()
        if not self.tax_ids.filtered("price_include"):
            return self.price_unit
        return self.tax_ids.compute_all(
            self.price_unit,
            currency=self.currency_id,
            quantity=1.0,
            product=self.product_id,
            partner=self.partner_id,
        )["total_excluded"]
