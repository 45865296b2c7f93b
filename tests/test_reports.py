from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import tagged

from .common import ClientHubFixtures


@tagged("post_install", "-at_install")
class TestAnalyses(ClientHubFixtures, AccountTestInvoicingCommon):
    """Two prospects (one rated 2 in January), an active client rated 5 in January and 3 in March,
    invoiced 100 and 250 in March and credited 40 in March: figures worked out by hand below."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        prospect = cls.env.ref("client_hub.client_status_prospect")
        cls.active = cls.env.ref("client_hub.client_status_active")
        cls.prospect_rated, cls.prospect_unrated, cls.active_client = Partner.create(
            [
                {"name": "Prospect Rated", "client_status_id": prospect.id, "client_since": "2024-01-10"},
                {"name": "Prospect Unrated", "client_status_id": prospect.id, "client_since": "2026-01-20"},
                {"name": "Active Invoiced", "client_status_id": cls.active.id, "client_since": "2026-03-05"},
            ]
        )
        cls.clients = cls.prospect_rated | cls.prospect_unrated | cls.active_client
        cls.env["rating.rating"].sudo().create(
            [
                {"client_id": cls.prospect_rated.id, "rating": 2, "rating_date": "2026-01-15"},
                {"client_id": cls.active_client.id, "rating": 5, "rating_date": "2026-01-25"},
                {"client_id": cls.active_client.id, "rating": 3, "rating_date": "2026-03-10"},
            ]
        )
        for move_type, amount in (("out_invoice", 100), ("out_invoice", 250), ("out_refund", 40)):
            cls.init_invoice(
                move_type, cls.active_client, "2026-03-15", post=True, amounts=[amount], taxes=[]
            )
        cls.user = cls._create_user("ch_report_user", "client_hub.group_client_hub_user")
        cls.analyst = cls._create_user(
            "ch_report_analyst", "client_hub.group_client_hub_user,account.group_account_invoice"
        )

    def _groups(self, model, groupby, aggregates, user=None):
        Report = self.env[model].with_user(user or self.analyst)
        return {
            group[0]: group[1:]
            for group in Report._read_group([("partner_id", "in", self.clients.ids)], groupby, aggregates)
        }

    def test_satisfaction_by_month_has_only_months_with_ratings(self):
        by_month = self._groups(
            "res.partner.satisfaction.report", ["date:month"], ["rating_count:sum", "score:avg", "csat:avg"]
        )
        months = {str(month): values for month, values in by_month.items()}
        # January: scores 2 and 5 → 3.5, CSAT 1 of 2 → 50 %; March: 3 → 3.0, CSAT 0; February absent.
        self.assertEqual(sorted(months), ["2026-01-01", "2026-03-01"])
        self.assertEqual(months["2026-01-01"], (2, 3.5, 50.0))
        self.assertEqual(months["2026-03-01"], (1, 3.0, 0.0))

    def test_clients_by_status_average_rated_clients_only(self):
        by_status = self._groups(
            "res.partner.client.report",
            ["client_status_id"],
            ["client_count:sum", "rating_count:sum", "score:avg", "revenue:sum"],
        )
        prospect = self.env.ref("client_hub.client_status_prospect")
        # Prospects: 2 clients, 1 rating of 2 → 2.0 (the unrated one is not a 0); no revenue.
        self.assertEqual(by_status[prospect], (2, 1, 2.0, 0.0))
        # Active: 1 client, ratings 5 and 3 → 4.0; revenue 100 + 250 - 40 = 310.
        self.assertEqual(by_status[self.active], (1, 2, 4.0, 310.0))

    def test_clients_by_month_count_new_clients_and_revenue_in_their_months(self):
        by_month = self._groups(
            "res.partner.client.report", ["date:month"], ["client_count:sum", "revenue:sum"]
        )
        months = {str(month): values for month, values in by_month.items()}
        self.assertEqual(months["2024-01-01"], (1, 0.0))
        self.assertEqual(
            months["2026-01-01"], (1, 0.0), "Prospect Unrated; the January ratings add no client"
        )
        self.assertEqual(months["2026-03-01"], (1, 310.0))

    def test_client_age_is_averaged_over_clients(self):
        [[age]] = (
            self.env["res.partner.client.report"]
            .with_user(self.analyst)
            ._read_group(
                [("partner_id", "=", self.prospect_rated.id), ("kind", "=", "client")], [], ["client_age:avg"]
            )
        )
        self.env.cr.execute("SELECT (CURRENT_DATE - DATE '2024-01-10') / 365.25")
        [[expected]] = self.env.cr.fetchall()
        self.assertAlmostEqual(age, float(expected), places=3)

    def test_a_client_hub_user_reads_the_analyses_without_revenue(self):
        by_status = self._groups(
            "res.partner.client.report", ["client_status_id"], ["client_count:sum"], self.user
        )
        self.assertEqual(by_status[self.active], (1,))
        fields = self.env["res.partner.client.report"].with_user(self.user).fields_get()
        self.assertNotIn("revenue", fields, "the revenue is for invoicing users")
        by_month = self._groups(
            "res.partner.satisfaction.report", ["client_status_id"], ["score:avg"], self.user
        )
        self.assertEqual(by_month[self.active], (4.0,))

    def test_default_views_are_status_by_month_and_bars(self):
        Report = self.env["res.partner.satisfaction.report"].with_user(self.analyst)
        pivot = Report.get_views([(False, "pivot")])["views"]["pivot"]["arch"]
        self.assertRegex(pivot, r'(?s)client_status_id" type="row".*date" interval="month" type="col"')
        graph = Report.get_views([(False, "graph")])["views"]["graph"]["arch"]
        self.assertIn('type="bar"', graph)
        action = self.env.ref("client_hub.res_partner_satisfaction_report_action")
        self.assertIn('"fill_temporal": False', action.context, "months without ratings are absent")
