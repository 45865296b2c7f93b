from odoo.addons.account.tests.common import AccountTestInvoicingHttpCommon
from odoo.tests import tagged

from .common import FinanceSetup, json_rpc


@tagged("post_install", "-at_install")
class TestPortalFinance(FinanceSetup, AccountTestInvoicingHttpCommon):
    """The client's people see its figures (FinanceSetup's, worked out there) on their profile page,
    never another client's; users without invoicing rights cannot read them over RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_finance()
        cls.portal_a, cls.portal_b = (
            cls._company_user(login, "base.group_portal") for login in ("ch_fin_portal_a", "ch_fin_portal_b")
        )
        cls.portal_a.partner_id.parent_id = cls.client_a
        cls.portal_b.partner_id.parent_id = cls.client_b
        cls.client_hub_user = cls._company_user("ch_fin_rpc_user", "client_hub.group_client_hub_user")

    def test_model_gives_the_portal_user_its_own_clients_figures(self):
        finance = self.env["res.partner"].with_user(self.portal_a)._client_hub_portal_finance()
        self.assertAlmostEqual(finance["due"], 1050.0)
        self.assertAlmostEqual(finance["overdue"], 700.0)
        self.assertEqual([payment["amount"] for payment in finance["payments"]], [300.0, 400.0])
        finance = self.env["res.partner"].with_user(self.portal_b)._client_hub_portal_finance()
        self.assertAlmostEqual(finance["due"], 999.0)
        self.assertEqual(finance["payments"], [])

    def test_internal_users_get_no_portal_figures(self):
        self.assertIsNone(
            self.env["res.partner"].with_user(self.client_hub_user)._client_hub_portal_finance()
        )

    def test_profile_page_shows_own_figures_only(self):
        self.authenticate("ch_fin_portal_a", "ch_fin_portal_a_pw")
        page = self.url_open("/my/client").text
        self.assertIn("o_client_hub_finance", page)
        for figure in ("1,050.00", "700.00", "300.00", "400.00", self.full_payment.name):
            self.assertIn(figure, page)
        self.assertNotIn("999.00", page)
        self.authenticate("ch_fin_portal_b", "ch_fin_portal_b_pw")
        page = self.url_open("/my/client").text
        self.assertIn("999.00", page)
        for figure in ("1,050.00", "700.00", self.full_payment.name):
            self.assertNotIn(figure, page)

    def test_rpc_refuses_the_fields_without_invoicing_rights(self):
        for login in ("ch_fin_portal_a", "ch_fin_rpc_user"):
            self.authenticate(login, f"{login}_pw")
            for method, args, kwargs in (
                ("read", [self.client_a.ids, ["client_amount_due"]], {}),
                ("web_read", [self.client_a.ids], {"specification": {"client_amount_overdue": {}}}),
                ("search_read", [[("id", "=", self.client_a.id)], ["client_payment_ids"]], {}),
            ):
                with self.subTest(login=login, method=method):
                    result, error = json_rpc(self, "res.partner", method, args, kwargs)
                    self.assertEqual(error.get("name"), "odoo.exceptions.AccessError", result)
