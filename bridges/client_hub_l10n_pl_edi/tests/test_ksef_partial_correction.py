from odoo.tests import tagged

from .common import KsefCorrectionCase


@tagged("post_install", "-at_install")
class TestKsefPartialCorrection(KsefCorrectionCase):
    """Chairs 10 -> 8 (23 %) and Cushions 40.00 -> 44.00 (8 %): a credit note and a debit note,
    each a KOR of the invoice."""

    def setUp(self):
        super().setUp()
        documents = self._correct(
            edits={"Chairs": {"quantity": 8}, "Cushions": {"price_unit": 44}},
            reason="Zwrot 2 krzeseł, podwyżka ceny poduszek",
        )
        self.credit_note = documents.filtered(lambda move: move.move_type == "out_refund")
        self.debit_note = documents - self.credit_note

    def test_credit_note_is_a_kor_with_the_lines_before_and_after(self):
        root = self._fa3(self.credit_note)
        self.assertEqual(self._text(root, "fa:RodzajFaktury"), "KOR")
        self.assertEqual(self._text(root, "fa:PrzyczynaKorekty"), "Zwrot 2 krzeseł, podwyżka ceny poduszek")
        # A decrease counts when the correction is issued.
        self.assertEqual(self._text(root, "fa:TypKorekty"), "2")
        self.assertEqual(
            self._corrected_invoice(root),
            {"DataWystFaKorygowanej": "2026-10-01", "NrFaKorygowanej": self.invoice.name, "NrKSeFN": "1"},
        )
        # 10 x 100.00 less 10 % (100.00) = 900.00 before, 8 x 100.00 less 80.00 = 720.00 after.
        self.assertEqual(
            self._rows(root),
            [
                ("Chairs", "10", "100.00", "100.00", "900.00", "23", "1"),
                ("Chairs", "8", "100.00", "80.00", "720.00", "23", None),
            ],
        )
        # 720 - 900 = -180.00, 23 % of it -41.40, -221.40 in all
        self.assertEqual(self._totals(root, "P_13_1", "P_14_1", "P_15"), ("-180.00", "-41.40", "-221.40"))
        self.assertIsNone(self._text(root, "fa:P_13_2"))

    def test_debit_note_is_a_kor_too(self):
        root = self._fa3(self.debit_note)
        self.assertEqual(self._text(root, "fa:RodzajFaktury"), "KOR")
        self.assertEqual(self._text(root, "fa:PrzyczynaKorekty"), "Zwrot 2 krzeseł, podwyżka ceny poduszek")
        # An increase whose cause arose after the sale (a price agreed later) counts when the
        # correction is issued (art. 29a ust. 17), where its tax is booked.
        self.assertEqual(self._text(root, "fa:TypKorekty"), "2")
        self.assertEqual(self.debit_note.date, self.debit_note.invoice_date)
        self.assertEqual(self._corrected_invoice(root)["NrFaKorygowanej"], self.invoice.name)
        self.assertEqual(
            self._rows(root),
            [
                ("Cushions", "5", "40.00", None, "200.00", "8", "1"),
                ("Cushions", "5", "44.00", None, "220.00", "8", None),
            ],
        )
        # 220 - 200 = 20.00, 8 % of it 1.60, 21.60 in all
        self.assertEqual(self._totals(root, "P_13_2", "P_14_2", "P_15"), ("20.00", "1.60", "21.60"))
        self.assertIsNone(self._text(root, "fa:P_13_1"))

    def test_correction_type_follows_the_accounting_date(self):
        self.assertEqual(self.credit_note.ksef_correction_type, "2")
        # Issued in December, booked by the accountant in November: the FA(3) says "another date".
        self.credit_note.invoice_date = "2026-12-15"
        self.credit_note.date = "2026-11-30"
        self.assertEqual(self._text(self._fa3(self.credit_note), "fa:TypKorekty"), "3")

    def test_invoice_in_ksef_is_named_by_its_ksef_number(self):
        self.invoice.l10n_pl_edi_number = "1234567883-20261001-0100001AF629-AF"
        self.assertEqual(
            self._corrected_invoice(self._fa3(self.credit_note)),
            {
                "DataWystFaKorygowanej": "2026-10-01",
                "NrFaKorygowanej": self.invoice.name,
                "NrKSeF": "1",
                "NrKSeFFaKorygowanej": "1234567883-20261001-0100001AF629-AF",
            },
        )
