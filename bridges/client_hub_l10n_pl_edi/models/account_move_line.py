from odoo import models
from odoo.tools import float_repr

# FA(3)'s rate (P_12) per tax-report tag, in the order Odoo's export (compute_p_12) tests them.
KSEF_RATE_TAGS = (
    ("K_21", "0 WDT"),
    ("K_22", "0 EX"),
    ("K_31", "oo"),
    ("K_12", "np II"),
    ("K_11", "np I"),
    ("K_10", "zw"),
    ("K_13", "0 KR"),
    ("K_19", "23"),
    ("K_17", "8"),
    ("K_15", "5"),
)


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
        if p12 == "zw" and "K_15" in self._ksef_tag_names():
            return "5"
        return p12

    def _ksef_cash_basis_tags(self):
        """The tax-report tags a cash-basis tax (tax_exigibility on_payment, FA(3)'s P_16 1) gives
        this line: Odoo puts them on the entry it makes at payment, not on the invoice, so its
        export, which reads the invoice lines' tags, left the rows and the sums of such a tax out."""
        self.ensure_one()
        tags = self.env["account.account.tag"]
        if self.tax_repartition_line_id:
            if self.tax_line_id.tax_exigibility == "on_payment":
                tags = self.tax_repartition_line_id.tag_ids
            return tags
        refund = self.move_id.move_type in ("out_refund", "in_refund")
        for tax in self.tax_ids.filtered(lambda tax: tax.tax_exigibility == "on_payment"):
            repartition = tax.refund_repartition_line_ids if refund else tax.invoice_repartition_line_ids
            tags |= repartition.filtered(lambda line: line.repartition_type == "base").tag_ids
        return tags

    def _ksef_tag_names(self):
        """The names (without sign) of this line's tax-report tags, a cash-basis tax's included."""
        self.ensure_one()
        tags = self.tax_tag_ids | self._ksef_cash_basis_tags()
        return {(tag.name or "").lstrip("+-") for tag in tags.with_context(lang="en_US")}

    def _ksef_cash_basis_row(self, sign):
        """The FaWiersz Odoo's export gives a line with tags (its compute_p_12, by the same tags),
        for a line whose only tags are a cash-basis tax's."""
        self.ensure_one()
        names = self._ksef_tag_names()
        p12 = next((rate for tag, rate in KSEF_RATE_TAGS if tag in names), "zw")
        return {
            "NrWierszaFa": 0,
            "UU_ID": f"odoo-line-{self.id}",
            "P_7": self.name,
            "P_8A": self.product_uom_id.name or "szt.",
            "P_8B": self.quantity * sign,
            "P_9A": float_repr(self.price_unit, 2),
            "P_11": float_repr(self.price_subtotal * sign, 2),
            "P_12": p12,
        }
