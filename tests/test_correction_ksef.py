from unittest.mock import patch

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionKsef(CorrectionSetup, AccountTestInvoicingCommon):
    """The printed correction names the KSeF number of the corrected invoice when it has one
    (field of l10n_pl_edi, not installed here: the lookup is faked), and nothing without it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()

    def setUp(self):
        super().setUp()
        self.credit_note = self._correct(edits={"Chairs": {"quantity": 8}})
        self.credit_note.action_post()

    def _html(self):
        report = self.env["ir.actions.report"]
        return str(report._render_qweb_html("account.report_invoice", self.credit_note.ids)[0])

    def test_ksef_number_printed(self):
        number = "5260001246-20261001-0A1B2C-3D"
        model = type(self.env["account.move"])
        with patch.object(model, "_correction_printed_ksef_number", return_value=number):
            html = self._html()
        self.assertIn("KSeF number of the corrected invoice:", html)
        self.assertIn(number, html)

    def test_no_ksef_number_without_l10n_pl_edi(self):
        self.assertNotIn("l10n_pl_edi_number", self.env["account.move"]._fields)
        self.assertFalse(self.credit_note._correction_printed_ksef_number())
        self.assertNotIn("KSeF", self._html())
