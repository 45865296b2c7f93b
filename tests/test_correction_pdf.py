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

    def _printed_correction(self, reason):
        """The text of the posted credit note returning two of the ten chairs."""
        credit_note = self._correct(edits={"Chairs": {"quantity": 8}}, reason=reason)
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

    def test_printed_in_polish(self):
        self.env["res.lang"]._activate_lang("pl_PL")
        self.env["ir.module.module"]._load_module_terms(["client_hub"], ["pl_PL"], overwrite=True)
        self.client.lang = "pl_PL"
        text = self._printed_correction("Zwrot dwóch krzeseł")
        self.assertIn("Faktura korygująca", text)
        self.assertIn(f"Korygowana faktura {self.invoice.name}", text)
        self.assertIn("01.10.2026", text)
        self.assertIn("Zwrot dwóch krzeseł", text)
