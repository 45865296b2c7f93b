import shutil
import subprocess

from odoo.addons.account.tests.common import AccountTestInvoicingHttpCommon
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionPdf(CorrectionSetup, AccountTestInvoicingHttpCommon):
    """The printed corrective invoice, rendered by wkhtmltopdf and read back with pdftotext.
    Never skipped: make test installs both (tools/dev/setup.sh pdf). The machine's wkhtmltopdf is
    Debian's, without patched Qt: no header or footer, so the seller read back is in the body."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        for tool in ("wkhtmltopdf", "pdftotext"):
            assert shutil.which(tool), f"{tool} is missing: run tools/dev/setup.sh pdf"
        cls.env.company.write({"name": "Meble Seller Sp. z o.o.", "vat": "PL5260001246"})
        cls.env.company.partner_id.write({"street": "ul. Sprzedawców 5", "city": "Poznań", "zip": "60-101"})
        cls.client.write(
            {"vat": "PL7770003699", "street": "ul. Nabywców 9", "city": "Kraków", "zip": "30-001"}
        )

    def _pdf_text(self, documents):
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, kind = report._render_qweb_pdf("account.account_invoices", documents.ids)
        self.assertEqual(kind, "pdf")
        result = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60
        )
        # One space between words (the layout pads columns), without the zero-width space Odoo
        # puts after a minus sign.
        return " ".join(result.stdout.decode().replace("\u200b", "").split())

    def _printed_correction(self, reason, invoice=None, edits=None):
        """The text of the posted credit note (by default returning two of the ten chairs)."""
        credit_note = self._correct(invoice, edits=edits or {"Chairs": {"quantity": 8}}, reason=reason)
        credit_note.action_post()
        return self._pdf_text(credit_note)

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

    def test_printed_parties(self):
        # Seller and buyer with name, address and tax ID, in the body (this wkhtmltopdf prints no header).
        text = self._printed_correction("Two chairs returned")
        for words in (
            "Seller",
            "Meble Seller Sp. z o.o.",
            "ul. Sprzedawców 5",
            "Tax ID: PL5260001246",
            "Buyer",
            "Corrected Client",
            "ul. Nabywców 9",
            "Tax ID: PL7770003699",
        ):
            self.assertIn(words, text)
        self.assertIn("Issue Date", text)
        self.assertNotIn("Credit Note Date", text)

    def test_printed_signs(self):
        # One sign on the page, the change in what the client owes: the totals block says what the
        # lines and the rates say (-180.00 + -41.40 = -221.40), and no line is printed with a
        # negative quantity (8 chairs after, not -8.00).
        text = self._printed_correction("Two chairs returned")
        self.assertIn("VAT 23% $ -180.00 $ -41.40 $ -221.40", text)
        self.assertIn("Untaxed Amount $ -180.00", text)
        self.assertIn("Total $ -221.40", text)
        self.assertNotIn("$ 221.40", text)
        self.assertNotIn("-8.00", text)
        self.assertNotIn("$ 720.00 $ -720.00", text)

    def test_printed_set_off_not_as_payment(self):
        # The credit note (-221.40) is reconciled with its invoice when posted: the page says it is
        # applied to that invoice's amount due (with the page's sign), not "Paid on ..." with an
        # amount due of nothing.
        credit_note = self._correct(edits={"Chairs": {"quantity": 8}}, reason="Two chairs returned")
        credit_note.action_post()
        self.assertEqual(credit_note.payment_state, "paid")
        text = self._pdf_text(credit_note)
        self.assertIn(f"Applied to the amount due on invoice {self.invoice.name}: $ -221.40", text)
        self.assertNotIn("Paid on", text)
        self.assertNotIn("Amount Due", text)
        self.assertIn("Total $ -221.40", text)

    def test_printed_debit_note(self):
        # Cushions 40.00 -> 45.00: +25.00 net, +2.00 VAT 8 %, +27.00: positive everywhere.
        debit_note = self._correct(edits={"Cushions": {"price_unit": 45}}, reason="Price agreed")
        debit_note.action_post()
        text = self._pdf_text(debit_note)
        self.assertIn("Cushions 5.00 5.00 40.00 45.00 0.00 0.00 $ 200.00 $ 225.00 $ 25.00", text)
        self.assertIn("VAT 8% $ 25.00 $ 2.00 $ 27.00", text)
        self.assertIn("Total $ 27.00", text)
        self.assertNotIn("$ -", text)

    def test_printed_full_correction(self):
        # Odoo's reversal of the whole invoice: every line goes to zero, printed as a decrease.
        credit_note = self._correct(mode="full", reason="Order cancelled")
        credit_note.action_post()
        text = self._pdf_text(credit_note)
        self.assertIn("Chairs 10.00 0.00 100.00 100.00 10.00 10.00 $ 900.00 $ 0.00 $ -900.00", text)
        self.assertIn("Cushions 5.00 0.00 40.00 40.00 0.00 0.00 $ 200.00 $ 0.00 $ -200.00", text)
        self.assertIn("Total $ -1,323.00", text)

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
        self.assertIn("Total $ -79.00", text)

    def test_printed_several_at_once(self):
        # A correction both ways (credit note and debit note) printed in one go: this wkhtmltopdf
        # cannot take several documents in one run; both are printed all the same.
        credit_note, debit_note = self._correct(
            edits={"Chairs": {"quantity": 8}, "Cushions": {"price_unit": 45}}, reason="Both ways"
        ).sorted("move_type", reverse=True)
        (credit_note | debit_note).action_post()
        text = self._pdf_text(credit_note | debit_note)
        self.assertIn(f"Corrective invoice {credit_note.name}", text)
        self.assertIn(f"Corrective invoice {debit_note.name}", text)
        self.assertIn("Total $ -221.40", text)
        self.assertIn("Total $ 27.00", text)

    def test_printed_in_polish(self):
        # Printed in the client's language, whoever prints it.
        self.env["res.lang"]._activate_lang("pl_PL")
        self.env["ir.module.module"]._load_module_terms(["client_hub"], ["pl_PL"], overwrite=True)
        self.client.lang = "pl_PL"
        self.assertEqual(self.env.user.lang, "en_US")
        text = self._printed_correction("Zwrot dwóch krzeseł")
        self.assertIn("Faktura korygująca", text)
        self.assertIn(f"Korygowana faktura {self.invoice.name}", text)
        self.assertIn("01.10.2026", text)
        self.assertIn("Zwrot dwóch krzeseł", text)
        for words in ("Data wystawienia", "Sprzedawca", "Nabywca", "NIP: PL5260001246", "NIP: PL7770003699"):
            self.assertIn(words, text)
        self.assertNotIn("Data noty kredytowej", text)
        self.assertNotIn("Issue Date", text)
