from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionBaseMatchesLines(CorrectionSetup, AccountTestInvoicingCommon):
    """Rounding globally (the Polish chart's default), a corrective document's taxable base (its
    product lines, which the VAT report and the FA(3) P_13_x read) is the difference of the bases,
    and each line books its printed subtotal: no untagged "Rounding" line on a document without
    cash rounding.

    Invoice: Bolts 5 x 7.77 - 10 % = 34.965 -> 34.97, 23 % of 34.965 = 8.04, 43.01."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        cls.env.company.tax_calculation_rounding_method = "round_globally"
        cls.bolts = cls._make_invoice(
            cls.client,
            [{"name": "Bolts", "quantity": 5, "price_unit": 7.77, "discount": 10, "tax_ids": cls.tax_23}],
        )

    def _base(self, move):
        """The taxable base the document books, signed as its amounts (the product lines)."""
        lines = move.line_ids.filtered(lambda line: line.display_type == "product")
        return round(move.direction_sign * sum(lines.mapped("balance")), 2)

    def test_debit_note_base_is_the_difference_of_the_bases(self):
        self.assertEqual(self._amounts(self.bolts), (34.97, 8.04, 43.01))
        # 7 x 7.77 - 10 % = 48.951 -> 48.95 + 23 % 11.26 = 60.21: debit 13.98 + 3.22 = 17.20,
        # on a base of 48.95 - 34.97 = 13.98 (not 13.99 and a "Rounding" of -0.01).
        debit_note = self._correct(self.bolts, edits={"Bolts": {"quantity": 7}})
        self.assertEqual(debit_note.move_type, "out_invoice")
        self.assertEqual(self._amounts(debit_note), (13.98, 3.22, 17.2))
        self.assertEqual(self._base(debit_note), 13.98)
        self.assertFalse(debit_note.line_ids.filtered(lambda line: line.display_type == "rounding"))
        # Each line books the subtotal the document prints (and FA(3) sends as P_11), signed as
        # the document's amounts (the line before the correction counts negative).
        for line in debit_note.invoice_line_ids:
            self.assertEqual(debit_note.direction_sign * line.balance, line.price_subtotal, line.name)

    def test_after_a_full_credit_no_base_is_left(self):
        # Up to 7 (debit 13.98), then everything credited (credit 60.21 on a base of 48.95): the
        # invoice and its corrections leave no base and no tax behind.
        documents = self._correct(self.bolts, edits={"Bolts": {"quantity": 7}})
        documents |= self._correct(self.bolts, mode="full")
        documents.action_post()
        moves = self.bolts | documents
        product_lines = moves.line_ids.filtered(lambda line: line.display_type == "product")
        self.assertAlmostEqual(sum(product_lines.mapped("balance")), 0.0, places=2)
        self.assertAlmostEqual(sum(moves.mapped("amount_total_signed")), 0.0, places=2)
