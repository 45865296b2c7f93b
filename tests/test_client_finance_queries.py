from datetime import timedelta

from odoo import fields
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import tagged

from .common import FinanceSetup

FINANCE_COLUMNS = ("client_amount_due", "client_amount_overdue", "client_last_payment_date")


@tagged("post_install", "-at_install")
class TestClientFinanceQueries(FinanceSetup, AccountTestInvoicingCommon):
    """The finance columns of the Clients list cost the same for 10 clients as for 80, and one query
    or two more than the list without them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clients = cls._create_clients(*(f"Paying {i:03}" for i in range(80)))
        # Each client: an invoice of 100.00 (no tax) due a month ago, 40.00 of it paid: 60.00 due, overdue.
        cls.today = fields.Date.today()
        invoices = cls.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": client.id,
                    "invoice_date": cls.today - timedelta(days=60),
                    "invoice_date_due": cls.today - timedelta(days=30),
                    "invoice_line_ids": [cls._prepare_invoice_line(price_unit=100.0, tax_ids=[])],
                }
                for client in cls.clients
            ]
        )
        invoices.action_post()
        for invoice in invoices:
            cls._register_payment(invoice, amount=40.0, payment_date=cls.today - timedelta(days=10))
        cls.accountant = cls._company_user(
            "ch_fin_queries", "account.group_account_invoice,client_hub.group_client_hub_user"
        )

    def _specification(self, finance=True):
        view = self.env.ref("client_hub.res_partner_view_list_clients")
        Partner = self.env["res.partner"].with_user(self.accountant)
        fields = Partner.get_views([(view.id, "list")])["models"]["res.partner"]["fields"]
        return {
            name: {"fields": {"display_name": {}}} if info["type"] in ("many2one", "many2many") else {}
            for name, info in fields.items()
            if finance or name not in FINANCE_COLUMNS
        }

    def _read(self, limit, specification):
        Partner = self.env["res.partner"].with_user(self.accountant)
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        records = Partner.web_search_read(
            [("id", "in", self.clients.ids)], specification, limit=limit, order="name"
        )["records"]
        return self.env.cr.sql_log_count - before, records

    def test_finance_columns_in_constant_queries(self):
        specification = self._specification()
        self.assertTrue(set(FINANCE_COLUMNS) <= set(specification))
        self._read(10, specification)  # warm the registry caches
        ten, _records = self._read(10, specification)
        eighty, records = self._read(80, specification)
        self.assertEqual(ten, eighty)
        self.assertEqual(len(records), 80)
        for record in records:
            self.assertAlmostEqual(record["client_amount_due"], 60.0)
            self.assertAlmostEqual(record["client_amount_overdue"], 60.0)
            self.assertEqual(str(record["client_last_payment_date"]), str(self.today - timedelta(days=10)))
        without, _records = self._read(80, self._specification(finance=False))
        # The figures query, and the access check of the last payments for all the rows at once.
        self.assertLessEqual(eighty, without + 2)
