from odoo.tests import tagged

from .common import KsefCorrectionCase


@tagged("post_install", "-at_install")
class TestKsefSecondCorrection(KsefCorrectionCase):
    def test_second_correction_starts_from_the_first(self):
        self._correct(edits={"Chairs": {"quantity": 8}}).action_post()
        second = self._correct(edits={"Chairs": {"quantity": 5}}, reason="Zwrot kolejnych 3 krzeseł")
        root = self._fa3(second)
        # Still a correction of the invoice, from the 8 chairs the first correction left.
        self.assertEqual(self._text(root, "fa:RodzajFaktury"), "KOR")
        self.assertEqual(self._text(root, "fa:PrzyczynaKorekty"), "Zwrot kolejnych 3 krzeseł")
        self.assertEqual(self._corrected_invoice(root)["NrFaKorygowanej"], self.invoice.name)
        self.assertEqual(
            self._rows(root),
            [
                ("Chairs", "8", "100.00", "80.00", "720.00", "23", "1"),
                ("Chairs", "5", "100.00", "50.00", "450.00", "23", None),
            ],
        )
        # 450 - 720 = -270.00, 23 % of it -62.10, -332.10 in all
        self.assertEqual(self._totals(root, "P_13_1", "P_14_1", "P_15"), ("-270.00", "-62.10", "-332.10"))

    def test_full_correction_after_a_partial_one(self):
        self._correct(edits={"Chairs": {"quantity": 8}}).action_post()
        rest = self._correct(mode="full", reason="Rezygnacja z zamówienia")
        root = self._fa3(rest)
        self.assertEqual(
            self._rows(root),
            [
                ("Chairs", "8", "100.00", "80.00", "720.00", "23", "1"),
                ("Chairs", "0", "100.00", None, "0.00", "23", None),
                ("Cushions", "5", "40.00", None, "200.00", "8", "1"),
                ("Cushions", "0", "40.00", None, "0.00", "8", None),
            ],
        )
        # What was left: 720 + 165.60 and 200 + 16: -1,101.60
        self.assertEqual(
            self._totals(root, "P_13_1", "P_14_1", "P_13_2", "P_14_2", "P_15"),
            ("-720.00", "-165.60", "-200.00", "-16.00", "-1101.60"),
        )
