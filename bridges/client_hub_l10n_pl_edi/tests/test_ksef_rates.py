from odoo.tests import tagged

from .common import KsefCorrectionCase


@tagged("post_install", "-at_install")
class TestKsefRates(KsefCorrectionCase):
    """A 5 % line is a 5 % row (P_12 5, P_13_3 and P_14_3), on the invoice and on its correction;
    Odoo's export wrote it "zw" (exempt): its compute_p_12 tests the 8 % tag twice, never K_15.
    The per-rate sums add up to P_15 (checked on every FA(3), KsefCorrectionCase._fa3)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tax_5 = cls.env["account.chart.template"].ref("vs_kraj_5")
        # Books 40 x 25.00 = 1,000.00 + 5 % 50.00 = 1,050.00.
        cls.books = cls._make_invoice(
            cls.client, [{"name": "Książki", "quantity": 40, "price_unit": 25, "tax_ids": cls.tax_5}]
        )

    def test_invoice_row_at_5_percent(self):
        root = self._fa3(self.books)
        self.assertEqual(self._rows(root), [("Książki", "40", "25.00", None, "1000.00", "5", None)])
        self.assertEqual(self._totals(root, "P_13_3", "P_14_3", "P_15"), ("1000.00", "50.00", "1050.00"))

    def test_correction_rows_at_5_percent(self):
        # 40 -> 30 books: 750.00 + 37.50; the credit note -250.00 - 12.50 = -262.50.
        credit_note = self._correct(self.books, edits={"Książki": {"quantity": 30}})
        root = self._fa3(credit_note)
        self.assertEqual(
            self._rows(root),
            [
                ("Książki", "40", "25.00", None, "1000.00", "5", "1"),
                ("Książki", "30", "25.00", None, "750.00", "5", None),
            ],
        )
        self.assertEqual(self._totals(root, "P_13_3", "P_14_3", "P_15"), ("-250.00", "-12.50", "-262.50"))
