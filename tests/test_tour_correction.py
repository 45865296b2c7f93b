from odoo.addons.account.tests.common import AccountTestInvoicingHttpCommon
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionTour(CorrectionSetup, AccountTestInvoicingHttpCommon):
    """A Polish accountant saves the correction dialog in the browser (line mode, from the client)
    in a 1,440 px window: the tour checks the dialog (invoice and journal filled in from the start,
    no column header cut, no sideways scrolling) and the figures on screen, this test what was
    booked. Every mode, from the client and from the invoice, is saved through the Form helper in
    test_correction_modes.py."""

    # The width the dialog must fit in (every column visible without scrolling).
    browser_size = "1440x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        cls._setup_polish()
        cls._make_accountant("ch_tour_ksiegowa", lang="pl_PL")

    def test_partial_from_the_client_in_polish(self):
        self.start_tour(
            f"/odoo/res.partner/{self.client.id}", "client_hub_correct_partial", login="ch_tour_ksiegowa"
        )
        credit_note, debit_note = self.env["account.move"].search(
            [("correction_of_move_id", "=", self.invoice.id)], order="move_type desc"
        )
        self.assertEqual(credit_note.move_type, "out_refund")
        # Chairs 10 -> 8: 180 + 23 % = 221.40; Cushions 40 -> 45: 25 + 8 % = 27.00.
        self.assertEqual(self._amounts(credit_note), (180.0, 41.4, 221.4))
        self.assertEqual(debit_note.debit_origin_id, self.invoice)
        self.assertEqual(self._amounts(debit_note), (25.0, 2.0, 27.0))
        # An error on the invoice (the cause chosen in the dialog): issued today, both booked in
        # the invoice's period.
        for document in credit_note | debit_note:
            self.assertEqual(document.correction_cause, "at_sale")
            self.assertEqual(document.date, self.invoice.date)
            self.assertGreater(document.invoice_date, document.date)
