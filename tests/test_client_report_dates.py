from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import tagged

from .common import ClientHubFixtures


@tagged("post_install", "-at_install")
class TestClientReportDates(ClientHubFixtures, AccountTestInvoicingCommon):
    """A client since 10 January 2026, rated 4 on 10 February, invoiced 200.00 on 15 March and
    credited 50.00 on 20 March (no tax): its revenue, 150.00, is a March figure; its own row also
    reads by the month it became a client."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_client("Dated Client Ltd", client_since="2026-01-10")
        cls.env["rating.rating"].sudo().create(
            {"client_id": cls.client.id, "rating": 4, "rating_date": "2026-02-10"}
        )
        cls.init_invoice("out_invoice", cls.client, "2026-03-15", post=True, amounts=[200], taxes=[])
        cls.init_invoice("out_refund", cls.client, "2026-03-20", post=True, amounts=[50], taxes=[])
        cls.analyst = cls._create_user(
            "ch_dates_analyst", "client_hub.group_client_hub_user,account.group_account_invoice"
        )
        cls.Report = cls.env["res.partner.client.report"].with_user(cls.analyst)

    def _by(self, groupby):
        groups = self.Report._read_group(
            [("partner_id", "=", self.client.id)], [groupby], ["client_count:sum", "score:avg", "revenue:sum"]
        )
        return {str(month): values for month, *values in groups}

    def test_each_event_counts_in_its_month(self):
        self.assertEqual(
            self._by("date:month"),
            {
                "2026-01-01": [1, False, 0.0],  # became a client
                "2026-02-01": [0, 4.0, 0.0],  # rated
                "2026-03-01": [0, False, 150.0],  # invoiced 200.00, credited 50.00
            },
        )

    def test_the_client_reads_whole_in_its_client_since_month(self):
        self.assertEqual(self._by("client_since:month"), {"2026-01-01": [1, 4.0, 150.0]})

    def test_each_measure_names_the_date_it_counts_by(self):
        fields = self.Report.fields_get(
            ["date", "client_count", "rating_count", "score", "revenue", "client_since"]
        )
        self.assertEqual(fields["date"]["string"], "Event Date")
        self.assertIn("client-since date", fields["client_count"]["help"].lower())
        for measure in ("rating_count", "score"):
            self.assertIn("rating date", fields[measure]["help"].lower(), measure)
        self.assertIn("invoice date", fields["revenue"]["help"].lower())
        self.assertIn("today's rate", fields["revenue"]["help"].lower())

    def test_the_pivot_opens_on_status_and_three_measures_without_dates(self):
        views = self.Report.get_views([(False, "pivot"), (False, "graph")])["views"]
        pivot = views["pivot"]["arch"]
        self.assertRegex(pivot, r'<field name="client_status_id" type="row"/>')
        self.assertNotIn('type="col"', pivot)
        self.assertNotIn('name="date"', pivot)
        measures = [
            name
            for name in ("client_count", "rating_count", "score", "client_projects", "revenue")
            if f'<field name="{name}" type="measure"/>' in pivot
        ]
        self.assertEqual(measures, ["client_count", "score", "revenue"])
        self.assertIn('<field name="date" interval="month"/>', views["graph"]["arch"])
        action = self.env.ref("client_hub.res_partner_client_report_action")
        self.assertTrue(action.view_mode.startswith("pivot"))
