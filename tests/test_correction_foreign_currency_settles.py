from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionForeignCurrencySettles(CorrectionSetup, AccountTestInvoicingCommon):
    """An invoice in yen (no decimals) corrected down and up, then credited in full: the client owes
    nothing, in yen and in the company's currency (its amount due on the Finance tab is 0)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        cls.env.company.tax_calculation_rounding_method = "round_globally"
        cls.jpy = cls.setup_other_currency("JPY", rates=[("1900-01-01", 1.0), ("2026-10-01", 36.123)])

    def test_corrections_then_full_credit_leave_nothing_due(self):
        client = self._create_client("Yen Client")
        invoice = self._make_invoice(
            client,
            [
                {"name": "Ink", "quantity": 3, "price_unit": 123.45, "discount": 7.5, "tax_ids": self.tax_23},
                {"name": "Paper", "quantity": 2.5, "price_unit": 99.99, "tax_ids": self.tax_8},
                {"name": "Pens", "quantity": 1, "price_unit": 17.33, "tax_ids": self.tax_23},
            ],
            currency_id=self.jpy.id,
        )
        # 343 + 250 + 17 = 610 yen, VAT 83 + 20: 713 yen, 19.72 in the company's currency (at 36.123).
        self.assertEqual((invoice.amount_total, invoice.amount_total_signed), (713.0, 19.72))
        documents = self._correct(invoice, edits={"Ink": {"quantity": 2}, "Paper": {"quantity": 3.5}})
        credit = documents.filtered(lambda move: move.move_type == "out_refund")
        debit = documents - credit
        # Ink 3 -> 2: credit 114 + 26 = 140 yen (3.89); Paper 2.5 -> 3.5: debit 100 + 8 = 108 yen (3.00).
        self.assertEqual((credit.amount_total, credit.amount_total_signed), (140.0, -3.89))
        self.assertEqual((debit.amount_total, debit.amount_total_signed), (108.0, 3.0))
        documents.action_post()
        # What is left, 713 - 140 + 108 = 681 yen (19.72 - 3.89 + 3.00 = 18.83), credited.
        credit_note = self._correct(invoice, mode="full")
        self.assertEqual((credit_note.amount_total, credit_note.amount_total_signed), (681.0, -18.83))
        credit_note.action_post()
        moves = invoice | documents | credit_note
        self.assertAlmostEqual(sum(moves.mapped("amount_total_signed")), 0.0, places=2)
        # What is still open, in yen (a credit note's residual counting negative), then in the
        # company's currency: nothing (not the debit note's 3.00 against 2.98 left of the credit note).
        open_yen = sum(move.amount_residual * (-1 if move.move_type == "out_refund" else 1) for move in moves)
        self.assertEqual(open_yen, 0.0)
        self.assertAlmostEqual(sum(moves.mapped("amount_residual_signed")), 0.0, places=2)
        self.assertAlmostEqual(client.client_amount_due, 0.0, places=2)
