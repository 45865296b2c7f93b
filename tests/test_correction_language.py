from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionLanguage(CorrectionSetup, AccountTestInvoicingCommon):
    """What a correction stores for the client (reference, line labels) is in the client's
    language, whoever clicks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        cls._setup_polish()
        cls.client.lang = "pl_PL"
        cls.env.user.lang = "en_US"

    def test_partial_correction_in_the_clients_language(self):
        credit_note = self._correct(edits={"Chairs": {"quantity": 8}}, reason="Zwrot")
        self.assertEqual(credit_note.ref, f"Korekta faktury {self.invoice.name}: Zwrot")
        self.assertEqual(
            sorted(credit_note.invoice_line_ids.mapped("name")),
            ["Chairs (po korekcie)", "Chairs (przed korektą)"],
        )

    def test_full_correction_in_the_clients_language(self):
        credit_note = self._correct(mode="full", reason="Zwrot")
        self.assertEqual(credit_note.ref, f"Korekta faktury {self.invoice.name}: Zwrot")
