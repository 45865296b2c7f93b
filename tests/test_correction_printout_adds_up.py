import shutil
import subprocess

from odoo.addons.account.tests.common import AccountTestInvoicingHttpCommon
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionPrintoutAddsUp(CorrectionSetup, AccountTestInvoicingHttpCommon):
    """The printed corrective invoice (wkhtmltopdf, read back with pdftotext) adds up: the line's
    difference, the difference per tax rate and the totals say the same amounts, the "before"
    figures are the invoice's, and no "Rounding" appears on a document without cash rounding."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        for tool in ("wkhtmltopdf", "pdftotext"):
            assert shutil.which(tool), f"{tool} is missing: run tools/dev/setup.sh pdf"

    def _pdf_text(self, documents):
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, kind = report._render_qweb_pdf("account.account_invoices", documents.ids)
        self.assertEqual(kind, "pdf")
        result = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60
        )
        return " ".join(result.stdout.decode().replace("\u200b", "").split())

    def test_debit_note_rounding_globally(self):
        # Bolts 5 x 7.77 - 10 % = 34.965 -> 34.97 (+ 8.04); 7 of them: 48.951 -> 48.95 (+ 11.26):
        # debit 13.98 + 3.22 = 17.20.
        self.env.company.tax_calculation_rounding_method = "round_globally"
        invoice = self._make_invoice(
            self.client,
            [{"name": "Bolts", "quantity": 5, "price_unit": 7.77, "discount": 10, "tax_ids": self.tax_23}],
        )
        debit_note = self._correct(invoice, edits={"Bolts": {"quantity": 7}})
        debit_note.action_post()
        text = self._pdf_text(debit_note)
        self.assertIn("Bolts 5.00 7.00 7.77 7.77 10.00 10.00 $ 34.97 $ 48.95 $ 13.98", text)
        self.assertIn("VAT 23% $ 13.98 $ 3.22 $ 17.20", text)
        self.assertIn("Untaxed Amount $ 13.98", text)
        self.assertIn("Total $ 17.20", text)
        self.assertNotIn("Rounding", text)

    def test_credit_note_of_a_four_decimal_price(self):
        # Gaskets 3.5 x 12.3456 - 7.5 % = 39.97 (+ 9.19); 2.25 of them: 25.69 (+ 5.91):
        # credit 14.28 + 3.28 = 17.56.
        invoice = self._make_invoice(
            self.client,
            [
                {
                    "name": "Gaskets",
                    "quantity": 3.5,
                    "price_unit": 12.3456,
                    "discount": 7.5,
                    "tax_ids": self.tax_23,
                }
            ],
        )
        credit_note = self._correct(invoice, edits={"Gaskets": {"quantity": 2.25}})
        credit_note.action_post()
        text = self._pdf_text(credit_note)
        self.assertIn("$ 39.97 $ 25.69 $ -14.28", text)
        self.assertIn("VAT 23% $ -14.28 $ -3.28 $ -17.56", text)
        self.assertIn("Total $ -17.56", text)
        self.assertNotIn("Rounding", text)
