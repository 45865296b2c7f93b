from odoo.exceptions import ValidationError

from .common import ClientHubCase


class TestSatisfaction(ClientHubCase):
    def _rate(self, partner, score, date="2026-01-15", **values):
        return self.env["res.partner.satisfaction"].create(
            {"partner_id": partner.id, "score": score, "date": date, **values}
        )

    def test_score_outside_range(self):
        client = self._create_client()
        for score in (0, 6, -1):
            with self.subTest(score=score), self.assertRaisesRegex(ValidationError, "from 1 to 5"):
                self._rate(client, score)
        rating = self._rate(client, 3)
        with self.assertRaises(ValidationError):
            rating.score = 9

    def test_statistics_follow_history(self):
        client = self._create_client()
        self.assertEqual((client.satisfaction_count, client.satisfaction_score), (0, 0))
        old = self._rate(client, 2, "2026-01-01")
        new = self._rate(client, 5, "2026-03-01")
        self.assertEqual(client.satisfaction_count, 2)
        self.assertEqual(client.satisfaction_score, 5, "latest by date")
        self.assertAlmostEqual(client.satisfaction_average, 3.5)
        old.score = 4
        self.assertAlmostEqual(client.satisfaction_average, 4.5)
        old.date = "2026-06-01"
        self.assertEqual(client.satisfaction_score, 4)
        old.unlink()
        self.assertEqual((client.satisfaction_count, client.satisfaction_score), (1, 5))
        self.assertAlmostEqual(client.satisfaction_average, 5.0)
        new.unlink()
        self.assertEqual((client.satisfaction_count, client.satisfaction_score), (0, 0))

    def test_rating_of_a_contact_belongs_to_the_client(self):
        client = self._create_client()
        contact = self.env["res.partner"].create({"name": "Eva Contact", "parent_id": client.id})
        rating = self._rate(contact, 4)
        self.assertEqual(rating.partner_id, client)
        self.assertEqual(rating.contact_id, contact)
        self.assertEqual(client.satisfaction_count, 1)

    def test_csat_and_profile_copies_for_reports(self):
        client = self._create_client(tax_condition_id=self.condition_final_consumer.id)
        happy, unhappy = self._rate(client, 5), self._rate(client, 2)
        self.assertEqual((happy.csat, unhappy.csat), (100.0, 0.0))
        self.assertEqual(happy.client_status_id, self.status_active)
        groups = self.env["res.partner.satisfaction"]._read_group(
            [("partner_id", "=", client.id)], ["tax_condition_id"], ["csat:avg", "score:avg"]
        )
        self.assertEqual(groups, [(self.condition_final_consumer, 50.0, 3.5)])
