from odoo.addons.account.tests.common import AccountTestInvoicingHttpCommon
from odoo.tests import new_test_user, tagged

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
        new_test_user(
            cls.env,
            login="ch_tour_ksiegowa",
            groups="account.group_account_invoice,client_hub.group_client_hub_user",
            company_id=cls.env.company.id,
            company_ids=cls.env.company.ids,
            lang="pl_PL",
        )

    def test_headers_in_polish(self):
        self.start_tour(
            f"/odoo/res.partner/{self.client.id}",
            "client_hub_correction_headers_pl",
            login="ch_tour_ksiegowa",
        )
