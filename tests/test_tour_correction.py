from odoo.addons.account.tests.common import AccountTestInvoicingHttpCommon
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionTour(CorrectionSetup, AccountTestInvoicingHttpCommon):
    """An accountant saves the correction dialog in the browser, in each mode, from the client and
    from the invoice; the tours check the totals on screen, these tests what was booked."""

    # The width the dialog must fit in (every column visible without scrolling).
    browser_size = "1440x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        cls._make_accountant("ch_tour_accountant")

    def _tour(self, record, tour):
        self.start_tour(f"/odoo/{record._name}/{record.id}", tour, login="ch_tour_accountant")
        return self.env["account.move"].search(
            [("correction_of_move_id", "=", self.invoice.id)], order="move_type desc"
        )

    def test_full_from_the_client(self):
        credit_note = self._tour(self.client, "client_hub_correct_full")
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.correction_reason, "Order cancelled")
        self.assertEqual(self._amounts(credit_note), (1100.0, 223.0, 1323.0))

    def test_partial_from_the_client(self):
        credit_note, debit_note = self._tour(self.client, "client_hub_correct_partial")
        self.assertEqual(credit_note.move_type, "out_refund")
        # Chairs 10 -> 8: 180 + 23 % = 221.40; Cushions 40 -> 45: 25 + 8 % = 27.00.
        self.assertEqual(self._amounts(credit_note), (180.0, 41.4, 221.4))
        self.assertEqual(debit_note.debit_origin_id, self.invoice)
        self.assertEqual(self._amounts(debit_note), (25.0, 2.0, 27.0))

    def test_replace_from_the_client(self):
        credit_note, new_invoice = self._tour(self.client, "client_hub_correct_replace")
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(new_invoice.move_type, "out_invoice")
        self.assertEqual(credit_note.amount_total, 1323.0)
        self.assertEqual(new_invoice.amount_total, 1323.0)

    def test_partial_from_the_invoice(self):
        debit_note = self._tour(self.invoice, "client_hub_correct_from_invoice")
        self.assertEqual(debit_note.debit_origin_id, self.invoice)
        self.assertEqual(self._amounts(debit_note), (25.0, 2.0, 27.0))
