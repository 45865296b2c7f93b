from odoo.tests import tagged

from .common import KsefCorrectionCase

# The invoice's lines before a full correction, and after it: nothing left.
BEFORE = [
    ("Chairs", "10", "100.00", "100.00", "900.00", "23", "1"),
    ("Chairs", "0", "100.00", None, "0.00", "23", None),
    ("Cushions", "5", "40.00", None, "200.00", "8", "1"),
    ("Cushions", "0", "40.00", None, "0.00", "8", None),
]


@tagged("post_install", "-at_install")
class TestKsefFullCorrection(KsefCorrectionCase):
    def _assert_credits_the_whole_invoice(self, credit_note):
        root = self._fa3(credit_note)
        self.assertEqual(self._text(root, "fa:RodzajFaktury"), "KOR")
        self.assertEqual(self._text(root, "fa:PrzyczynaKorekty"), "Błędny NIP nabywcy")
        self.assertEqual(self._corrected_invoice(root)["NrFaKorygowanej"], self.invoice.name)
        self.assertEqual(self._rows(root), BEFORE)
        # -900.00 and -207.00 at 23 %, -200.00 and -16.00 at 8 %: -1,323.00
        self.assertEqual(
            self._totals(root, "P_13_1", "P_14_1", "P_13_2", "P_14_2", "P_15"),
            ("-900.00", "-207.00", "-200.00", "-16.00", "-1323.00"),
        )

    def test_full_correction(self):
        credit_note = self._correct(mode="full", reason="Błędny NIP nabywcy")
        self._assert_credits_the_whole_invoice(credit_note)

    def test_replacing_correction(self):
        documents = self._correct(mode="replace", reason="Błędny NIP nabywcy")
        credit_note = documents.filtered(lambda move: move.move_type == "out_refund")
        self._assert_credits_the_whole_invoice(credit_note)
        # The new invoice is issued anew: an ordinary invoice, with the full amounts.
        new_invoice = documents - credit_note
        new_invoice.action_post()
        root = self._fa3(new_invoice)
        self.assertEqual(self._text(root, "fa:RodzajFaktury"), "VAT")
        self.assertFalse(root.xpath("fa:Fa/fa:DaneFaKorygowanej", namespaces={"fa": root.nsmap[None]}))
        self.assertEqual(self._totals(root, "P_13_1", "P_15"), ("900.00", "1323.00"))
        self.assertFalse(new_invoice.ksef_correction_type)
