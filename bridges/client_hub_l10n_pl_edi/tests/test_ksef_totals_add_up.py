from odoo.tests import tagged

from .common import KsefCorrectionCase


@tagged("post_install", "-at_install")
class TestKsefTotalsAddUp(KsefCorrectionCase):
    """In the FA(3) of a correction, per rate, the net (P_13_x) and the tax (P_14_x) add up to the
    total (P_15), and the net is the difference of the rows' P_11, also when the company rounds
    globally (the Polish chart's default).

    Invoice: Bolts 5 x 7.77 - 10 % = 34.965 -> 34.97, 23 % of 34.965 = 8.04, 43.01."""

    def test_debit_note_net_and_tax_add_up_to_its_total(self):
        self.env.company.tax_calculation_rounding_method = "round_globally"
        bolts = self._make_invoice(
            self.client,
            [{"name": "Bolts", "quantity": 5, "price_unit": 7.77, "discount": 10, "tax_ids": self.tax_23}],
        )
        self.assertEqual(self._amounts(bolts), (34.97, 8.04, 43.01))
        # 7 x 7.77 - 10 % = 48.951 -> 48.95 + 11.26 = 60.21: debit 13.98 + 3.22 = 17.20.
        debit_note = self._correct(bolts, edits={"Bolts": {"quantity": 7}})
        root = self._fa3(debit_note)
        self.assertEqual(
            self._rows(root),
            [
                ("Bolts", "5", "7.77", "3.88", "34.97", "23", "1"),
                ("Bolts", "7", "7.77", "5.44", "48.95", "23", None),
            ],
        )
        self.assertEqual(self._totals(root, "P_13_1", "P_14_1", "P_15"), ("13.98", "3.22", "17.20"))
