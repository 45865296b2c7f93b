from odoo.tests import tagged

from .common import KsefCorrectionCase


@tagged("post_install", "-at_install")
class TestKsefPrecision(KsefCorrectionCase):
    """The FA(3) of a correction restates the invoice as it was issued: a unit price of 0.6543
    PLN/kWh stays 0.6543 in StanPrzed and after, with the per-rate sums of the exact amounts."""

    def _electricity(self):
        # 1,000 kWh x 0.6543 = 654.30 + 23 % 150.489 -> 150.49 = 804.79.
        invoice = self._make_invoice(
            self.client,
            [{"name": "Energia elektryczna", "quantity": 1000, "price_unit": 0.6543, "tax_ids": self.tax_23}],
        )
        self.assertEqual(self._amounts(invoice), (654.3, 150.49, 804.79))
        return invoice

    def test_partial_correction_restates_the_price_to_the_last_decimal(self):
        # 800 kWh: 523.44 + 120.39 = 643.83; the credit note -130.86 - 30.10 = -160.96.
        invoice = self._electricity()
        credit_note = self._correct(invoice, edits={"Energia elektryczna": {"quantity": 800}})
        root = self._fa3(credit_note)
        self.assertEqual(
            self._rows(root),
            [
                ("Energia elektryczna", "1000", "0.6543", None, "654.30", "23", "1"),
                ("Energia elektryczna", "800", "0.6543", None, "523.44", "23", None),
            ],
        )
        self.assertEqual(self._totals(root, "P_13_1", "P_14_1", "P_15"), ("-130.86", "-30.10", "-160.96"))

    def test_price_change_at_the_fourth_decimal(self):
        # 0.6543 -> 0.6123: 612.30 + 140.83 = 753.13; the credit note -42.00 - 9.66 = -51.66.
        invoice = self._electricity()
        credit_note = self._correct(invoice, edits={"Energia elektryczna": {"price_unit": 0.6123}})
        root = self._fa3(credit_note)
        self.assertEqual(
            self._rows(root),
            [
                ("Energia elektryczna", "1000", "0.6543", None, "654.30", "23", "1"),
                ("Energia elektryczna", "1000", "0.6123", None, "612.30", "23", None),
            ],
        )
        self.assertEqual(self._totals(root, "P_13_1", "P_14_1", "P_15"), ("-42.00", "-9.66", "-51.66"))

    def test_full_credit_after_a_partial_one_restates_what_is_left(self):
        # 100 x 5.8937 = 589.37 + 135.56 = 724.93; 60 units: 353.62 + 81.33 = 434.95 left, credited.
        invoice = self._make_invoice(
            self.client, [{"name": "Gaz", "quantity": 100, "price_unit": 5.8937, "tax_ids": self.tax_23}]
        )
        self._correct(invoice, edits={"Gaz": {"quantity": 60}}).action_post()
        rest = self._correct(invoice, mode="full")
        root = self._fa3(rest)
        self.assertEqual(
            self._rows(root),
            [
                ("Gaz", "60", "5.8937", None, "353.62", "23", "1"),
                ("Gaz", "0", "5.8937", None, "0.00", "23", None),
            ],
        )
        self.assertEqual(self._totals(root, "P_13_1", "P_14_1", "P_15"), ("-353.62", "-81.33", "-434.95"))
