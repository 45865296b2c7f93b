from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import Form, tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionDialogDefaults(CorrectionSetup, AccountTestInvoicingCommon):
    """The correction dialog opened from a client: its only correctable invoice is chosen, and a
    journal is shown before any invoice is."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        cls.LAMPS = {"name": "Lamps", "quantity": 1, "price_unit": 10, "tax_ids": cls.tax_23}

    def _dialog(self):
        action = self.client.action_open_correction_wizard()
        return Form(self.env["account.move.correction"].with_context(**action["context"]))

    def test_only_invoice_is_chosen(self):
        dialog = self._dialog()
        self.assertEqual(dialog.move_id, self.invoice)
        self.assertEqual(dialog.journal_id, self.invoice.journal_id)

    def test_several_invoices_none_chosen_journal_shown(self):
        self._make_invoice(self.client, [self.LAMPS])
        dialog = self._dialog()
        self.assertFalse(dialog.move_id)
        self.assertEqual(dialog.journal_id.type, "sale")
        self.assertEqual(dialog.journal_id.company_id, self.env.company)

    def test_draft_invoice_not_counted(self):
        # A draft is not correctable: the posted invoice is still the only one.
        self._make_invoice(self.client, [self.LAMPS], post=False)
        self.assertEqual(self._dialog().move_id, self.invoice)
