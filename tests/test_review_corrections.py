from odoo import Command, fields
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.exceptions import UserError
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestReviewCorrections(CorrectionSetup, AccountTestInvoicingCommon):
    """Review r25: setups an accountant meets where a correction does not book the difference
    between the invoice as it is and as it should have been. Figures worked out by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        cls.chf = cls.setup_other_currency(
            "CHF", rates=[("1900-01-01", 1.0), ("2026-10-01", 1.37), ("2026-11-10", 1.61)]
        )
        cls.mixed_term = cls.env["account.payment.term"].create(
            {
                "name": "2 % 10 days mixed (test)",
                "early_discount": True,
                "discount_percentage": 2,
                "discount_days": 10,
                "early_pay_discount_computation": "mixed",
                "line_ids": [Command.create({"value": "percent", "nb_days": 30, "value_amount": 100})],
            }
        )

    def _invoice(self, *lines, **values):
        return self._make_invoice(self.client, list(lines), **values)

    def _chair_invoice(self, *extra, **values):
        # Chair 10 x 100.00 + 23 % = 1,230.00.
        return self._invoice(
            {"name": "Chair", "quantity": 10, "price_unit": 100, "tax_ids": self.tax_23}, *extra, **values
        )

    def _mixed_discount_invoice(self, cable=3, plug=7):
        """Cable x 10.03 at 23 % and Plug x 3.33 at 8 %, in CHF, 2 % early-payment discount
        computed on the invoice (mixed)."""
        return self._cable_plug_invoice(
            cable, plug, currency_id=self.chf.id, invoice_payment_term_id=self.mixed_term.id
        )

    def _cable_plug_invoice(self, cable=3, plug=7, **values):
        """Cable x 10.03 at 23 % and Plug x 3.33 at 8 %."""
        return self._invoice(
            {"name": "Cable", "quantity": cable, "price_unit": 10.03, "tax_ids": self.tax_23},
            {"name": "Plug", "quantity": plug, "price_unit": 3.33, "tax_ids": self.tax_8},
            **values,
        )

    def _rounding(self, name, strategy, method):
        """A cash rounding to 0.05."""
        return self.env["account.cash.rounding"].create(
            {
                "name": name,
                "rounding": 0.05,
                "strategy": strategy,
                "rounding_method": method,
                "profit_account_id": self.company_data["default_account_revenue"].id,
                "loss_account_id": self.company_data["default_account_expense"].id,
            }
        )

    def _owed(self, invoice):
        """What the client owes on the invoice and all its credit and debit notes, posted:
        (in the invoice's currency, in the company's)."""
        moves = self.env["account.move"].search(
            [
                "|",
                "|",
                ("id", "=", invoice.id),
                ("reversed_entry_id", "=", invoice.id),
                ("debit_origin_id", "=", invoice.id),
                ("state", "=", "posted"),
            ]
        )
        moves |= moves.reversal_move_ids.filtered(lambda move: move.state == "posted")
        return (
            round(
                sum((-1 if move.move_type == "out_refund" else 1) * move.amount_total for move in moves), 2
            ),
            round(sum(moves.mapped("amount_total_signed")), 2),
        )

    def test_negative_quantity_line(self):
        # Chair 1,000.00 and a deposit taken back, -1 x 200.00: 800.00 + 184.00 = 984.00.
        # Chairs 10 -> 9: credit 100.00 + 23.00 = 123.00; the client then owes 861.00
        # (9 x 100 - 200 = 700.00 + 161.00), the deposit line untouched.
        invoice = self._chair_invoice(
            {"name": "Deposit", "quantity": -1, "price_unit": 200, "tax_ids": self.tax_23}
        )
        self.assertEqual(invoice.amount_total, 984.0)
        credit_note = self._correct(invoice, edits={"Chair": {"quantity": 9}})
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(self._amounts(credit_note), (100.0, 23.0, 123.0))
        self.assertFalse(credit_note.line_ids.filtered(lambda line: line.display_type == "rounding"))
        credit_note.action_post()
        self.assertEqual(self._owed(invoice), (861.0, 861.0))

    def test_negative_price_line(self):
        # Chair 1,000.00 and a rebate line 1 x -100.00: 900.00 + 207.00 = 1,107.00.
        # Chairs 10 -> 9: credit 100.00 + 23.00 = 123.00. The rebate is not touched, so its
        # negative price must not stop the correction.
        invoice = self._chair_invoice(
            {"name": "Rebate", "quantity": 1, "price_unit": -100, "tax_ids": self.tax_23}
        )
        self.assertEqual(invoice.amount_total, 1107.0)
        credit_note = self._correct(invoice, edits={"Chair": {"quantity": 9}})
        self.assertEqual(self._amounts(credit_note), (100.0, 23.0, 123.0))

    def test_earlier_correction_reversed(self):
        # 10 chairs; correction 1: 10 -> 8 (credit 246.00); correction 2: 8 -> 5 (credit 369.00);
        # correction 1 undone with Odoo's Reverse: the client owes 1,230.00 - 369.00 = 861.00,
        # 7 chairs. The dialog starts from 7; 7 -> 6 is a credit note of 100.00 + 23.00 = 123.00.
        invoice = self._chair_invoice()
        first = self._correct(invoice, edits={"Chair": {"quantity": 8}})
        first.action_post()
        self._correct(invoice, edits={"Chair": {"quantity": 5}}).action_post()
        self._reverse(first).action_post()
        self.assertEqual(self._owed(invoice), (861.0, 861.0))
        self.assertEqual(self._form(invoice, mode="partial").line_ids.original_quantity, 7)
        document = self._correct(invoice, edits={"Chair": {"quantity": 6}})
        self.assertEqual(document.move_type, "out_refund")
        self.assertEqual(self._amounts(document), (100.0, 23.0, 123.0))
        self.assertFalse(document.line_ids.filtered(lambda line: line.display_type == "rounding"))

    def test_biggest_tax_moves_to_another_tax(self):
        # Cash rounding 0.05 UP on the biggest tax. Invoice: Cable 3 x 10.03 = 30.09, VAT 23 %
        # 6.92; Plug 7 x 3.33 = 23.31, VAT 8 % 1.86; 62.18 -> 62.20 (VAT 23 is the biggest).
        # Corrected: Cable 1 = 10.03, VAT 2.31; Plug 9 = 29.97, VAT 2.40 (now the biggest);
        # 44.71 -> 44.75. The client owes 44.75: no database error because the debit note
        # (Plug) must move the VAT 23 it carries no line of.
        rounding = self._rounding("0.05 up (test)", "biggest_tax", "UP")
        invoice = self._cable_plug_invoice(invoice_cash_rounding_id=rounding.id)
        self.assertEqual(invoice.amount_total, 62.2)
        documents = self._correct(invoice, edits={"Cable": {"quantity": 1}, "Plug": {"quantity": 9}})
        documents.action_post()
        self.assertEqual(self._owed(invoice), (44.75, 44.75))

    def test_foreign_currency_mixed_early_discount_two_taxes(self):
        # CHF at 1.37 on the invoice's day (1.61 on the correction's), 2 % early-payment discount,
        # mixed (tax on the discounted base). Invoice: Cable 3 x 10.03 = 30.09, VAT 23 % of 29.4882
        # = 6.78; Plug 7 x 3.33 = 23.31, VAT 8 % of 22.8438 = 1.83; 62.01 CHF.
        # Corrected: Cable 2 = 20.06, VAT 23 % of 19.6588 = 4.52; Plug 9 = 29.97, VAT 8 % of
        # 29.3706 = 2.35; 56.90 CHF. The correction is made (not "The entry is not balanced.").
        invoice = self._mixed_discount_invoice()
        self.assertEqual(invoice.amount_total, 62.01)
        # Odoo itself books the corrected invoice without complaint.
        fresh = self._mixed_discount_invoice(cable=2, plug=9)
        self.assertEqual(fresh.amount_total, 56.9)
        documents = self._correct(invoice, edits={"Cable": {"quantity": 2}, "Plug": {"quantity": 9}})
        documents.action_post()
        self.assertEqual(self._owed(invoice)[0], 56.9)

    def test_foreign_currency_full_credit_mirrors_the_invoice(self):
        # Same CHF invoice with the mixed early-payment discount, credited in full: a full credit
        # note mirrors the invoice, so per tax and in total nothing is left, in CHF and in the
        # company's currency (the VAT return is in the company's currency).
        invoice = self._mixed_discount_invoice()
        credit_note = self._correct(invoice, mode="full")
        credit_note.action_post()
        for tax in self.tax_23 | self.tax_8:
            lines = (invoice | credit_note).line_ids.filtered(lambda line, tax=tax: line.tax_line_id == tax)
            self.assertEqual(
                (round(sum(lines.mapped("amount_currency")), 2), round(sum(lines.mapped("balance")), 2)),
                (0.0, 0.0),
                tax.name,
            )
        self.assertEqual(self._owed(invoice), (0.0, 0.0))

    def test_foreign_currency_full_credit_after_a_partial_one(self):
        # CHF at 1.37, cash rounding 0.05 HALF-UP as a line. Invoice: Cable 3 x 10.03 = 30.09 +
        # 6.92, Plug 7 x 3.33 = 23.31 + 1.86, 62.18 -> 62.20. Cable 3 -> 2, then everything
        # credited: nothing is left of the invoice, in CHF nor in the company's currency.
        rounding = self._rounding("0.05 half-up (test)", "add_invoice_line", "HALF-UP")
        invoice = self._cable_plug_invoice(currency_id=self.chf.id, invoice_cash_rounding_id=rounding.id)
        self.assertEqual(invoice.amount_total, 62.2)
        self._correct(invoice, edits={"Cable": {"quantity": 2}}).action_post()
        self._correct(invoice, mode="full").action_post()
        self.assertEqual(self._owed(invoice), (0.0, 0.0))

    def test_correction_dated_before_the_invoice(self):
        # A correction of an invoice of 2026-10-01 cannot be dated 2026-09-15: refused clearly.
        with self.assertRaises(UserError):
            self._correct(
                self.invoice, edits={"Chairs": {"quantity": 8}}, date=fields.Date.to_date("2026-09-15")
            )

    def test_odoo_credit_note_counts(self):
        # 10 chairs, 1,230.00; Odoo's own Add Credit Note for 2 chairs (246.00), posted: the client
        # owes 984.00. Crediting the rest credits 8 chairs, 800.00 + 184.00 = 984.00, not 1,230.00.
        invoice = self._chair_invoice()
        credit_note = self._reverse(invoice)
        credit_note.invoice_line_ids.quantity = 2
        credit_note.action_post()
        self.assertEqual(self._owed(invoice), (984.0, 984.0))
        rest = self._correct(invoice, mode="full")
        self.assertEqual(rest.amount_total, 984.0)

    def test_full_credit_undone_with_reverse(self):
        # The invoice (Chairs 10 x 100.00 - 10 % = 900.00 + 207.00, Cushions 200.00 + 16.00:
        # 1,323.00) credited in full, then that credit note reversed with Odoo's Reverse, as the
        # refusal "cancel or reverse that credit note to correct the invoice again" advises: the
        # client owes 1,323.00 again and the invoice can be corrected, Chairs 10 -> 8 crediting
        # 180.00 + 41.40 = 221.40.
        credit_note = self._correct(self.invoice, mode="full")
        credit_note.action_post()
        self._reverse(credit_note).action_post()
        self.assertEqual(self._owed(self.invoice), (1323.0, 1323.0))
        document = self._correct(self.invoice, edits={"Chairs": {"quantity": 8}})
        self.assertEqual(self._amounts(document), (180.0, 41.4, 221.4))

    def test_foreign_currency_tax_in_company_currency(self):
        # CHF at 1.37 on the invoice's day. Invoice 3 x 1.01 = 3.03 CHF (2.21), VAT 23 % 0.70 CHF
        # (0.51), 3.73 CHF (2.72). As it should have been, 2 units: 2.02 CHF (1.47), VAT 0.46 CHF
        # (0.34), 2.48 CHF (1.81). The credit note: 1.01 CHF (0.74), VAT 0.24 CHF (0.17), 1.25 CHF
        # (0.91); invoice + credit note = the fresh invoice, VAT 0.34 in the company's currency.
        invoice = self._invoice(
            {"name": "Bolt", "quantity": 3, "price_unit": 1.01, "tax_ids": self.tax_23},
            currency_id=self.chf.id,
        )
        self.assertEqual((invoice.amount_total, invoice.amount_total_signed), (3.73, 2.72))
        credit_note = self._correct(invoice, edits={"Bolt": {"quantity": 2}})
        credit_note.action_post()
        tax_line = credit_note.line_ids.filtered("tax_line_id")
        self.assertEqual((tax_line.amount_currency, tax_line.balance), (0.24, 0.17))
        self.assertEqual((credit_note.amount_total, credit_note.amount_total_signed), (1.25, -0.91))
        self.assertEqual(self._owed(invoice), (2.48, 1.81))

    def test_free_line_with_fixed_tax(self):
        # A free sample carrying a fixed fee: 2 x 0.00 with an eco fee of 0.50 a unit (1.00).
        # Invoice: Chair 1,000.00 + 230.00, fee 1.00: 1,231.00. Chairs 10 -> 9: credit
        # 100.00 + 23.00 = 123.00; the sample and its fee are untouched, the client owes 1,108.00.
        fee = self.env["account.tax"].create(
            {"name": "Eco fee 0.50 (test)", "amount": 0.5, "amount_type": "fixed", "type_tax_use": "sale"}
        )
        # Booked on the tax account, as a chart of accounts does.
        (fee.invoice_repartition_line_ids | fee.refund_repartition_line_ids).filtered(
            lambda line: line.repartition_type == "tax"
        ).account_id = self.company_data["default_account_tax_sale"]
        invoice = self._chair_invoice({"name": "Sample", "quantity": 2, "price_unit": 0, "tax_ids": fee})
        self.assertEqual(invoice.amount_total, 1231.0)
        credit_note = self._correct(invoice, edits={"Chair": {"quantity": 9}})
        self.assertEqual(self._amounts(credit_note), (100.0, 23.0, 123.0))
        credit_note.action_post()
        self.assertEqual(self._owed(invoice), (1108.0, 1108.0))

    def test_lock_dates_of_the_invoice_company(self):
        # The invoice's company is locked until 2026-11-30; a wizard sent with another company
        # (its company_id is an invisible field the client can send) must still refuse 2026-11-15,
        # rather than create a credit note printed 2026-11-15 and booked on 2026-12-01.
        other = self.setup_other_company(name="Unlocked company (test)")["company"]
        self.env.user.company_ids |= other
        self.env.company.write({"fiscalyear_lock_date": "2026-11-30", "hard_lock_date": "2026-11-30"})
        wizard = self.env["account.move.correction"].create(
            {
                "partner_id": self.client.id,
                "move_id": self.invoice.id,
                "company_id": other.id,
                "reason": "Test correction",
                "mode": "full",
                "date": "2026-11-15",
                "journal_id": self.invoice.journal_id.id,
            }
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()

    def test_the_wizard_company_follows_the_invoice(self):
        # Opened while another company is the current one, the wizard works in the invoice's
        # company (its lock dates and journals); sent with another one, it is brought back to it.
        other = self.setup_other_company(name="Other company (test)")["company"]
        self.env.user.company_ids |= other
        Wizard = self.env["account.move.correction"]
        values = {"partner_id": self.client.id, "move_id": self.invoice.id, "reason": "Test", "mode": "full"}
        self.assertEqual(Wizard.with_company(other).create(values).company_id, self.invoice.company_id)
        wizard = Wizard.create({**values, "company_id": other.id})
        wizard.action_confirm()
        self.assertEqual(wizard.company_id, self.invoice.company_id)
