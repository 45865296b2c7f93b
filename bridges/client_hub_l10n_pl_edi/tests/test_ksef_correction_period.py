from datetime import date

from odoo.tests import tagged

from .common import KsefCorrectionCase


@tagged("post_install", "-at_install")
class TestKsefCorrectionPeriod(KsefCorrectionCase):
    """A correction is booked in the VAT period its FA(3) declares (TypKorekty): 1, the period of
    the corrected invoice (October 2026 here); 2, the date the correction is issued. Odoo's VAT
    report (and the JPK_V7 built from it) files a document by its accounting date."""

    def test_debit_note_is_booked_in_the_period_it_declares(self):
        # Chairs 10 -> 12 on 2026-11-20: a debit note of 2 x 100.00 - 10 % = 180.00 + 41.40.
        debit_note = self._correct(edits={"Chairs": {"quantity": 12}}, date=date(2026, 11, 20))
        self.assertEqual(debit_note.move_type, "out_invoice")
        self.assertEqual(self._amounts(debit_note), (180.0, 41.4, 221.4))
        root = self._fa3(debit_note)
        declared = self._text(root, "fa:TypKorekty")
        if declared == "1":
            # The period of the invoice of 2026-10-01.
            self.assertTrue(
                date(2026, 10, 1) <= debit_note.date <= date(2026, 10, 31),
                f"FA(3) declares the invoice's period (October 2026), the books file it on {debit_note.date}",
            )
        else:
            self.assertEqual(declared, "2")
            self.assertEqual(debit_note.date, date(2026, 11, 20))
