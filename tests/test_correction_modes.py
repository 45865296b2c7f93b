from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import Form, tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionModes(CorrectionSetup, AccountTestInvoicingCommon):
    """An accountant saves the correction dialog in each mode, opened from the client (its header
    button) or from the invoice (Correct), through the Form helper: what the web client sends
    (defaults of the button's action, onchanges, readonly fields), and the document(s) the saved
    dialog lands on. The browser tour (tests/test_tour_correction.py) saves it once, on screen."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        cls.accountant = cls._make_accountant("ch_modes_accountant")

    def _dialog(self, record):
        """The dialog as the record's button opens it, for the accountant."""
        action = record.with_user(self.accountant).action_open_correction_wizard()
        self.assertEqual(action["context"]["dialog_size"], "extra-large")
        Correction = self.env["account.move.correction"].with_user(self.accountant)
        return Form(Correction.with_context(**action["context"]))

    def _save(self, form, differences=None):
        """Save the dialog; differences maps a line's name to the Difference it must show."""
        for index in range(len(form.line_ids) if differences else 0):
            with form.line_ids.edit(index) as line:
                if line.name in differences:
                    self.assertEqual(line.difference, differences[line.name])
        action = form.save().action_confirm()
        Move = self.env["account.move"].with_user(self.accountant)
        if action["view_mode"] == "form":
            document = Move.browse(action["res_id"])
            # The document's form shows why it was made (Form refuses a field its view lacks).
            self.assertEqual(Form(document).correction_reason, form.reason)
            return document
        self.assertEqual(action["views"][0][1], "list")
        return Move.search(action["domain"], order="move_type desc")

    def _fill_in(self, form, mode, reason, edits=None):
        form.reason = reason
        form.mode = mode
        for index in range(len(form.line_ids) if edits else 0):
            with form.line_ids.edit(index) as line:
                for field, value in edits.get(line.name, {}).items():
                    setattr(line, field, value)

    def test_full_from_the_client(self):
        form = self._dialog(self.client)
        form.move_id = self.invoice
        self._fill_in(form, "full", "Order cancelled")
        credit_note = self._save(form)
        # The dialog lands on the credit note's form: 1,100 + 23 % of 900 + 8 % of 200 = 1,323.00.
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.correction_of_move_id, self.invoice)
        self.assertEqual(credit_note.correction_reason, "Order cancelled")
        self.assertEqual(self._amounts(credit_note), (1100.0, 223.0, 1323.0))

    def test_partial_from_the_client(self):
        form = self._dialog(self.client)
        form.move_id = self.invoice
        # 8 x 100 -10 % = 720.00 instead of 900.00; 5 x 45 = 225.00 instead of 200.00.
        self._fill_in(
            form,
            "partial",
            "Two chairs returned",
            {"Chairs": {"quantity": 8}, "Cushions": {"price_unit": 45}},
        )
        credit_note, debit_note = self._save(form, {"Chairs": -180.0, "Cushions": 25.0})
        # Listed: credit note 180 + 23 % = 221.40, debit note 25 + 8 % = 27.00.
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.correction_reason, "Two chairs returned")
        self.assertEqual(self._amounts(credit_note), (180.0, 41.4, 221.4))
        self.assertEqual(debit_note.debit_origin_id, self.invoice)
        self.assertEqual(self._amounts(debit_note), (25.0, 2.0, 27.0))

    def test_replace_from_the_client(self):
        form = self._dialog(self.client)
        form.move_id = self.invoice
        self._fill_in(form, "replace", "Wrong address")
        # Two documents are listed, each of 1,323.00.
        credit_note, new_invoice = self._save(form)
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.correction_of_move_id, self.invoice)
        self.assertEqual(new_invoice.move_type, "out_invoice")
        self.assertEqual(credit_note.amount_total, 1323.0)
        self.assertEqual(new_invoice.amount_total, 1323.0)

    def test_partial_from_the_invoice(self):
        form = self._dialog(self.invoice)
        # The dialog knows the invoice.
        self.assertEqual(form.move_id, self.invoice)
        self._fill_in(form, "partial", "Price agreed after delivery", {"Cushions": {"price_unit": 45}})
        debit_note = self._save(form, {"Cushions": 25.0})
        # The dialog lands on the debit note's form: 25 + 8 % = 27.00.
        self.assertEqual(debit_note.debit_origin_id, self.invoice)
        self.assertEqual(debit_note.correction_of_move_id, self.invoice)
        self.assertEqual(self._amounts(debit_note), (25.0, 2.0, 27.0))
