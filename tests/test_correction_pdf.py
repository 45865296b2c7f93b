import shutil
import subprocess

from odoo.addons.account.tests.common import AccountTestInvoicingHttpCommon
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionPdf(CorrectionSetup, AccountTestInvoicingHttpCommon):
    """The printed corrective invoice, rendered by wkhtmltopdf and read back with pdftotext.
    Never skipped: make test installs both (tools/dev/setup.sh pdf)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        for tool in ("wkhtmltopdf", "pdftotext"):
            assert shutil.which(tool), f"{tool} is missing: run tools/dev/setup.sh pdf"

    def _printed_correction(self, reason, invoice=None, edits=None):
        """The text of the posted credit note (by default returning two of the ten chairs)."""
        credit_note = self._correct(invoice, edits=edits or {"Chairs": {"quantity": 8}}, reason=reason)
        credit_note.action_post()
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, kind = report._render_qweb_pdf("account.account_invoices", credit_note.ids)
        self.assertEqual(kind, "pdf")
        result = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60
        )
        # One space between words (the layout pads columns), without the zero-width space Odoo
        # puts after a minus sign.
        return " ".join(result.stdout.decode().replace("\u200b", "").split())

    def test_printed_correction(self):
        # Chairs 10 -> 8: 900.00 -> 720.00, -180.00 net, -41.40 VAT 23 %, -221.40 gross.
        text = self._printed_correction("Two chairs returned")
        self.assertIn("Corrective invoice", text)
        self.assertIn(f"Corrects invoice {self.invoice.name} of 10/01/2026", text)
        self.assertIn("Reason: Two chairs returned", text)
        # Quantity, price, discount and subtotal before and after, then the difference.
        self.assertIn("Chairs 10.00 8.00 100.00 100.00 10.00 10.00 $ 900.00 $ 720.00 $ -180.00", text)
        # Net, tax and gross difference per rate.
        self.assertIn("VAT 23% $ -180.00 $ -41.40 $ -221.40", text)
        self.assertNotIn("No taxes", text)

    def test_printed_untaxed_lines(self):
        # Untaxed Stools 4 x 25.00 -> 3 x 25.00 and taxed Cushions 5 x 40.00 -> 5 x 30.00:
        # -25.00 net without tax, -50.00 net and -4.00 VAT 8 %; in all -75.00 - 4.00 = -79.00.
        invoice = self._make_invoice(
            self.client,
            [
                {"name": "Stools", "quantity": 4, "price_unit": 25, "tax_ids": self.env["account.tax"]},
                {"name": "Cushions", "quantity": 5, "price_unit": 40, "tax_ids": self.tax_8},
            ],
        )
        text = self._printed_correction(
            "Price agreed", invoice, {"Stools": {"quantity": 3}, "Cushions": {"price_unit": 30}}
        )
        self.assertIn("Stools 4.00 3.00 25.00 25.00 0.00 0.00 $ 100.00 $ 75.00 $ -25.00", text)
        self.assertIn("VAT 8% $ -50.00 $ -4.00 $ -54.00", text)
        self.assertIn("No taxes $ -25.00 $ 0.00 $ -25.00", text)

    def test_printed_in_polish(self):
        self.env["res.lang"]._activate_lang("pl_PL")
        self.env["ir.module.module"]._load_module_terms(["client_hub"], ["pl_PL"], overwrite=True)
        self.client.lang = "pl_PL"
        text = self._printed_correction("Zwrot dwóch krzeseł")
        self.assertIn("Faktura korygująca", text)
        self.assertIn(f"Korygowana faktura {self.invoice.name}", text)
        self.assertIn("01.10.2026", text)
        self.assertIn("Zwrot dwóch krzeseł", text)
