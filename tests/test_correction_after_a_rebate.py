from odoo import Command
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionAfterARebate(CorrectionSetup, AccountTestInvoicingCommon):
    """Odoo's own credit note gave a rebate on one of three desks (1 x 70.00): a correction that
    credits the rest credits what is left of each line, 230.00 of desks, not 3.29 x 70.00 = 230.30
    with a Rounding of -0.30, so the invoice and its credit notes leave no taxable base behind.

    Invoice: Desk 3 x 100.00 + Lamp 1 x 50.00 = 350.00 + 23 % 80.50 = 430.50.
    Rebate (Add Credit Note): Desk 1 x 70.00 = 70.00 + 16.10 = 86.10. Left: 280.00 + 64.40 = 344.40."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        cls.desks = cls._make_invoice(
            cls.client,
            [
                {"name": "Desk", "quantity": 3, "price_unit": 100, "tax_ids": cls.tax_23},
                {"name": "Lamp", "quantity": 1, "price_unit": 50, "tax_ids": cls.tax_23},
            ],
        )

    def _rebate(self):
        rebate = self._reverse(self.desks)
        rebate.write(
            {
                "invoice_line_ids": [
                    Command.update(line.id, {"quantity": 1, "price_unit": 70})
                    if line.name == "Desk"
                    else Command.delete(line.id)
                    for line in rebate.invoice_line_ids
                ]
            }
        )
        rebate.action_post()
        self.assertEqual(self._amounts(rebate), (70.0, 16.1, 86.1))
        return rebate

    def test_full_credit_after_a_rebate_leaves_no_base(self):
        rebate = self._rebate()
        credit_note = self._correct(self.desks, mode="full")
        self.assertEqual(self._amounts(credit_note), (280.0, 64.4, 344.4))
        self.assertFalse(credit_note.line_ids.filtered(lambda line: line.display_type == "rounding"))
        # Each line credits its printed subtotal: Desk 230.00 and Lamp 50.00.
        befores = credit_note.invoice_line_ids.filtered(lambda line: line.correction_side == "before")
        self.assertEqual(sorted(befores.mapped("price_subtotal")), [50.0, 230.0])
        for line in credit_note.invoice_line_ids:
            self.assertAlmostEqual(abs(line.balance), line.price_subtotal, places=2, msg=line.name)
        credit_note.action_post()
        moves = self.desks | rebate | credit_note
        base = moves.line_ids.filtered(lambda line: line.display_type == "product")
        self.assertAlmostEqual(sum(base.mapped("balance")), 0.0, places=2)
        self.assertAlmostEqual(sum(moves.mapped("amount_total_signed")), 0.0, places=2)
