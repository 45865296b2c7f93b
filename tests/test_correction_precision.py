from lxml import html

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import Form, tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionPrecision(CorrectionSetup, AccountTestInvoicingCommon):
    """A correction keeps the precision of the invoice line it comes from: unit prices with 4 and
    6 decimals (Odoo 19's invoice line keeps them), in currencies with 0, 2 and 3 decimals (JPY,
    the company's, KWD), in every mode; no rounding line on an invoice without cash rounding; the
    invoice plus its corrections books what a fresh invoice with the corrected lines books.
    Figures worked out by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        # 1 JPY = 1/150 of the company's currency; 1 KWD = 4.00.
        cls.jpy = cls.setup_other_currency("JPY", rates=[("1900-01-01", 150.0)])
        cls.kwd = cls.setup_other_currency("KWD", rates=[("1900-01-01", 0.25)])

    def _invoice(self, *lines, **values):
        return self._make_invoice(self.client, list(lines), **values)

    def _electricity(self):
        # 1,000 kWh x 0.6543 = 654.30 + 23 % 150.489 -> 150.49 = 804.79.
        invoice = self._invoice(
            {"name": "Electricity", "quantity": 1000, "price_unit": 0.6543, "tax_ids": self.tax_23}
        )
        self.assertEqual(self._amounts(invoice), (654.3, 150.49, 804.79))
        return invoice

    def _kwd_invoice(self):
        # 5 x 333.333 = 1,666.665 + 23 % 383.33295 -> 383.333 = 2,049.998 KWD;
        # at 4.00: 6,666.66 + 1,533.33 = 8,199.99.
        invoice = self._invoice(
            {"name": "Pump", "quantity": 5, "price_unit": 333.333, "tax_ids": self.tax_23},
            currency_id=self.kwd.id,
        )
        self.assertEqual(self._amounts(invoice), (1666.665, 383.333, 2049.998))
        self.assertEqual(invoice.amount_total_signed, 8199.99)
        return invoice

    def _jpy_invoice(self):
        # 1,000 x 12.3456 = 12,345.6 -> 12,346 + 8 % 987.648 -> 988 = 13,334 JPY; Odoo converts
        # the amounts before rounding to the yen: 12,345.6 / 150 = 82.304 -> 82.30, 987.648 / 150
        # = 6.584 -> 6.58, total 88.88.
        invoice = self._invoice(
            {"name": "Cable", "quantity": 1000, "price_unit": 12.3456, "tax_ids": self.tax_8},
            currency_id=self.jpy.id,
        )
        self.assertEqual(self._amounts(invoice), (12346.0, 988.0, 13334.0))
        self.assertEqual(invoice.amount_total_signed, 88.88)
        return invoice

    def _assert_no_rounding_line(self, documents):
        self.assertFalse(documents.line_ids.filtered(lambda line: line.display_type == "rounding"))

    # The dialog

    def test_dialog_shows_and_keeps_the_invoice_price(self):
        invoice = self._electricity()
        form = Form(self.env["account.move.correction"].with_context(default_partner_id=self.client.id))
        form.move_id = invoice
        form.reason = "Meter read again"
        form.mode = "partial"
        with form.line_ids.edit(0) as line:
            self.assertEqual((line.original_price_unit, line.price_unit), (0.6543, 0.6543))
            line.price_unit = 0.6123
        wizard = form.save()
        self.assertEqual(wizard.line_ids.price_unit, 0.6123)
        self.assertEqual(wizard.line_ids.original_price_unit, 0.6543)
        # 1,000 x 0.6123 = 612.30 + 140.829 -> 140.83 = 753.13: -42.00 and -51.66 with VAT.
        self.assertEqual((wizard.line_ids.difference, wizard.line_ids.difference_total), (-42.0, -51.66))

    # 4 decimals, the company's currency

    def test_partial_quantity_at_four_decimals(self):
        # 800 kWh: 523.44 + 120.3912 -> 120.39 = 643.83; credit 130.86 + 30.10 = 160.96.
        invoice = self._electricity()
        credit_note = self._correct(invoice, edits={"Electricity": {"quantity": 800}})
        self.assertEqual(self._amounts(credit_note), (130.86, 30.1, 160.96))
        self.assertEqual(
            credit_note.invoice_line_ids.mapped(lambda line: (line.quantity, line.price_unit)),
            [(1000.0, 0.6543), (-800.0, 0.6543)],
        )
        self._assert_no_rounding_line(credit_note)
        self._assert_rule(invoice, {"Electricity": {"quantity": 800}})
        self.assertEqual(invoice.amount_residual, 643.83)

    def test_partial_price_at_four_decimals(self):
        # 0.6123: 612.30 + 140.829 -> 140.83 = 753.13; credit 42.00 + 9.66 = 51.66.
        invoice = self._electricity()
        credit_note = self._correct(invoice, edits={"Electricity": {"price_unit": 0.6123}})
        self.assertEqual(self._amounts(credit_note), (42.0, 9.66, 51.66))
        self._assert_no_rounding_line(credit_note)
        self._assert_rule(invoice, {"Electricity": {"price_unit": 0.6123}})

    def test_full_after_partial_leaves_nothing(self):
        # 100 x 5.8937 = 589.37 + 135.5551 -> 135.56 = 724.93. 60 units: 353.622 -> 353.62
        # + 81.3326 -> 81.33 = 434.95, credit 235.75 + 54.23 = 289.98; then the full credit
        # 353.62 + 81.33 = 434.95: nothing left, no net sales without VAT.
        invoice = self._invoice(
            {"name": "Gas", "quantity": 100, "price_unit": 5.8937, "tax_ids": self.tax_23}
        )
        self.assertEqual(self._amounts(invoice), (589.37, 135.56, 724.93))
        first = self._correct(invoice, edits={"Gas": {"quantity": 60}})
        self.assertEqual(self._amounts(first), (235.75, 54.23, 289.98))
        first.action_post()
        rest = self._correct(invoice, mode="full")
        self.assertEqual(self._amounts(rest), (353.62, 81.33, 434.95))
        self.assertEqual(rest.invoice_line_ids.mapped("price_unit"), [5.8937, 5.8937])
        self._assert_no_rounding_line(first | rest)
        self._assert_rule(invoice, {"Gas": {"quantity": 0}})
        self.assertEqual(self._figures(invoice | first | rest), {})

    def test_replace_keeps_the_price(self):
        invoice = self._electricity()
        documents = self._correct(invoice, mode="replace")
        credit_note = documents.filtered(lambda move: move.move_type == "out_refund")
        new_invoice = documents - credit_note
        self.assertEqual(self._amounts(credit_note), (654.3, 150.49, 804.79))
        self.assertEqual(new_invoice.invoice_line_ids.price_unit, 0.6543)
        self.assertEqual(self._amounts(new_invoice), (654.3, 150.49, 804.79))
        self._assert_rule(invoice, {"Electricity": {"quantity": 0}}, credit_note)

    # 6 decimals

    def test_sixth_decimal_of_a_price(self):
        # 10,000 x 0.123456 = 1,234.56 + 283.9488 -> 283.95 = 1,518.51;
        # 0.123457: 1,234.57 + 283.9511 -> 283.95 = 1,518.52, a debit note of 0.01 + 0.00.
        invoice = self._invoice(
            {"name": "Data", "quantity": 10000, "price_unit": 0.123456, "tax_ids": self.tax_23}
        )
        self.assertEqual(self._amounts(invoice), (1234.56, 283.95, 1518.51))
        debit_note = self._correct(invoice, edits={"Data": {"price_unit": 0.123457}})
        self.assertEqual(debit_note.move_type, "out_invoice")
        self.assertEqual(self._amounts(debit_note), (0.01, 0.0, 0.01))
        self.assertEqual(debit_note.invoice_line_ids.mapped("price_unit"), [0.123456, 0.123457])
        self._assert_no_rounding_line(debit_note)
        self._assert_rule(invoice, {"Data": {"price_unit": 0.123457}})

    def test_quantity_at_six_decimals_price(self):
        # 7,500: 925.92 + 212.9616 -> 212.96 = 1,138.88; credit 308.64 + 70.99 = 379.63.
        invoice = self._invoice(
            {"name": "Data", "quantity": 10000, "price_unit": 0.123456, "tax_ids": self.tax_23}
        )
        credit_note = self._correct(invoice, edits={"Data": {"quantity": 7500}})
        self.assertEqual(self._amounts(credit_note), (308.64, 70.99, 379.63))
        self._assert_no_rounding_line(credit_note)
        self._assert_rule(invoice, {"Data": {"quantity": 7500}})

    # 3 decimals: KWD

    def test_kwd_partial(self):
        # 3 x 333.333 = 999.999 + 229.99977 -> 230.000 = 1,229.999 KWD (at 4.00: 4,000.00 +
        # 920.00 = 4,920.00); credit 666.666 + 153.333 = 819.999 KWD = 3,279.99.
        invoice = self._kwd_invoice()
        credit_note = self._correct(invoice, edits={"Pump": {"quantity": 3}})
        self.assertEqual(self._amounts(credit_note), (666.666, 153.333, 819.999))
        self.assertEqual(credit_note.amount_total_signed, -3279.99)
        self.assertEqual(credit_note.invoice_line_ids.mapped("price_unit"), [333.333, 333.333])
        self._assert_no_rounding_line(credit_note)
        # Still owed: 1,229.999 KWD. Odoo's reconciliation converts the 819.999 KWD credited at
        # the invoice's rate (3,279.996 -> 3,280.00, not the 3,279.99 the credit note books) and
        # posts the cent as an exchange difference, as for any partial payment in KWD.
        self._assert_rule(invoice, {"Pump": {"quantity": 3}}, exchange_difference=-0.01)

    def test_kwd_full(self):
        invoice = self._kwd_invoice()
        credit_note = self._correct(invoice, mode="full")
        self.assertEqual(self._amounts(credit_note), (1666.665, 383.333, 2049.998))
        self.assertEqual(credit_note.amount_total_signed, -8199.99)
        self._assert_rule(invoice, {"Pump": {"quantity": 0}})
        self.assertEqual(invoice.amount_residual, 0.0)

    def test_kwd_replace(self):
        invoice = self._kwd_invoice()
        documents = self._correct(invoice, mode="replace")
        credit_note = documents.filtered(lambda move: move.move_type == "out_refund")
        new_invoice = documents - credit_note
        self.assertEqual(new_invoice.invoice_line_ids.price_unit, 333.333)
        self.assertEqual(self._amounts(new_invoice), (1666.665, 383.333, 2049.998))
        self._assert_rule(invoice, {"Pump": {"quantity": 0}}, credit_note)

    # 0 decimals: JPY

    def test_jpy_partial(self):
        # 800 x 12.3456 = 9,876.48 -> 9,876 + 790.1184 -> 790 = 10,666 JPY (9,876.48 / 150 =
        # 65.8432 -> 65.84, 790.1184 / 150 = 5.2675 -> 5.27: 71.11); credit 2,470 + 198 = 2,668 JPY
        # = 16.46 + 1.31 = 17.77.
        invoice = self._jpy_invoice()
        credit_note = self._correct(invoice, edits={"Cable": {"quantity": 800}})
        self.assertEqual(self._amounts(credit_note), (2470.0, 198.0, 2668.0))
        self.assertEqual(credit_note.amount_total_signed, -17.77)
        self._assert_no_rounding_line(credit_note)
        # Odoo's reconciliation converts the 2,668 JPY credited at the invoice's own rate (13,334
        # JPY = 88.88: 17.78, where the credit note books 17.77) and posts the cent as an
        # exchange difference: 71.10 owed beside the fresh invoice's 71.11.
        self._assert_rule(invoice, {"Cable": {"quantity": 800}}, exchange_difference=-0.01)

    def test_jpy_full_after_partial(self):
        invoice = self._jpy_invoice()
        self._correct(invoice, edits={"Cable": {"quantity": 800}}).action_post()
        rest = self._correct(invoice, mode="full")
        # What the partial correction left: 10,666 JPY = 71.11.
        self.assertEqual(self._amounts(rest), (9876.0, 790.0, 10666.0))
        self.assertEqual(rest.amount_total_signed, -71.11)
        self._assert_rule(invoice, {"Cable": {"quantity": 0}})

    def test_jpy_replace(self):
        invoice = self._jpy_invoice()
        documents = self._correct(invoice, mode="replace")
        credit_note = documents.filtered(lambda move: move.move_type == "out_refund")
        new_invoice = documents - credit_note
        self.assertEqual(new_invoice.invoice_line_ids.price_unit, 12.3456)
        self.assertEqual(self._amounts(new_invoice), (12346.0, 988.0, 13334.0))
        self._assert_rule(invoice, {"Cable": {"quantity": 0}}, credit_note)

    # The printout

    def test_printout_shows_the_prices_as_the_invoice_has_them(self):
        invoice = self._electricity()
        credit_note = self._correct(invoice, edits={"Electricity": {"price_unit": 0.6123}})
        credit_note.action_post()
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        page, _kind = report._render_qweb_html("account.account_invoices", credit_note.ids)
        tree = html.fromstring(page)
        prices = [
            " ".join(cell.text_content().split())
            for cell in tree.xpath("//table[@name='correction_table']//td[contains(@class, 'o_price_')]")
        ]
        self.assertEqual(prices, ["0.6543", "0.6123"])
