from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.exceptions import UserError
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionPeriod(CorrectionSetup, AccountTestInvoicingCommon):
    """The period a correction's tax is booked in (its accounting date), by its cause: one that
    arose after the sale on the correction's date, an error (a cause that existed at the sale) in
    the invoice's period, the correction still issued on its own date."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()

    def test_cause_after_the_sale_is_booked_on_the_correction_date(self):
        documents = self._correct(
            edits={"Chairs": {"quantity": 8}, "Cushions": {"price_unit": 44}}, date="2026-11-15"
        )
        self.assertEqual(len(documents), 2)
        for document in documents:
            self.assertEqual((str(document.invoice_date), str(document.date)), ("2026-11-15", "2026-11-15"))
            self.assertEqual(document.correction_cause, "after_sale")

    def test_error_is_booked_in_the_invoice_period(self):
        documents = self._correct(
            edits={"Chairs": {"quantity": 8}, "Cushions": {"price_unit": 44}},
            date="2026-11-15",
            cause="at_sale",
        )
        documents.action_post()
        for document in documents:
            self.assertEqual((str(document.invoice_date), str(document.date)), ("2026-11-15", "2026-10-01"))
            self.assertEqual(set(document.line_ids.mapped("date")), {self.invoice.date})
            self.assertEqual(document.correction_cause, "at_sale")

    def test_full_and_replacing_error_are_booked_in_the_invoice_period(self):
        documents = self._correct(mode="replace", date="2026-11-15", cause="at_sale")
        self.assertEqual(set(documents.mapped("date")), {self.invoice.date})
        self.assertEqual(set(map(str, documents.mapped("invoice_date"))), {"2026-11-15"})

    def test_error_in_a_locked_period_is_refused(self):
        self.env.company.tax_lock_date = "2026-10-31"
        with self.assertRaisesRegex(UserError, "booked in the period of the invoice"):
            self._correct(edits={"Chairs": {"quantity": 8}}, date="2026-11-15", cause="at_sale")
        # A cause after the sale is booked in November, open.
        credit_note = self._correct(edits={"Chairs": {"quantity": 8}}, date="2026-11-15")
        self.assertEqual(str(credit_note.date), "2026-11-15")
