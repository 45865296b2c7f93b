from odoo.tests import tagged

from .common import ClientHubCase

REPORT = "res.partner.journey.report"


@tagged("post_install", "-at_install")
class TestJourneyAnalysis(ClientHubCase):
    """Hand-worked figures on five clients' journeys (days between the dates written below):

    C1 Web:  Tracking 01-01, Prospect 01-11, Active 02-10, Inactive 03-12 (ratings 2 on 03-01, 5 on 03-20)
    C2 Web:  Tracking 01-01, Prospect 01-21, back to Tracking 02-01, Prospect again 02-11
    C3 Fair: Tracking 01-15, Active 01-25 (Prospect skipped)
    C4 Fair: Prospect 02-01, Inactive 03-01 (a lost prospect), archived
    C5 Fair: Tracking 03-01

    Tracking: C1 10 days, C2 20 (first entry to first Prospect), C3 10 (skipped to Active), C5 not yet:
              4 clients, 3 moved on, 75 %, mean 13.33, median 10.
    Prospect: C1 30 days; C2 never Active; C4 went to Inactive, which is an exit, not Active:
              3 clients, 1 moved on, 33.33 %, mean and median 30.
    Active:   C1 left after 30 days (satisfaction before leaving: 2, its last rating before 03-12); C3 stays:
              2 clients, 50 % churn, 1 left in March.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.tracking = ref("client_hub.client_status_tracking")
        cls.prospect = ref("client_hub.client_status_prospect")
        cls.active = ref("client_hub.client_status_active")
        cls.inactive = ref("client_hub.client_status_inactive")
        web, fair = cls.env["utm.source"].create([{"name": "Journey Web"}, {"name": "Journey Fair"}])
        # Clients in their status of today; their journeys are written below, dated, in place of the
        # rows their creation wrote today.
        cls.clients = cls.env["res.partner"].create(
            [
                {
                    "name": f"Journey C{number}",
                    "is_company": True,
                    "acquisition_source_id": source.id,
                    "client_status_id": status.id,
                }
                for number, source, status in (
                    (1, web, cls.inactive),
                    (2, web, cls.prospect),
                    (3, fair, cls.active),
                    (4, fair, cls.inactive),
                    (5, fair, cls.tracking),
                )
            ]
        )
        History = cls.env["res.partner.status.history"].sudo()
        History.search([("partner_id", "in", cls.clients.ids)]).unlink()
        c1, c2, c3, c4, c5 = cls.clients
        journeys = {
            c1: [
                ("01-01", cls.tracking),
                ("01-11", cls.prospect),
                ("02-10", cls.active),
                ("03-12", cls.inactive),
            ],
            c2: [
                ("01-01", cls.tracking),
                ("01-21", cls.prospect),
                ("02-01", cls.tracking),
                ("02-11", cls.prospect),
            ],
            c3: [("01-15", cls.tracking), ("01-25", cls.active)],
            c4: [("02-01", cls.prospect), ("03-01", cls.inactive)],
            c5: [("03-01", cls.tracking)],
        }
        rows = []
        for client, steps in journeys.items():
            previous = False
            for day, status in steps:
                rows.append(
                    {
                        "partner_id": client.id,
                        "from_status_id": previous,
                        "to_status_id": status.id,
                        "date": f"2026-{day} 09:00:00",
                        "company_id": client.company_id.id,
                    }
                )
                previous = status.id
        History.create(rows)
        for score, day in ((2, "2026-03-01"), (5, "2026-03-20")):
            cls.env["rating.rating"].create(
                {"client_id": c1.id, "rating": score, "consumed": True, "rating_date": day}
            )
        c4.active = False
        cls.web, cls.fair = web, fair

    def _groups(self, groupby, aggregates, domain=()):
        Report = self.env[REPORT].with_user(self.user_client_hub)
        return {
            group[0]: group[1:]
            for group in Report._read_group(
                [("partner_id", "in", self.clients.ids), *domain], [groupby], aggregates
            )
        }

    def test_conversion_and_days_per_stage(self):
        groups = self._groups(
            "stage_id",
            [
                "client_count:sum",
                "moved_on_count:sum",
                "conversion_rate:avg",
                "days_to_next:avg",
                "days_to_next_median:avg",
            ],
        )
        self.assertEqual(set(groups), {self.tracking, self.prospect, self.active})
        count, moved, rate, mean, median = groups[self.tracking]
        self.assertEqual((count, moved), (4, 3))
        self.assertAlmostEqual(rate, 75.0)
        self.assertAlmostEqual(mean, 40 / 3)
        self.assertAlmostEqual(median, 10.0)
        count, moved, rate, mean, median = groups[self.prospect]
        self.assertEqual((count, moved), (3, 1))
        self.assertAlmostEqual(rate, 100 / 3)
        self.assertAlmostEqual(mean, 30.0)
        self.assertAlmostEqual(median, 30.0)
        count, moved, rate, _mean, _median = groups[self.active]
        self.assertEqual((count, moved), (2, 1))
        self.assertAlmostEqual(rate, 50.0)

    def test_conversion_by_acquisition_source(self):
        groups = self._groups(
            "acquisition_source_id",
            ["client_count:sum", "conversion_rate:avg", "days_to_next:avg", "days_to_next_median:avg"],
            [("stage_id", "=", self.tracking.id)],
        )
        self.assertEqual(groups[self.web], (2, 100.0, 15.0, 15.0))  # C1 10 days, C2 20
        self.assertEqual(groups[self.fair], (2, 50.0, 10.0, 10.0))  # C3 10 days, C5 not yet

    def test_churn_per_month_and_satisfaction_before_leaving(self):
        groups = self._groups(
            "next_date:month",
            ["moved_on_count:sum", "satisfaction_before:avg", "days_in_stage:avg"],
            [("stage_id", "=", self.active.id), ("moved_on_count", "=", 1)],
        )
        self.assertEqual(len(groups), 1)
        ((month, (left, satisfaction, days)),) = groups.items()
        self.assertEqual((month.year, month.month), (2026, 3))
        self.assertEqual((left, satisfaction, days), (1, 2.0, 30.0))

    def test_archived_client_still_counts(self):
        c4 = self.clients[3]
        rows = self.env[REPORT].search([("partner_id", "=", c4.id)])
        self.assertEqual(rows.stage_id, self.prospect)
        self.assertFalse(rows.next_date)

    def test_cohort_by_month_of_entry_and_months_since(self):
        groups = self._groups("entry_date:month", ["client_count:sum"], [("stage_id", "=", self.tracking.id)])
        self.assertEqual(sorted((month.month, count) for month, (count,) in groups.items()), [(1, 3), (3, 1)])
        Report = self.env[REPORT]
        rows = Report._read_group(
            [
                ("partner_id", "in", self.clients.ids),
                ("stage_id", "=", self.prospect.id),
                ("moved_on_count", "=", 1),
            ],
            ["months_since_entry"],
            ["__count"],
        )
        self.assertEqual(rows, [(1, 1)])  # C1 entered in January, became Active in February
