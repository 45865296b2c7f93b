from datetime import date

from odoo.tests import tagged

from .common import KsefCorrectionCase


@tagged("post_install", "-at_install")
class TestKsefTaxPeriod(KsefCorrectionCase):
    """One period, declared and booked: the month Odoo's Polish tax report (l10n_pl.tax_report,
    its tax-tag lines, as the JPK reads them) puts a correction's tax in is the one its FA(3)
    declares (TypKorekty): a decrease or an increase whose cause arose after the sale, on the
    correction's date (art. 29a ust. 13 and 17); an error, in the invoice's period.
    The invoice of 2026-10-01: 23 % base 900.00, tax 207.00; 8 % base 200.00, tax 16.00."""

    def _tax_report(self, code, month):
        """The amount of the tax report's line `code` for `month` (of 2026), evaluated as Odoo's
        report engine evaluates its tax-tag expressions: the balance of the posted journal items
        with the tag in the month, negated for a formula "-K_n"."""
        line = self.env.ref("l10n_pl.tax_report").line_ids.filtered(lambda line: line.code == code)
        expression = line.expression_ids.filtered(lambda expression: expression.engine == "tax_tags")
        self.assertEqual(len(expression), 1)
        start = date(2026, month, 1)
        end = date(2026 + month // 12, month % 12 + 1, 1)
        items = self.env["account.move.line"].search(
            [
                ("tax_tag_ids", "in", expression._get_matching_tags().ids),
                ("parent_state", "=", "posted"),
                ("date", ">=", start),
                ("date", "<", end),
                ("company_id", "=", self.env.company.id),
            ]
        )
        amount = sum(items.mapped("balance"))
        return round(-amount if expression.formula.startswith("-") else amount, 2)

    def _vat_23(self, month):
        # PLTAXC_06_19 / _20: base and tax of domestic supplies at 23 % (K_19, K_20).
        return (self._tax_report("PLTAXC_06_19", month), self._tax_report("PLTAXC_06_20", month))

    def _vat_8(self, month):
        # PLTAXC_05_17 / _18: base and tax at 8 % (K_17, K_18).
        return (self._tax_report("PLTAXC_05_17", month), self._tax_report("PLTAXC_05_18", month))

    def test_decrease_after_the_sale_is_in_the_correction_month(self):
        # Two chairs returned in November: -180.00 and -41.40 in November, October as invoiced.
        credit_note = self._correct(edits={"Chairs": {"quantity": 8}}, date="2026-11-15")
        self.assertEqual(self._text(self._fa3(credit_note), "fa:TypKorekty"), "2")
        self.assertEqual(self._vat_23(10), (900.0, 207.0))
        self.assertEqual(self._vat_23(11), (-180.0, -41.4))

    def test_increase_after_the_sale_is_in_the_correction_month(self):
        # Cushions 40.00 -> 44.00, a price agreed in November: 20.00 and 1.60 in November.
        debit_note = self._correct(edits={"Cushions": {"price_unit": 44}}, date="2026-11-15")
        self.assertEqual(self._text(self._fa3(debit_note), "fa:TypKorekty"), "2")
        self.assertEqual(self._vat_8(10), (200.0, 16.0))
        self.assertEqual(self._vat_8(11), (20.0, 1.6))

    def test_error_is_in_the_invoice_month(self):
        # The invoice should have said 44.00 (an error found in November): 20.00 and 1.60 in
        # October, where the FA(3) says (TypKorekty 1), nothing in November.
        debit_note = self._correct(edits={"Cushions": {"price_unit": 44}}, date="2026-11-15", cause="at_sale")
        self.assertEqual(str(debit_note.invoice_date), "2026-11-15")
        self.assertEqual(debit_note.date, self.invoice.date)
        self.assertEqual(self._text(self._fa3(debit_note), "fa:TypKorekty"), "1")
        self.assertEqual(self._vat_8(10), (220.0, 17.6))
        self.assertEqual(self._vat_8(11), (0.0, 0.0))

    def test_decrease_by_error_is_in_the_invoice_month(self):
        # Ten chairs invoiced, eight delivered: -180.00 and -41.40 in October, TypKorekty 1.
        credit_note = self._correct(edits={"Chairs": {"quantity": 8}}, date="2026-11-15", cause="at_sale")
        self.assertEqual(self._text(self._fa3(credit_note), "fa:TypKorekty"), "1")
        self.assertEqual(self._vat_23(10), (720.0, 165.6))
        self.assertEqual(self._vat_23(11), (0.0, 0.0))

    def test_full_credit_by_error_is_in_the_invoice_month(self):
        credit_note = self._correct(mode="full", date="2026-11-15", cause="at_sale")
        self.assertEqual(credit_note.date, self.invoice.date)
        self.assertEqual(self._text(self._fa3(credit_note), "fa:TypKorekty"), "1")
        self.assertEqual(self._vat_23(10), (0.0, 0.0))
        self.assertEqual(self._vat_8(10), (0.0, 0.0))
        self.assertEqual(self._vat_23(11), (0.0, 0.0))
