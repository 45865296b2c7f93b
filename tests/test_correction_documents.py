from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import Form, tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionDocuments(CorrectionSetup, AccountTestInvoicingCommon):
    """A client's corrections found from its page: credit and debit notes with their type, drafts
    named by type, and the invoices the correction dialog offers told apart by date, amount, state."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()

    def _both_ways(self):
        """Chairs 10 -> 8 (a credit note of 221.40) and Cushions 40.00 -> 45.00 (a debit note of
        27.00), both drafts."""
        documents = self._correct(edits={"Chairs": {"quantity": 8}, "Cushions": {"price_unit": 45}})
        credit_note = documents.filtered(lambda move: move.move_type == "out_refund")
        debit_note = documents - credit_note
        return credit_note, debit_note

    def test_corrections_button_lists_credit_and_debit_notes(self):
        credit_note, debit_note = self._both_ways()
        other_client = self._create_client("Other Client")
        self._make_invoice(other_client, [{"name": "Desk", "quantity": 1, "price_unit": 300}])
        self.assertEqual(self.client.correction_count, 2)
        action = self.client.action_open_corrections()
        listed = self.env["account.move"].search(action["domain"])
        self.assertEqual(listed, credit_note | debit_note)
        # The invoice itself is no correction.
        self.assertNotIn(self.invoice, listed)
        self.assertEqual(
            {(move, move.correction_document_type) for move in listed},
            {(credit_note, "credit_note"), (debit_note, "debit_note")},
        )
        self.assertFalse(action["context"].get("default_move_type"))
        # The list shows the type and names each draft.
        arch = self.env["account.move"].get_views([(action["view_id"][0], "list")])["views"]["list"]["arch"]
        self.assertIn('name="correction_document_type"', arch)
        self.assertIn('name="display_name"', arch)

    def test_odoo_debit_note_counts_as_correction(self):
        wizard = (
            self.env["account.debit.note"]
            .with_context(active_model="account.move", active_ids=self.invoice.ids)
            .create({"reason": "Transport"})
        )
        debit_note = self.env["account.move"].browse(wizard.create_debit()["res_id"])
        self.assertEqual(debit_note.correction_document_type, "debit_note")
        self.assertEqual(self.client.correction_count, 1)

    def test_drafts_named_by_type(self):
        credit_note, debit_note = self._both_ways()
        self.assertEqual(credit_note.display_name.split(" (")[0], "Draft Credit Note")
        self.assertEqual(debit_note.display_name.split(" (")[0], "Draft Debit Note")
        # The invoice a debit note corrects is no debit note; a posted debit note has its number.
        lamp = self._make_invoice(
            self.client, [{"name": "Lamp", "quantity": 1, "price_unit": 50}], post=False
        )
        self.assertEqual(lamp.display_name, "Draft Invoice")
        debit_note.action_post()
        self.assertTrue(debit_note.display_name.startswith(debit_note.name))
        self.assertNotIn("Draft", debit_note.display_name)

    def test_draft_debit_note_name_in_polish(self):
        self._setup_polish()
        _credit_note, debit_note = self._both_ways()
        name = debit_note.with_context(lang="pl_PL").display_name
        self.assertEqual(name.split(" (")[0], "Wersja robocza noty debetowej")

    def test_picker_shows_date_amount_and_state(self):
        # The invoice of 2026-10-01, 1,323.00, not paid; as the dialog's picker shows it.
        form = Form(self.env["account.move.correction"].with_context(default_partner_id=self.client.id))
        form.move_id = self.invoice
        picker = self.invoice.with_context(client_hub_invoice_details=True)
        self.assertEqual(picker.display_name, f"{self.invoice.name} · 10/01/2026 · $\xa01,323.00 · Not Paid")
        found = dict(
            self.env["account.move"]
            .with_context(client_hub_invoice_details=True)
            .name_search(self.invoice.name, [("id", "=", self.invoice.id)])
        )
        self.assertEqual(found[self.invoice.id], picker.display_name)
        # Elsewhere the invoice keeps Odoo's name.
        self.assertEqual(self.invoice.display_name, self.invoice.name)
        arch = self.env["account.move.correction"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("client_hub_invoice_details", arch)
