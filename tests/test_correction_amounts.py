from collections import defaultdict

from odoo import Command
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionAmounts(CorrectionSetup, AccountTestInvoicingCommon):
    """Partial corrections in every tax setup, to the cent; figures worked out by hand. Each time the
    corrective document's tax lines are also checked against the difference between the invoice's
    tax lines and those of the same invoice with the corrected values."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        Tax = cls.env["account.tax"]
        cls.tax_20_included = Tax.create(
            {"name": "VAT 20 incl. (test)", "amount": 20, "price_include_override": "tax_included"}
        )
        cls.tax_5 = Tax.create({"name": "Levy 5 (test)", "amount": 5})
        cls.tax_fixed = Tax.create({"name": "Eco fee 2.00 (test)", "amount_type": "fixed", "amount": 2})

    def _invoice(self, *lines, **values):
        return self._make_invoice(self.client, list(lines), **values)

    def _tax_lines(self, move):
        amounts = defaultdict(float)
        for line in move.line_ids.filtered("tax_line_id"):
            amounts[line.tax_line_id.name] += abs(line.amount_currency)
        return {name: round(amount, 2) for name, amount in amounts.items()}

    def _assert_correction(self, invoice, edits, expected_amounts, expected_taxes):
        document = self._correct(invoice, edits=edits)
        self.assertEqual(document.move_type, "out_refund")
        self.assertEqual(self._amounts(document), expected_amounts)
        self.assertEqual(self._tax_lines(document), expected_taxes)
        # The same invoice with the corrected values, as Odoo computes it.
        after = invoice.copy()
        for line in after.invoice_line_ids:
            line.write(edits.get(line.name, {}))
        before_taxes, after_taxes = self._tax_lines(invoice), self._tax_lines(after)
        difference = {
            name: round(amount - after_taxes.get(name, 0.0), 2)
            for name, amount in before_taxes.items()
            if round(amount - after_taxes.get(name, 0.0), 2)
        }
        self.assertEqual(self._tax_lines(document), difference)
        return document

    def test_price_included_tax(self):
        # 1 x 120.00 incl. 20 % = 100.00 + 20.00; unit price 60.00 = 50.00 + 10.00:
        # credit 50.00 + 10.00 = 60.00 (not 40.00).
        invoice = self._invoice(
            {"name": "Box", "quantity": 1, "price_unit": 120, "tax_ids": self.tax_20_included}
        )
        self.assertEqual(self._amounts(invoice), (100.0, 20.0, 120.0))
        wizard = self._form(invoice, mode="partial", edits={"Box": {"price_unit": 60}})
        self.assertEqual((wizard.line_ids.difference, wizard.line_ids.difference_total), (-50.0, -60.0))
        self._assert_correction(
            invoice, {"Box": {"price_unit": 60}}, (50.0, 10.0, 60.0), {"VAT 20 incl. (test)": 10.0}
        )

    def test_two_taxes_on_one_line(self):
        # 10 x 10.00 = 100.00 + 23.00 + 5.00; 7 x 10.00 = 70.00 + 16.10 + 3.50:
        # credit 30.00 + 6.90 + 1.50 = 38.40.
        invoice = self._invoice(
            {"name": "Pens", "quantity": 10, "price_unit": 10, "tax_ids": self.tax_23 | self.tax_5}
        )
        self._assert_correction(
            invoice,
            {"Pens": {"quantity": 7}},
            (30.0, 8.4, 38.4),
            {"VAT 23 (test)": 6.9, "Levy 5 (test)": 1.5},
        )

    def test_fixed_amount_tax(self):
        # 10 x 50.00 = 500.00, fee 10 x 2.00 = 20.00, VAT 115.00: 635.00;
        # 6 x 45.00 = 270.00, fee 12.00, VAT 62.10: 344.10;
        # credit 230.00, fee 8.00 (4 units fewer), VAT 52.90 = 290.90.
        invoice = self._invoice(
            {"name": "Tyres", "quantity": 10, "price_unit": 50, "tax_ids": self.tax_fixed | self.tax_23}
        )
        self.assertEqual(invoice.amount_total, 635.0)
        self._assert_correction(
            invoice,
            {"Tyres": {"quantity": 6, "price_unit": 45}},
            (230.0, 60.9, 290.9),
            {"Eco fee 2.00 (test)": 8.0, "VAT 23 (test)": 52.9},
        )

    def test_discount(self):
        # 4 x 250.00 - 15 % = 850.00 + 195.50; - 20 % = 800.00 + 184.00: credit 50.00 + 11.50 = 61.50.
        invoice = self._invoice(
            {"name": "Lamps", "quantity": 4, "price_unit": 250, "discount": 15, "tax_ids": self.tax_23}
        )
        self._assert_correction(
            invoice, {"Lamps": {"discount": 20}}, (50.0, 11.5, 61.5), {"VAT 23 (test)": 11.5}
        )

    def _rounding_invoice(self, method):
        self.env.company.tax_calculation_rounding_method = method
        line = {"quantity": 1, "price_unit": 10.03, "tax_ids": self.tax_23}
        return self._invoice({"name": "Cable A", **line}, {"name": "Cable B", **line})

    def test_rounding_per_line(self):
        # Per line: 10.03 x 23 % = 2.3069 -> 2.31 each, 4.62; Cable A at 5.01: 1.1523 -> 1.15:
        # tax 2.31 + 1.15 = 3.46, credit 5.02 + 1.16 = 6.18.
        invoice = self._rounding_invoice("round_per_line")
        self.assertEqual(invoice.amount_tax, 4.62)
        self._assert_correction(
            invoice, {"Cable A": {"price_unit": 5.01}}, (5.02, 1.16, 6.18), {"VAT 23 (test)": 1.16}
        )

    def test_rounding_globally(self):
        # Globally: 20.06 x 23 % = 4.6138 -> 4.61; after 15.04 x 23 % = 3.4592 -> 3.46:
        # credit 5.02 + 1.15 = 6.17.
        invoice = self._rounding_invoice("round_globally")
        self.assertEqual(invoice.amount_tax, 4.61)
        self._assert_correction(
            invoice, {"Cable A": {"price_unit": 5.01}}, (5.02, 1.15, 6.17), {"VAT 23 (test)": 1.15}
        )

    def _single_line_correction(self, method):
        # One line: 10.03 x 23 % = 2.3069 -> 2.31; unit price 5.01: 1.1523 -> 1.15. The invoice's tax
        # goes down by 2.31 - 1.15 = 1.16 under either method: credit 5.02 + 1.16 = 6.18. Rounding the
        # credit note's own 5.02 globally would give 5.02 x 23 % = 1.1546 -> 1.15, a cent short.
        self.env.company.tax_calculation_rounding_method = method
        invoice = self._invoice({"name": "Cable", "quantity": 1, "price_unit": 10.03, "tax_ids": self.tax_23})
        self.assertEqual(self._amounts(invoice), (10.03, 2.31, 12.34))
        return self._assert_correction(
            invoice, {"Cable": {"price_unit": 5.01}}, (5.02, 1.16, 6.18), {"VAT 23 (test)": 1.16}
        )

    def test_single_line_rounding_per_line(self):
        self._single_line_correction("round_per_line")

    def test_single_line_rounding_globally(self):
        credit_note = self._single_line_correction("round_globally")
        # Balanced, it posts and takes 6.18 off what the invoice owes: 12.34 - 6.18 = 6.16.
        credit_note.action_post()
        self.assertEqual(credit_note.reversed_entry_id.amount_residual, 6.16)

    def test_rounding_globally_down_and_up(self):
        # Globally, 23 %: Cable A 10.03 -> 5.00 (down), Cable B 10.03 -> 10.10 (up). Invoice 20.06 x 23 %
        # = 4.6138 -> 4.61; with A corrected 15.03 -> 3.4569 -> 3.46; with both 15.10 -> 3.473 -> 3.47.
        # Credit note: 5.03 + (4.61 - 3.46 =) 1.15 = 6.18 (its own 5.03 x 23 % would give 1.16);
        # debit note: 0.07 + (3.47 - 3.46 =) 0.01 = 0.08 (its own 0.07 x 23 % would give 0.02).
        invoice = self._rounding_invoice("round_globally")
        documents = self._correct(
            invoice, edits={"Cable A": {"price_unit": 5.0}, "Cable B": {"price_unit": 10.1}}
        )
        credit_note = documents.filtered(lambda move: move.move_type == "out_refund")
        debit_note = documents - credit_note
        self.assertEqual(self._amounts(credit_note), (5.03, 1.15, 6.18))
        self.assertEqual(self._amounts(debit_note), (0.07, 0.01, 0.08))
        self.assertEqual(self._tax_lines(credit_note), {"VAT 23 (test)": 1.15})
        self.assertEqual(self._tax_lines(debit_note), {"VAT 23 (test)": 0.01})

    def test_reverse_charge_tax(self):
        # Reverse charge, 23 % booked +100 % and -100 %: 1 x 100.00 -> 60.00 credits 40.00, no tax
        # to pay; its tax lines +9.20 and -9.20 (40.00 x 23 %), as Odoo books them.
        paid, deducted = (self.company_data[f"default_account_tax_{kind}"] for kind in ("sale", "purchase"))
        repartition = [
            Command.create({"repartition_type": "base"}),
            Command.create({"repartition_type": "tax", "factor_percent": 100, "account_id": paid.id}),
            Command.create({"repartition_type": "tax", "factor_percent": -100, "account_id": deducted.id}),
        ]
        tax = self.env["account.tax"].create(
            {
                "name": "VAT 23 RC (test)",
                "amount": 23,
                "invoice_repartition_line_ids": repartition,
                "refund_repartition_line_ids": repartition,
            }
        )
        self.env.company.tax_calculation_rounding_method = "round_globally"
        invoice = self._invoice({"name": "Service", "quantity": 1, "price_unit": 100, "tax_ids": tax})
        credit_note = self._correct(invoice, edits={"Service": {"price_unit": 60}})
        self.assertEqual(self._amounts(credit_note), (40.0, 0.0, 40.0))
        self.assertEqual(
            sorted(credit_note.line_ids.filtered("tax_line_id").mapped("amount_currency")), [-9.2, 9.2]
        )

    def test_decimal_quantities(self):
        # 2.5 x 12.40 = 31.00 + 7.13; 1.75 x 12.40 = 21.70 + 4.991 -> 4.99: credit 9.30 + 2.14 = 11.44.
        invoice = self._invoice(
            {"name": "Cable", "quantity": 2.5, "price_unit": 12.4, "tax_ids": self.tax_23}
        )
        self._assert_correction(
            invoice, {"Cable": {"quantity": 1.75}}, (9.3, 2.14, 11.44), {"VAT 23 (test)": 2.14}
        )

    def test_foreign_currency_keeps_the_invoice_rate(self):
        currency = self.setup_other_currency(
            "CHF", rates=[("1900-01-01", 1.0), ("2026-10-01", 2.0), ("2026-11-10", 2.5)]
        )
        # 2 x 500.00 CHF = 1,000.00 + 230.00 at 2.0 CHF per unit of the company currency.
        invoice = self._invoice(
            {"name": "Desk", "quantity": 2, "price_unit": 500, "tax_ids": self.tax_23},
            currency_id=currency.id,
        )
        # Unit price 450.00 on 2026-11-15: credit 100.00 + 23.00 = 123.00 CHF,
        # at the invoice's rate 2.0 = 61.50 (not 49.20 at the day's 2.5).
        credit_note = self._correct(invoice, edits={"Desk": {"price_unit": 450}}, date="2026-11-15")
        self.assertEqual(credit_note.currency_id, currency)
        self.assertEqual(credit_note.invoice_currency_rate, 2.0)
        self.assertEqual(self._amounts(credit_note), (100.0, 23.0, 123.0))
        self.assertEqual(credit_note.amount_total_signed, -61.5)

    def _pay(self, invoice, amount):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": amount, "payment_date": "2026-10-05"})._create_payments()

    def test_partially_paid_invoice(self):
        # 1,323.00 of which 1,000.00 paid: 323.00 due; the credit of 221.40 leaves 101.60.
        self._pay(self.invoice, 1000)
        credit_note = self._correct(edits={"Chairs": {"quantity": 8}})
        credit_note.action_post()
        self.assertEqual(self.invoice.amount_residual, 101.6)
        self.assertEqual(credit_note.amount_residual, 0.0)

    def test_fully_paid_invoice(self):
        # Nothing is due: the credit of 221.40 stays open, an outstanding credit of the client.
        self._pay(self.invoice, 1323)
        self.assertEqual(self.invoice.payment_state, self.invoice._get_invoice_in_payment_state())
        credit_note = self._correct(edits={"Chairs": {"quantity": 8}})
        credit_note.action_post()
        self.assertEqual(credit_note.amount_residual, 221.4)
        next_invoice = self._invoice(
            {"name": "Stool", "quantity": 1, "price_unit": 100, "tax_ids": self.tax_23}
        )
        credits = next_invoice.invoice_outstanding_credits_debits_widget["content"]
        self.assertEqual([line["amount"] for line in credits], [221.4])
