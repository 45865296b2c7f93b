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

    def _ksef_p12(self, p12):
        """FA(3)'s rate of this line (P_12) from Odoo's: Odoo's export tests the 8 % tag twice and
        never the 5 % one (K_15), so a 5 % line came out "zw" (exempt)."""
        self.ensure_one()
        tags = self.tax_tag_ids.with_context(lang="en_US").mapped(lambda tag: (tag.name or "").lstrip("+-"))
        if p12 == "zw" and "K_15" in tags:
            return "5"
        return p12
