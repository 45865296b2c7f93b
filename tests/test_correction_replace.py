from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import Form, tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionReplace(CorrectionSetup, AccountTestInvoicingCommon):
    """The new invoice of a replacing correction invoices the same supply: issued on the
    correction's day, it keeps the supply's date (the invoice's delivery date, else its date) and,
    in a foreign currency, the rate of the supply's tax point; the dialog says so."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        # 1 EUR = 4.00 until November, 4.20 from 2026-11-10 (rates: EUR per unit of the company's).
        cls.eur = cls.setup_other_currency("EUR", rates=[("1900-01-01", 0.25), ("2026-11-10", 1 / 4.2)])

    def _eur_invoice(self, **values):
        # 2 x 500.00 = 1,000.00 + 23 % 230.00 = 1,230.00 EUR, at 4.00: 4,920.00 (VAT 920.00).
        invoice = self._make_invoice(
            self.client,
            [{"name": "Desk", "quantity": 2, "price_unit": 500, "tax_ids": self.tax_23}],
            currency_id=self.eur.id,
            **values,
        )
        self.assertEqual((invoice.amount_total, invoice.amount_total_signed), (1230.0, 4920.0))
        return invoice

    def _replace(self, invoice, date="2026-11-15"):
        documents = self._correct(invoice, mode="replace", date=date)
        return documents.filtered(lambda move: move.move_type == "out_invoice")

    def test_new_invoice_keeps_the_supply_date_and_rate(self):
        # Issued 2026-11-15 (4.20) for a supply of 2026-09-28 invoiced at 4.00: VAT 230.00 EUR
        # = 920.00 (not 966.00 at the day's rate), total 4,920.00.
        invoice = self._eur_invoice(delivery_date="2026-09-28")
        new_invoice = self._replace(invoice)
        self.assertEqual(str(new_invoice.invoice_date), "2026-11-15")
        self.assertEqual(str(new_invoice.delivery_date), "2026-09-28")
        self.assertEqual(new_invoice.invoice_currency_rate, 0.25)
        new_invoice.action_post()
        vat = new_invoice.line_ids.filtered("tax_line_id")
        self.assertEqual((vat.amount_currency, vat.balance), (-230.0, -920.0))
        self.assertEqual(new_invoice.amount_total_signed, 4920.0)

    def test_without_delivery_date_the_invoice_date_is_the_supply_date(self):
        new_invoice = self._replace(self._eur_invoice())
        self.assertEqual(str(new_invoice.delivery_date), "2026-10-01")

    def test_same_currency_keeps_the_supply_date(self):
        new_invoice = self._replace(self.invoice)
        self.assertEqual(str(new_invoice.delivery_date), "2026-10-01")
        self.assertEqual(new_invoice.amount_total, 1323.0)

    def test_dialog_says_which_date_and_rate_the_new_invoice_carries(self):
        invoice = self._eur_invoice(delivery_date="2026-09-28")
        form = Form(self.env["account.move.correction"].with_context(default_partner_id=self.client.id))
        form.move_id = invoice
        form.reason = "Wrong buyer"
        self.assertFalse(form.replace_notice)
        form.mode = "replace"
        form.date = "2026-11-15"
        self.assertEqual(
            form.replace_notice,
            "The new invoice is issued on 11/15/2026 with the supply's date 09/28/2026 (the delivery"
            " date of the invoice it replaces) and converted at the invoice's rate, 4.000000"
            f" {self.env.company.currency_id.name} per EUR, the rate of the supply's tax point: it"
            " invoices the same supply.",
        )
