from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import ValidationError

from .common import ClientHubCase


class TestSatisfactionSkew(ClientHubCase):
    """Ratings that cannot be skewed: one answer per contact and period, no future date, clients only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_client("Skew Client")
        cls.portal = cls._create_client_portal_user("ch_skew_portal", cls.client, name="Skew Sam")
        cls.Rating = cls.env["rating.rating"]

    def test_a_flood_of_portal_ratings_counts_once(self):
        self.Rating.create({"client_id": self.client.id, "rating": 5, "rating_date": "2026-01-10"})
        self.Rating.create({"client_id": self.client.id, "rating": 4, "rating_date": "2026-02-10"})
        Portal = self.Rating.with_user(self.portal)
        for _i in range(25):
            Portal._client_hub_portal_rate(1, "angry")
        self.assertEqual(self.client.satisfaction_count, 3, "the contact's answers in the period are one")
        self.assertAlmostEqual(self.client.satisfaction_average, (5 + 4 + 1) / 3, places=2)
        Portal._client_hub_portal_rate(3, "calmer")
        answer = self.client.satisfaction_ids.filtered(
            lambda rating: rating.partner_id == self.portal.partner_id
        )
        self.assertEqual((answer.rating, answer.feedback), (3, "calmer"), "the new answer replaces the old")

    def test_an_answer_of_an_earlier_period_stays(self):
        rating = self.Rating.with_user(self.portal)._client_hub_portal_rate(2, "then")
        rating.rating_date = fields.Date.today() - relativedelta(months=4)  # Active: every 3 months
        self.Rating.with_user(self.portal)._client_hub_portal_rate(5, "now")
        self.assertEqual(sorted(self.client.satisfaction_ids.mapped("rating")), [2, 5])

    def test_no_date_in_the_future(self):
        tomorrow = fields.Date.today() + relativedelta(days=1)
        with self.assertRaisesRegex(ValidationError, "future"):
            self.Rating.create({"client_id": self.client.id, "rating": 5, "rating_date": tomorrow})
        rating = self.Rating.create({"client_id": self.client.id, "rating": 5})
        with self.assertRaisesRegex(ValidationError, "future"):
            rating.rating_date = "2099-01-01"

    def test_clients_only(self):
        not_client = self._create_company_partner("Just A Supplier")
        with self.assertRaisesRegex(ValidationError, "Only clients are rated"):
            self.Rating.create({"client_id": not_client.id, "rating": 4})

    def test_odoo_ratings_of_other_models_are_left_alone(self):
        rating = self.Rating.create(
            {"res_model_id": self.env["ir.model"]._get_id("res.users"), "res_id": self.env.uid, "rating": 0}
        )
        self.assertFalse(rating.client_id)
