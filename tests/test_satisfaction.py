from odoo.exceptions import ValidationError

from .common import ClientHubCase


class TestSatisfaction(ClientHubCase):
    def _rate(self, partner, score, date="2026-01-15", **values):
        return self.env["rating.rating"].create(
            {"client_id": partner.id, "rating": score, "rating_date": date, **values}
        )

    def test_score_outside_range(self):
        client = self._create_client()
        for score in (0, 6, -1):
            with self.subTest(score=score), self.assertRaisesRegex(ValidationError, "from 1 to 5"):
                self._rate(client, score)
        rating = self._rate(client, 3)
        with self.assertRaises(ValidationError):
            rating.rating = 9

    def test_statistics_follow_history(self):
        client = self._create_client()
        self.assertEqual((client.satisfaction_count, client.satisfaction_score), (0, False))
        self.assertFalse(client.satisfaction_average)
        old = self._rate(client, 2, "2026-01-01")
        new = self._rate(client, 5, "2026-03-01")
        self.assertEqual(client.satisfaction_count, 2)
        self.assertEqual(client.satisfaction_score, 5, "latest by date")
        self.assertAlmostEqual(client.satisfaction_average, 3.5)
        old.rating = 4
        self.assertAlmostEqual(client.satisfaction_average, 4.5)
        old.rating_date = "2026-06-01"
        self.assertEqual(client.satisfaction_score, 4)
        old.unlink()
        self.assertEqual((client.satisfaction_count, client.satisfaction_score), (1, 5))
        self.assertAlmostEqual(client.satisfaction_average, 5.0)
        new.unlink()
        self.assertEqual((client.satisfaction_count, client.satisfaction_score), (0, False))
        self.assertFalse(client.satisfaction_average)
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT satisfaction_score, satisfaction_average FROM res_partner WHERE id = %s", [client.id]
        )
        self.assertEqual(self.env.cr.fetchall(), [(None, None)], "no rating is NULL, not 0")

    def test_rating_of_a_contact_belongs_to_the_client(self):
        client = self._create_client()
        contact = self.env["res.partner"].create({"name": "Eva Contact", "parent_id": client.id})
        rating = self._rate(contact, 4)
        self.assertEqual(
            (rating.client_id, rating.res_model, rating.res_id), (client, "res.partner", client.id)
        )
        self.assertEqual(rating.partner_id, contact, "who answered is Odoo's rating partner")
        self.assertEqual(client.satisfaction_count, 1)

    def test_csat_for_reports(self):
        client = self._create_client(tax_condition_id=self.condition_final_consumer.id)
        happy, unhappy = self._rate(client, 5), self._rate(client, 2)
        self.assertEqual((happy.csat, unhappy.csat), (100.0, 0.0))
        groups = self.env["res.partner.satisfaction.report"]._read_group(
            [("partner_id", "=", client.id)], ["tax_condition_id"], ["csat:avg", "score:avg"]
        )
        self.assertEqual(groups, [(self.condition_final_consumer, 50.0, 3.5)])

    def test_averages_by_group_count_rated_clients_only(self):
        # Prospects: one rated 2, two never rated; Active: rated 5 (then 3, latest) and 4.
        prospect_rated = self._create_client("Prospect Rated", client_status_id=self.status_prospect.id)
        self._create_client("Prospect Unrated A", client_status_id=self.status_prospect.id)
        self._create_client("Prospect Unrated B", client_status_id=self.status_prospect.id)
        active_one, active_two = self._create_client("Active One"), self._create_client("Active Two")
        self._rate(prospect_rated, 2)
        self._rate(active_one, 5, "2026-01-01")
        self._rate(active_one, 3, "2026-02-01")
        self._rate(active_two, 4)
        names = ["Prospect Rated", "Prospect Unrated A", "Prospect Unrated B", "Active One", "Active Two"]
        groups = self.env["res.partner"].formatted_read_group(
            [("name", "in", names)],
            ["client_status_id"],
            ["__count", "satisfaction_score:avg", "satisfaction_average:avg"],
        )
        by_status = {group["client_status_id"][0]: group for group in groups}
        prospects, active = by_status[self.status_prospect.id], by_status[self.status_active.id]
        # Prospects: only the rated one counts → latest 2, average 2 (not 2/3 = 0.67).
        self.assertEqual(prospects["__count"], 3)
        self.assertAlmostEqual(prospects["satisfaction_score:avg"], 2.0)
        self.assertAlmostEqual(prospects["satisfaction_average:avg"], 2.0)
        # Active: latest scores 3 and 4 → 3.5; averages (5 + 3) / 2 = 4 and 4 → 4.
        self.assertAlmostEqual(active["satisfaction_score:avg"], 3.5)
        self.assertAlmostEqual(active["satisfaction_average:avg"], 4.0)

    def test_a_group_without_ratings_has_no_average(self):
        self._create_client("Never Rated", client_status_id=self.status_prospect.id)
        [group] = self.env["res.partner"].formatted_read_group(
            [("name", "=", "Never Rated")], ["client_status_id"], ["satisfaction_average:avg"]
        )
        self.assertIs(group["satisfaction_average:avg"], False, "no rating: no average, not 0.0")

    def test_satisfaction_filters_leave_unrated_clients_out(self):
        unrated = self._create_client("Unrated Filter")
        low = self._create_client("Low Filter")
        self._rate(low, 1)
        Partner = self.env["res.partner"]
        names = ["Unrated Filter", "Low Filter"]
        self.assertEqual(Partner.search([("name", "in", names), ("satisfaction_count", "=", 0)]), unrated)
        self.assertEqual(
            Partner.search(
                [("name", "in", names), ("satisfaction_count", ">", 0), ("satisfaction_score", "<=", 2)]
            ),
            low,
        )
