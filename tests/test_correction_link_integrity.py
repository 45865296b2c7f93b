from odoo import Command
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionLinkIntegrity(CorrectionSetup, AccountTestInvoicingCommon):
    """A corrective document's link to its invoice: the dialog sets it on the draft, it is kept
    once posted, and it only ever joins documents of one client and company. The invoice is
    Chairs 10 x 100 - 10 % + 23 % and Cushions 5 x 40 + 8 % = 1,323.00."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        cls.other_client = cls._create_client("Other Client")
        # 500.00 without tax.
        cls.other_invoice = cls._make_invoice(
            cls.other_client,
            [{"name": "Audit", "quantity": 1, "price_unit": 500.0, "tax_ids": cls.env["account.tax"]}],
        )

    def _credit_note(self, partner, amount):
        return self.env["account.move"].create(
            {
                "move_type": "out_refund",
                "partner_id": partner.id,
                "invoice_date": self.invoice.invoice_date,
                "invoice_line_ids": [
                    Command.create({"name": "Goodwill", "quantity": 1, "price_unit": amount, "tax_ids": []})
                ],
            }
        )

    def test_the_reason_is_edited_on_the_draft_and_kept_once_posted(self):
        credit_note = self._correct(mode="full")
        self.assertEqual(credit_note.state, "draft")
        credit_note.correction_reason = "Returned goods"
        credit_note.action_post()
        self.assertEqual(credit_note.correction_reason, "Returned goods")
        with self.assertRaises(UserError):
            credit_note.correction_reason = "Something else"
        with self.assertRaises(UserError):
            credit_note.correction_of_move_id = False
        with self.assertRaises(UserError):
            credit_note.invoice_line_ids[:1].correction_side = "after"

    def test_a_draft_corrects_only_an_invoice_of_its_own_client(self):
        credit_note = self._credit_note(self.client, 30.0)
        with self.assertRaises(ValidationError):
            credit_note.correction_of_move_id = self.other_invoice
        credit_note.correction_of_move_id = self.invoice
        # Moved to another client, it would still name the first client's invoice.
        with self.assertRaises(ValidationError):
            credit_note.partner_id = self.other_client

    def test_a_corrective_line_restates_only_a_line_of_the_corrected_invoice(self):
        credit_note = self._credit_note(self.client, 30.0)
        credit_note.correction_of_move_id = self.invoice
        line = credit_note.invoice_line_ids
        with self.assertRaises(ValidationError):
            line.corrected_line_id = self.other_invoice.invoice_line_ids
        with self.assertRaises(ValidationError):
            line.correction_side = "after"
        line.write({"corrected_line_id": self.invoice.invoice_line_ids[0].id, "correction_side": "after"})
        self.assertEqual(line.corrected_line_id.name, "Chairs")

    def test_a_link_to_another_clients_invoice_made_before_the_check_settles_nothing(self):
        """A link written over JSON-RPC before this version (no check then) is still in the
        database: posting its credit note of 30.00 leaves the other client's 500.00 owed, and the
        credit note open."""
        credit_note = self._credit_note(self.client, 30.0)
        self.env.cr.execute(
            "UPDATE account_move SET correction_of_move_id = %s WHERE id = %s",
            (self.other_invoice.id, credit_note.id),
        )
        self.env.invalidate_all()
        credit_note.action_post()
        self.assertEqual(self.other_invoice.amount_residual, 500.0)
        self.assertEqual(credit_note.amount_residual, 30.0)
