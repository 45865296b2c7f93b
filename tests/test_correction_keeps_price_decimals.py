from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionKeepsPriceDecimals(CorrectionSetup, AccountTestInvoicingCommon):
    """Odoo 19 keeps an invoice line's unit price as typed (12.3456), whatever the Product Price
    precision (2 by default) displays: a correction works with that price, not a rounded one.

    Invoice: Gaskets 3.5 x 12.3456 - 7.5 % = 39.96888 -> 39.97 + 23 % 9.19 = 49.16."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        cls.gaskets = cls._make_invoice(
            cls.client,
            [
                {
                    "name": "Gaskets",
                    "quantity": 3.5,
                    "price_unit": 12.3456,
                    "discount": 7.5,
                    "tax_ids": cls.tax_23,
                }
            ],
        )

    def test_the_invoice_keeps_four_decimals(self):
        # The premise: Odoo stores the price as typed.
        self.assertEqual(self.gaskets.invoice_line_ids.price_unit, 12.3456)
        self.assertEqual(self._amounts(self.gaskets), (39.97, 9.19, 49.16))

    def test_quantity_change_keeps_the_invoice_price(self):
        # 2.25 x 12.3456 - 7.5 % = 25.69428 -> 25.69 + 5.91 = 31.60: credit 14.28 + 3.28 = 17.56
        # (at a price rounded to 12.35: 25.70 + 5.91, a credit of 14.27 + 3.28 = 17.55).
        credit_note = self._correct(self.gaskets, edits={"Gaskets": {"quantity": 2.25}})
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(self._amounts(credit_note), (14.28, 3.28, 17.56))
        # Its lines (printed, sent to KSeF as StanPrzed and after) at the invoice's price.
        self.assertEqual(set(credit_note.invoice_line_ids.mapped("price_unit")), {12.3456})
        credit_note.action_post()
        self.assertEqual(self.gaskets.amount_residual, 31.6)

    def test_the_dialog_shows_the_invoice_price(self):
        wizard = self._form(self.gaskets, mode="partial")
        self.assertEqual(wizard.line_ids.original_price_unit, 12.3456)
        self.assertEqual(wizard.line_ids.price_unit, 12.3456)

    def test_typed_price_keeps_its_decimals(self):
        # 3.5 x 11.1166 - 7.5 % = 35.9899925 -> 35.99 + 8.28 = 44.27: credit 3.98 + 0.91 = 4.89
        # (at 11.12: 3.5 x 11.12 - 7.5 % = 36.00 + 8.28, a credit of 3.97 + 0.91 = 4.88).
        credit_note = self._correct(self.gaskets, edits={"Gaskets": {"price_unit": 11.1166}})
        self.assertEqual(self._amounts(credit_note), (3.98, 0.91, 4.89))
        after = credit_note.invoice_line_ids.filtered(lambda line: line.correction_side == "after")
        self.assertEqual(after.price_unit, 11.1166)
