import re

from odoo import Command
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionRefusals(CorrectionSetup, AccountTestInvoicingCommon):
    """What a correction must not book, refused in one sentence saying what the user can do; the
    invoice is Chairs 10 x 100 - 10 % + 23 % and Cushions 5 x 40 + 8 % = 1,323.00."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()

    def _opened_from(self, document):
        return Form(
            self.env["account.move.correction"].with_context(
                **document.action_open_correction_wizard()["context"]
            )
        )

    def test_correction_documents_are_not_offered(self):
        documents = self._correct(edits={"Chairs": {"quantity": 8}, "Cushions": {"quantity": 6}})
        documents.action_post()
        debit_note = documents.filtered(lambda move: move.move_type == "out_invoice")
        credit_note = documents - debit_note
        correctable = self.env["account.move"].search(
            self.env["account.move.correction"]._correctable_invoice_domain(self.client)
        )
        self.assertEqual(correctable, self.invoice)
        # The dialog's invoice field offers the same.
        domain = safe_eval(
            self.env["account.move.correction"]._fields["move_id"].domain,
            {"commercial_partner_id": self.client.id, "company_id": self.env.company.id},
        )
        self.assertEqual(self.env["account.move"].search(domain), self.invoice)
        # Started from either document, the dialog shows the invoice and says why.
        for document in (debit_note, credit_note):
            form = self._opened_from(document)
            self.assertEqual(form.move_id, self.invoice)
            self.assertIn(self.invoice.name, form.notice)
            self.assertIn(document.name, form.notice)
        form = self._opened_from(self.invoice)
        self.assertFalse(form.notice)
        # Forced on the wizard, the debit note is refused: its invoice is what to correct.
        wizard = self.env["account.move.correction"].create(
            {"partner_id": self.client.id, "move_id": debit_note.id, "reason": "x", "mode": "full"}
        )
        with self.assertRaisesRegex(UserError, f"is itself a correction of {self.invoice.name}: correct"):
            wizard.action_confirm()

    def test_a_fully_credited_invoice_is_refused(self):
        # Even before its credit note is posted (and reconciled), and again once it is reversed.
        credit_note = self._correct(mode="full")
        with self.assertRaisesRegex(
            UserError, re.escape(f"already fully credited by {credit_note.display_name}: cancel")
        ):
            self._correct(edits={"Chairs": {"quantity": 8}})
        credit_note.button_cancel()
        self.assertEqual(self._amounts(self._correct(mode="full")), (1100.0, 223.0, 1323.0))

    def test_a_line_of_another_invoice_is_refused(self):
        other = self._make_invoice(
            self._create_company_partner("Other Client"),
            [{"name": "Desk", "quantity": 1, "price_unit": 500, "tax_ids": self.tax_23}],
        )
        wizard = self.env["account.move.correction"].create(
            {
                "partner_id": self.client.id,
                "move_id": self.invoice.id,
                "reason": "x",
                "mode": "partial",
                "line_ids": [
                    Command.create(
                        {
                            "move_line_id": other.invoice_line_ids.id,
                            "quantity": 0,
                            "price_unit": 500,
                            "discount": 0,
                        }
                    )
                ],
            }
        )
        with self.assertRaisesRegex(
            UserError, f"must be lines of invoice {self.invoice.name}, not of {other.name}"
        ):
            wizard.action_confirm()
        self.assertFalse(other.invoice_line_ids.correction_line_ids)

    def _refused_date(self, lock_field, date="2026-10-20"):
        self.env.company[lock_field] = "2026-10-31"
        with self.assertRaisesRegex(
            UserError, r"is in a locked period .*: date the correction 11/01/2026 or later\.$"
        ):
            self._correct(mode="full", date=date)
        self.assertFalse(self.env["account.move"].search([("correction_of_move_id", "=", self.invoice.id)]))

    def test_locked_fiscal_year(self):
        self._refused_date("fiscalyear_lock_date")

    def test_locked_sales(self):
        self._refused_date("sale_lock_date")

    def test_hard_lock(self):
        self._refused_date("hard_lock_date")

    def test_the_printed_date_is_the_accounting_date(self):
        self.env.company.sale_lock_date = "2026-10-31"
        documents = self._correct(
            edits={"Chairs": {"quantity": 8}, "Cushions": {"quantity": 6}}, date="2026-11-01"
        )
        documents |= self._correct(mode="full", date="2026-11-02")
        documents.action_post()
        self.assertEqual(
            sorted((str(document.invoice_date), str(document.date)) for document in documents),
            [("2026-11-01", "2026-11-01")] * 2 + [("2026-11-02", "2026-11-02")],
        )

    def test_draft_and_cancelled_invoices(self):
        draft = self._make_invoice(
            self.client,
            [{"name": "Desk", "quantity": 1, "price_unit": 10, "tax_ids": self.tax_23}],
            post=False,
        )
        wizard = self.env["account.move.correction"].create(
            {"partner_id": self.client.id, "move_id": draft.id, "reason": "x", "mode": "full"}
        )
        with self.assertRaisesRegex(
            UserError, r"is a draft: edit it directly, or post it before correcting it\."
        ) as caught:
            wizard.action_confirm()
        self.assertNotIn(", not .", str(caught.exception))
        self.assertIn(draft.display_name, str(caught.exception))
        draft.button_cancel()
        with self.assertRaisesRegex(
            UserError, r"is cancelled, so it has nothing to correct: reset it to draft"
        ):
            wizard.action_confirm()
