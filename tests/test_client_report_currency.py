from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import tagged

from .common import ClientHubFixtures


@tagged("post_install", "-at_install")
class TestClientReportCurrency(ClientHubFixtures, AccountTestInvoicingCommon):
    """A client invoiced 300.00 by the first company in its currency (rates of that currency: none,
    so 1.0) and 100.00 EUR by a second company in EUR. The first company's EUR rate is 0.80 (1 unit =
    0.80 EUR); the second company's rate of the first company's currency is 1.25 (1 EUR = 1.25 of
    it). Clients Analysis sums the revenue in the currency of the company the user works in, at the
    rates of that company, as Odoo's Sales Analysis does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_1 = cls.env.company
        cls.currency_1 = cls.company_1.currency_id
        cls.currency_1.rate_ids.unlink()
        cls.eur = cls.setup_other_currency("EUR", rates=[("2020-01-01", 0.8)])
        assert cls.currency_1 != cls.eur, "the test needs two currencies"
        cls.company_2 = cls.setup_other_company(name="Client Hub EU", currency_id=cls.eur.id)["company"]
        cls.env["res.currency.rate"].create(
            {
                "currency_id": cls.currency_1.id,
                "company_id": cls.company_2.id,
                "name": "2020-01-01",
                "rate": 1.25,
            }
        )
        cls.client = cls._create_client("Two Currencies Ltd", client_since="2026-02-01")
        cls.init_invoice("out_invoice", cls.client, "2026-03-15", post=True, amounts=[300], taxes=[])
        cls.init_invoice(
            "out_invoice", cls.client, "2026-03-20", post=True, amounts=[100], taxes=[], company=cls.company_2
        )
        cls.analyst = cls._create_user(
            "ch_currency_analyst",
            "client_hub.group_client_hub_user,account.group_account_invoice",
            company_id=cls.company_1.id,
            company_ids=[(6, 0, (cls.company_1 | cls.company_2).ids)],
        )

    def _revenue(self, *companies):
        Report = self.env["res.partner.client.report"].with_user(self.analyst)
        Report = Report.with_context(allowed_company_ids=[company.id for company in companies])
        [(revenue, currency)] = Report._read_group(
            [("partner_id", "=", self.client.id), ("kind", "=", "invoice")],
            [],
            ["revenue:sum", "currency_id:array_agg"],
        )
        return revenue, set(currency)

    def test_revenue_of_two_companies_in_the_first_company_currency(self):
        # 300.00 + 100.00 EUR / 0.80 = 300.00 + 125.00 = 425.00 in the first company's currency.
        revenue, currencies = self._revenue(self.company_1, self.company_2)
        self.assertAlmostEqual(revenue, 425.0, places=2)
        self.assertEqual(currencies, {self.currency_1.id})

    def test_revenue_of_two_companies_in_euros(self):
        # 300.00 / 1.25 + 100.00 EUR = 240.00 + 100.00 = 340.00 EUR.
        revenue, currencies = self._revenue(self.company_2, self.company_1)
        self.assertAlmostEqual(revenue, 340.0, places=2)
        self.assertEqual(currencies, {self.eur.id})

    def test_one_company_is_its_own_currency(self):
        revenue, currencies = self._revenue(self.company_2)
        self.assertAlmostEqual(revenue, 100.0, places=2)
        self.assertEqual(currencies, {self.eur.id})
