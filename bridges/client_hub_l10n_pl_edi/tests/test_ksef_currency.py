from odoo import Command
from odoo.tests import tagged

from .common import NS, KsefCorrectionCase


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
        # Not an advance invoice: the rate on every row (FaWiersz/KursWaluty), not KursWalutyZ.
        self.assertIsNone(self._text(root, "fa:KursWalutyZ"))
        self.assertEqual(self._row_rates(root), ["4.300000", "4.300000"])
        self.assertEqual(self._rows(root)[0], ("Chairs", "10", "100.00", "100.00", "900.00", "23", "1"))
        # -180.00 EUR and -41.40 EUR of tax (-178.02 złoty at 4.30), -221.40 EUR in all
        self.assertEqual(
            self._totals(root, "P_13_1", "P_14_1", "P_14_1W", "P_15"),
            ("-180.00", "-41.40", "-178.02", "-221.40"),
        )
        debit_root = self._fa3(documents - credit_note)
        self.assertEqual(self._text(debit_root, "fa:RodzajFaktury"), "KOR")
        self.assertIsNone(self._text(debit_root, "fa:KursWalutyZ"))
        self.assertEqual(self._row_rates(debit_root), ["4.300000", "4.300000"])
        # 20.00 EUR and 1.60 EUR of tax (6.88 złoty), 21.60 EUR in all
        self.assertEqual(
            self._totals(debit_root, "P_13_2", "P_14_2", "P_14_2W", "P_15"),
            ("20.00", "1.60", "6.88", "21.60"),
        )

    def _row_rates(self, root):
        return [node.text for node in root.xpath("fa:Fa/fa:FaWiersz/fa:KursWaluty", namespaces=NS)]

    def test_zloty_correction_has_no_rate(self):
        root = self._fa3(self._correct(self._pl_invoice(), edits={"Chairs": {"quantity": 8}}))
        self.assertIsNone(self._text(root, "fa:KursWalutyZ"))
        self.assertEqual(self._row_rates(root), [])

    def test_euro_invoice_in_euros_with_the_rate_per_row(self):
        # Odoo's export wrote P_15 in złoty (5,689.98) beside KodWaluty EUR and the inverse rate
        # (0.23255813953488372) as KursWalutyZ: 1,323.00 EUR with 4.300000 on each row.
        root = self._fa3(self.invoice)
        self.assertEqual(
            self._totals(root, "KodWaluty", "P_13_1", "P_14_1", "P_14_1W", "P_15"),
            ("EUR", "900.00", "207.00", "890.10", "1323.00"),
        )
        self.assertIsNone(self._text(root, "fa:KursWalutyZ"))
        self.assertEqual(self._row_rates(root), ["4.300000", "4.300000"])

    def test_replacing_invoice_keeps_the_supply_date_and_rate(self):
        # Replaced on 2026-11-20, when the euro is at 4.50: the new invoice (VAT) keeps the rate of
        # the supply's tax point, 4.30 (VAT 207.00 EUR = 890.10 złoty, not 931.50), and says the
        # supply's date (P_6 2026-10-01) beside its own issue date.
        self.eur.rate_ids = [Command.create({"name": "2026-11-15", "rate": 1 / 4.5})]
        documents = self._correct(mode="replace", date="2026-11-20")
        new_invoice = documents.filtered(lambda move: move.move_type == "out_invoice")
        root = self._fa3(new_invoice)
        self.assertEqual(self._text(root, "fa:RodzajFaktury"), "VAT")
        self.assertEqual(self._totals(root, "P_1", "P_6"), ("2026-11-20", "2026-10-01"))
        self.assertEqual(
            self._totals(root, "KodWaluty", "P_13_1", "P_14_1", "P_14_1W", "P_15"),
            ("EUR", "900.00", "207.00", "890.10", "1323.00"),
        )
        self.assertIsNone(self._text(root, "fa:KursWalutyZ"))
        self.assertEqual(self._row_rates(root), ["4.300000", "4.300000"])
