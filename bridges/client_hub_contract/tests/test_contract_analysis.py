from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import tagged

from .common import ContractFixtures


@tagged("post_install", "-at_install")
class TestContractAnalysis(ContractFixtures, AccountTestInvoicingCommon):
    """The Clients Analysis' contracts today on the client's row, the monthly revenue of the running
    lines in the current company's currency."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_contracts()
        cls.eur = cls.setup_other_currency("EUR", rates=[("2000-01-01", 2.0)])  # 2 EUR for 1 USD
        cls.client = cls._create_client("Analysis Client")
        cls.contact = cls._create_contact(cls.client, "Ana Contact")
        # Monthly 100.00 USD; yearly 1,200.00 USD = 100.00 a month; quarterly 600.00 EUR = 200 EUR
        # = 100.00 USD a month; a cancelled line and one that starts tomorrow: nothing today.
        cls._create_contract(
            cls.client,
            {"date_start": cls._days(-30)},
            {"date_start": cls._days(-30), "price_unit": 1200, "recurring_rule_type": "yearly"},
            {"date_start": cls._days(-30), "is_canceled": True},
        )
        cls._create_contract(
            cls.contact,
            {"date_start": cls._days(-5), "price_unit": 600, "recurring_rule_type": "quarterly"},
            manual_currency_id=cls.eur.id,
        )
        cls._create_contract(cls.client, {"date_start": cls._days(1), "price_unit": 5000})

    def test_running_contracts_and_their_monthly_revenue(self):
        self.env.flush_all()
        Report = self.env["res.partner.client.report"].sudo()
        row = Report.search([("partner_id", "=", self.client.id), ("kind", "=", "client")])
        self.assertEqual(row.contract_count, 2)
        self.assertAlmostEqual(row.recurring_revenue, 300.0, places=2)
        # The measures are the client's: no other row of the client carries them.
        groups = Report.formatted_read_group(
            [("partner_id", "=", self.client.id)], [], ["contract_count:sum", "recurring_revenue:sum"]
        )
        self.assertEqual(groups[0]["contract_count:sum"], 2)
        self.assertAlmostEqual(groups[0]["recurring_revenue:sum"], 300.0, places=2)
