from odoo.tests import tagged

from .common import KsefCorrectionCase


@tagged("post_install", "-at_install")
class TestKsefCurrency(KsefCorrectionCase):
    """A euro invoice at 4.30 złoty per euro: the correction in euros, the rate as FA(3) wants it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.eur = cls.setup_other_currency("EUR", rates=[("2016-01-01", 1 / 4.3)])
        cls.invoice = cls._pl_invoice(currency_id=cls.eur.id)

    def test_correction_of_a_euro_invoice(self):
        documents = self._correct(edits={"Chairs": {"quantity": 8}, "Cushions": {"price_unit": 44}})
        credit_note = documents.filtered(lambda move: move.move_type == "out_refund")
        root = self._fa3(credit_note)
        self.assertEqual(self._text(root, "fa:KodWaluty"), "EUR")
        self.assertEqual(self._text(root, "fa:KursWalutyZ"), "4.300000")
        self.assertEqual(self._rows(root)[0], ("Chairs", "10", "100.00", "100.00", "900.00", "23", "1"))
        # -180.00 EUR and -41.40 EUR of tax (-178.02 złoty at 4.30), -221.40 EUR in all
        self.assertEqual(
            self._totals(root, "P_13_1", "P_14_1", "P_14_1W", "P_15"),
            ("-180.00", "-41.40", "-178.02", "-221.40"),
        )
        debit_root = self._fa3(documents - credit_note)
        self.assertEqual(self._text(debit_root, "fa:RodzajFaktury"), "KOR")
        self.assertEqual(self._text(debit_root, "fa:KursWalutyZ"), "4.300000")
        # 20.00 EUR and 1.60 EUR of tax (6.88 złoty), 21.60 EUR in all
        self.assertEqual(
            self._totals(debit_root, "P_13_2", "P_14_2", "P_14_2W", "P_15"),
            ("20.00", "1.60", "6.88", "21.60"),
        )

    def test_zloty_correction_has_no_rate(self):
        root = self._fa3(self._correct(self._pl_invoice(), edits={"Chairs": {"quantity": 8}}))
        self.assertIsNone(self._text(root, "fa:KursWalutyZ"))
