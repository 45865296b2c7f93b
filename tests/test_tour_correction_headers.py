from odoo.addons.account.tests.common import AccountTestInvoicingHttpCommon
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionHeadersTour(CorrectionSetup, AccountTestInvoicingHttpCommon):
    """A Polish accountant opens the correction dialog in a 1,440 px window: the tour checks that
    no column header is cut, and that the invoice and the journal are filled in from the start."""

    browser_size = "1440x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        cls.env["res.lang"]._activate_lang("pl_PL")
        cls.env["ir.module.module"]._load_module_terms(["client_hub"], ["pl_PL"], overwrite=True)
        cls._make_accountant("ch_tour_ksiegowa", lang="pl_PL")

    def test_headers_in_polish(self):
        self.start_tour(
            f"/odoo/res.partner/{self.client.id}",
            "client_hub_correction_headers_pl",
            login="ch_tour_ksiegowa",
        )
