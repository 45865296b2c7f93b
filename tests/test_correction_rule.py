from odoo import Command
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionRule(CorrectionSetup, AccountTestInvoicingCommon):
    """The rule as an invariant: the invoice plus its corrections (posted, their reversals
    included) books what a fresh invoice with the corrected lines books, per tax, untaxed, total
    and still owed, in the invoice's currency and in the company's. Figures worked out by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        cls.chf = cls.setup_other_currency(
            "CHF", rates=[("1900-01-01", 1.0), ("2026-10-01", 2.0), ("2026-11-10", 2.5)]
        )

    def _invoice(self, *lines, **values):
        return self._make_invoice(self.client, list(lines), **values)

    # Foreign currency: the invoice's rate (2.0 on 2026-10-01), not the day's (2.5 on 2026-11-15).

    def _chf_invoice(self):
        # Desk 2 x 500.00 = 1,000.00 + 230.00 = 1,230.00 CHF = 615.00 in the company's currency.
        invoice = self._invoice(
            {"name": "Desk", "quantity": 2, "price_unit": 500, "tax_ids": self.tax_23},
            {"name": "Lamp", "quantity": 4, "price_unit": 25, "tax_ids": self.tax_8},
            currency_id=self.chf.id,
        )
        # Lamp 4 x 25.00 = 100.00 + 8.00: 1,338.00 CHF = 669.00.
        self.assertEqual((invoice.amount_total, invoice.amount_total_signed), (1338.0, 669.0))
        return invoice

    def test_foreign_currency_partial(self):
        # Desk 450.00 (credit 100.00 + 23.00 CHF = 61.50), Lamp 5 units (debit 25.00 + 2.00 = 13.50).
        invoice = self._chf_invoice()
        edits = {"Desk": {"price_unit": 450}, "Lamp": {"quantity": 5}}
        documents = self._correct(invoice, edits=edits, date="2026-11-15")
        credit_note = documents.filtered(lambda move: move.move_type == "out_refund")
        debit_note = documents - credit_note
        self.assertEqual((credit_note.amount_total, credit_note.amount_total_signed), (123.0, -61.5))
        self.assertEqual((debit_note.amount_total, debit_note.amount_total_signed), (27.0, 13.5))
        self._assert_rule(invoice, edits)

    def test_foreign_currency_full(self):
        # 1,338.00 CHF credited at 2.0: 669.00, its 23 % VAT 230.00 CHF = 115.00 (not 92.00 at 2.5).
        invoice = self._chf_invoice()
        credit_note = self._correct(invoice, mode="full", date="2026-11-15")
        self.assertEqual(credit_note.invoice_currency_rate, 2.0)
        self.assertEqual((credit_note.amount_total, credit_note.amount_total_signed), (1338.0, -669.0))
        vat = credit_note.line_ids.filtered(lambda line: line.tax_line_id == self.tax_23)
        self.assertEqual((vat.amount_currency, vat.balance), (230.0, 115.0))
        self._assert_rule(invoice, {"Desk": {"quantity": 0}, "Lamp": {"quantity": 0}})
        self.assertEqual(invoice.amount_residual, 0.0)

    def test_foreign_currency_replace(self):
        # The credit note at the invoice's rate; the new invoice, for the same supply, too: 1,338.00
        # CHF at 2.0 = 669.00 (not 535.20 at the day's 2.5), with the supply's date.
        invoice = self._chf_invoice()
        documents = self._correct(invoice, mode="replace", date="2026-11-15")
        credit_note = documents.filtered(lambda move: move.move_type == "out_refund")
        new_invoice = documents - credit_note
        self.assertEqual((credit_note.amount_total, credit_note.amount_total_signed), (1338.0, -669.0))
        self.assertEqual((new_invoice.amount_total, new_invoice.invoice_currency_rate), (1338.0, 2.0))
        self.assertEqual(new_invoice.amount_total_signed, 669.0)
        self.assertEqual(str(new_invoice.invoice_date), "2026-11-15")
        self.assertEqual(str(new_invoice.delivery_date), "2026-10-01")
        self._assert_rule(invoice, {"Desk": {"quantity": 0}, "Lamp": {"quantity": 0}}, credit_note)

    def test_foreign_currency_after_a_partial_correction(self):
        # Full after a partial correction: what is left, still at the invoice's rate.
        invoice = self._chf_invoice()
        self._correct(invoice, edits={"Desk": {"quantity": 1}}, date="2026-11-15").action_post()
        rest = self._correct(invoice, mode="full", date="2026-11-16")
        # Desk 500.00 + 115.00, Lamp 100.00 + 8.00 = 723.00 CHF = 361.50.
        self.assertEqual((rest.amount_total, rest.amount_total_signed), (723.0, -361.5))
        self._assert_rule(invoice, {"Desk": {"quantity": 0}, "Lamp": {"quantity": 0}})

    def test_a_tax_the_document_alone_would_not_carry(self):
        # Globally: 10.03 + 10.04 = 20.07 x 23 % = 4.6161 -> 4.62; 10.04 -> 10.02: 20.05 x 23 %
        # = 4.6115 -> 4.61. The credit note's own 0.02 x 23 % = 0.0046 rounds to nothing, the
        # invoice's VAT goes down by 0.01: credit 0.02 + 0.01 = 0.03, as VAT, not as a rounding.
        self.env.company.tax_calculation_rounding_method = "round_globally"
        invoice = self._invoice(
            {"name": "Cable A", "quantity": 1, "price_unit": 10.03, "tax_ids": self.tax_23},
            {"name": "Cable B", "quantity": 1, "price_unit": 10.04, "tax_ids": self.tax_23},
        )
        credit_note = self._correct(invoice, edits={"Cable B": {"price_unit": 10.02}})
        self.assertEqual(self._amounts(credit_note), (0.02, 0.01, 0.03))
        self.assertFalse(credit_note.line_ids.filtered(lambda line: line.display_type == "rounding"))
        self._assert_rule(invoice, {"Cable B": {"price_unit": 10.02}})

    # Cash rounding to 0.05, half up.

    def _rounded_invoice(self, strategy):
        rounding = self.env["account.cash.rounding"].create(
            {
                "name": f"0.05 {strategy}",
                "rounding": 0.05,
                "strategy": strategy,
                "rounding_method": "HALF-UP",
                "profit_account_id": self.company_data["default_account_revenue"].id,
                "loss_account_id": self.company_data["default_account_expense"].id,
            }
        )
        # 10.03 + 2.31 = 12.34, rounded to 12.35.
        invoice = self._invoice(
            {"name": "Cable", "quantity": 1, "price_unit": 10.03, "tax_ids": self.tax_23},
            invoice_cash_rounding_id=rounding.id,
        )
        self.assertEqual(invoice.amount_total, 12.35)
        return invoice

    def test_cash_rounding_add_a_line(self):
        # Fresh at 5.01: 5.01 + 1.15 = 6.16 -> 6.15. Credit 12.35 - 6.15 = 6.20: 5.02 + VAT
        # 2.31 - 1.15 = 1.16, and the roundings +0.01 - (-0.01) = 0.02.
        invoice = self._rounded_invoice("add_invoice_line")
        credit_note = self._correct(invoice, edits={"Cable": {"price_unit": 5.01}})
        self.assertEqual((credit_note.amount_tax, credit_note.amount_total), (1.16, 6.2))
        rounding = credit_note.line_ids.filtered(lambda line: line.display_type == "rounding")
        self.assertEqual(rounding.amount_currency, 0.02)
        self._assert_rule(invoice, {"Cable": {"price_unit": 5.01}})
        self.assertEqual(invoice.amount_residual, 6.15)

    def test_cash_rounding_biggest_tax(self):
        # Rounding on the VAT: invoice 10.03 + 2.32 = 12.35, fresh 5.01 + 1.14 = 6.15:
        # credit 5.02 + 1.18 = 6.20.
        invoice = self._rounded_invoice("biggest_tax")
        credit_note = self._correct(invoice, edits={"Cable": {"price_unit": 5.01}})
        self.assertEqual(self._amounts(credit_note), (5.02, 1.18, 6.2))
        self._assert_rule(invoice, {"Cable": {"price_unit": 5.01}})
        self.assertEqual(invoice.amount_residual, 6.15)

    def test_cash_rounding_debit_note(self):
        # Up: 10.03 -> 12.00: fresh 12.00 + 2.76 = 14.76 -> 14.75; debit 14.75 - 12.35 = 2.40.
        invoice = self._rounded_invoice("add_invoice_line")
        debit_note = self._correct(invoice, edits={"Cable": {"price_unit": 12}})
        self.assertEqual((debit_note.move_type, debit_note.amount_total), ("out_invoice", 2.4))
        self._assert_rule(invoice, {"Cable": {"price_unit": 12}})

    # Early-payment discount of 2 % within 10 days.

    def _discount_invoice(self, computation):
        term = self.env["account.payment.term"].create(
            {
                "name": f"2 % within 10 days ({computation})",
                "early_discount": True,
                "discount_percentage": 2,
                "discount_days": 10,
                "early_pay_discount_computation": computation,
                "line_ids": [Command.create({"value": "percent", "nb_days": 30, "value_amount": 100})],
            }
        )
        return self._invoice(
            {"name": "Chair", "quantity": 10, "price_unit": 100, "tax_ids": self.tax_23},
            invoice_payment_term_id=term.id,
        )

    def test_early_payment_discount_mixed(self):
        # VAT on the discounted base: 1,000 + 23 % of 980 = 1,225.40; 2 of 10 chairs credited:
        # 200.00 + 23 % of 196 = 45.08, 245.08 (not 246.00).
        invoice = self._discount_invoice("mixed")
        self.assertEqual(invoice.amount_total, 1225.4)
        credit_note = self._correct(invoice, edits={"Chair": {"quantity": 8}})
        self.assertEqual(self._amounts(credit_note), (200.0, 45.08, 245.08))
        self._assert_rule(invoice, {"Chair": {"quantity": 8}})
        self.assertEqual(invoice.amount_residual, 980.32)

    def test_early_payment_discount_included(self):
        # The discount is taken at payment: 1,230.00, credit 200.00 + 46.00 = 246.00.
        invoice = self._discount_invoice("included")
        credit_note = self._correct(invoice, edits={"Chair": {"quantity": 8}})
        self.assertEqual(self._amounts(credit_note), (200.0, 46.0, 246.0))
        self._assert_rule(invoice, {"Chair": {"quantity": 8}})

    # Corrections undone with Odoo's own Reverse no longer count.

    def _chair_invoice(self):
        # 10 x 100.00 + 23 % = 1,230.00.
        return self._invoice({"name": "Chair", "quantity": 10, "price_unit": 100, "tax_ids": self.tax_23})

    def test_reversed_credit_note(self):
        invoice = self._chair_invoice()
        credit_note = self._correct(invoice, edits={"Chair": {"quantity": 8}})
        credit_note.action_post()
        self.assertEqual(credit_note.amount_total, 246.0)
        undo = self._reverse(credit_note, post=True)
        # The client owes 1,230.00 again: the dialog starts from 10 chairs, a full correction credits all.
        chair = self._form(invoice, mode="partial").line_ids
        self.assertEqual(chair.original_quantity, 10)
        rest = self._correct(invoice, mode="full")
        self.assertEqual(rest.amount_total, 1230.0)
        self._assert_rule(invoice, {"Chair": {"quantity": 0}}, credit_note | undo | rest)

    def test_reversed_debit_note(self):
        invoice = self._chair_invoice()
        debit_note = self._correct(invoice, edits={"Chair": {"quantity": 12}})
        debit_note.action_post()
        self.assertEqual(debit_note.amount_total, 246.0)
        undo = self._reverse(debit_note, post=True)
        chair = self._form(invoice, mode="partial").line_ids
        self.assertEqual(chair.original_quantity, 10)
        # 10 -> 9: credit 100.00 + 23.00, from the invoice as it is again.
        credit_note = self._correct(invoice, edits={"Chair": {"quantity": 9}})
        self.assertEqual(credit_note.amount_total, 123.0)
        self._assert_rule(invoice, {"Chair": {"quantity": 9}}, debit_note | undo | credit_note)

    # Fiscal position: the invoice's, with its taxes as mapped on the invoice.

    def test_fiscal_position(self):
        position = self.env["account.fiscal.position"].create({"name": "Reduced rate (test)"})
        reduced = self.env["account.tax"].create(
            {
                "name": "VAT 5 reduced (test)",
                "amount": 5,
                "fiscal_position_ids": [Command.set(position.ids)],
                "original_tax_ids": [Command.set(self.tax_23.ids)],
            }
        )
        self.product_a.taxes_id = self.tax_23
        invoice = self._make_invoice(
            self.client,
            [{"name": "Chair", "quantity": 10, "price_unit": 100}],
            fiscal_position_id=position.id,
        )
        self.assertEqual(invoice.invoice_line_ids.tax_ids, reduced)
        # The client's position changes afterwards: the correction keeps the invoice's.
        self.client.property_account_position_id = False
        # 10 -> 7: credit 300.00 + 5 % = 315.00.
        credit_note = self._correct(invoice, edits={"Chair": {"quantity": 7}})
        self.assertEqual((credit_note.fiscal_position_id, credit_note.amount_total), (position, 315.0))
        self._assert_rule(invoice, {"Chair": {"quantity": 7}})
