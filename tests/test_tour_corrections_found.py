from odoo.addons.account.tests.common import AccountTestInvoicingHttpCommon
from odoo.tests import tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestCorrectionsFoundTour(CorrectionSetup, AccountTestInvoicingHttpCommon):
    """An accountant in the browser at 1,440 px: the correction dialog tells invoices apart and
    totals its lines, the client's Corrections button lists both notes by type; the statuses list
    and an unpaid client's Finance tab say what 0 and nothing mean."""

    browser_size = "1440x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()
        cls.accountant = cls._make_accountant("ch_tour_found")

    def test_picker_totals_and_corrections_button(self):
        self.start_tour(
            f"/odoo/res.partner/{self.client.id}",
            "client_hub_correction_picker_and_totals",
            login="ch_tour_found",
        )
        credit_note = self.env["account.move"].search([("correction_of_move_id", "=", self.invoice.id)])
        # Chairs 10 -> 8: 180.00 + 23 % = 221.40.
        self.assertEqual((credit_note.move_type, credit_note.amount_total), ("out_refund", 221.4))
        # A debit note beside it (Cushions 40.00 -> 45.00), both drafts.
        self._correct(edits={"Cushions": {"price_unit": 45}})
        self.start_tour(
            f"/odoo/res.partner/{self.client.id}", "client_hub_corrections_button", login="ch_tour_found"
        )

    def test_statuses_and_no_payments(self):
        self.start_tour(
            "/odoo/action-client_hub.res_partner_client_status_action",
            "client_hub_statuses_and_no_payments",
            login="admin",
        )
        unpaid = self._create_client("Unpaid Client")
        self.start_tour(f"/odoo/res.partner/{unpaid.id}", "client_hub_no_payments", login="ch_tour_found")
