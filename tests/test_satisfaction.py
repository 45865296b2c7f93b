from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ClientHubCase, migration_script

OLD_TABLE = """
    CREATE TABLE res_partner_satisfaction (
        id serial PRIMARY KEY, partner_id int4 NOT NULL, contact_id int4, date date NOT NULL,
        score int4 NOT NULL, comment text, channel varchar NOT NULL, user_id int4, company_id int4,
        csat float8, create_uid int4, create_date timestamp, write_uid int4, write_date timestamp)
"""


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


@tagged("post_install", "-at_install")
class TestSatisfactionMigration(ClientHubCase):
    """The 19.0.1.4.0 migration on the demo: the client ratings put back into the old table, then
    migrated; every client's statistics are equal after, nothing is left in the old table."""

    def _statistics(self):
        clients = self.env["res.partner"].with_context(active_test=False).search([("is_client", "=", True)])
        self.env.invalidate_all()
        return {
            client.id: (
                client.satisfaction_count,
                client.satisfaction_score,
                client.satisfaction_average and round(client.satisfaction_average, 6),
                client.satisfaction_count
                and round(sum(r.csat for r in client.satisfaction_ids) / client.satisfaction_count, 6),
            )
            for client in clients
        }

    def test_migration_keeps_every_client_statistics(self):
        cr = self.env.cr
        self.env.flush_all()
        before = self._statistics()
        self.assertTrue(any(count for count, *_rest in before.values()), "the demo has ratings")
        kowalski = self.env.ref("client_hub.satisfaction_kowalski_1")
        kowalski = (kowalski.client_id, kowalski.rating, kowalski.rating_text)
        # Back to the previous release's store, with the external ids of its demo rows.
        cr.execute(OLD_TABLE)
        cr.execute(
            """
            INSERT INTO res_partner_satisfaction (id, partner_id, contact_id, date, score, comment, channel,
                        user_id, company_id, create_uid, create_date, write_uid, write_date)
            SELECT id, client_id, partner_id, rating_date, rating::int, feedback, channel,
                   recorded_by_id, company_id, create_uid, create_date, write_uid, write_date
              FROM rating_rating WHERE res_model = 'res.partner' AND consumed
            """
        )
        cr.execute(
            "UPDATE ir_model_data SET model = 'res.partner.satisfaction' WHERE model = 'rating.rating' "
            "AND module = 'client_hub' AND name LIKE 'satisfaction%%'"
        )
        cr.execute("DELETE FROM rating_rating WHERE res_model = 'res.partner'")
        self.env.invalidate_all()
        clients = self.env["res.partner"].search([("is_client", "=", True)])
        for name in ("satisfaction_score", "satisfaction_average", "satisfaction_count"):
            self.env.add_to_compute(clients._fields[name], clients)
        self.env.flush_all()

        migration_script("19.0.1.4.0", "pre-satisfaction").migrate(cr, "19.0.1.3.0")
        self.env.registry.clear_cache()
        self.env.invalidate_all()
        migration_script("19.0.1.4.0", "post-satisfaction").migrate(cr, "19.0.1.3.0")

        self.assertEqual(self._statistics(), before)
        cr.execute("SELECT count(*) FROM res_partner_satisfaction")
        self.assertEqual(cr.fetchone(), (0,), "nothing left in the old table")
        migrated = self.env.ref("client_hub.satisfaction_kowalski_1")
        self.assertEqual(
            (migrated._name, migrated.client_id, migrated.rating, migrated.rating_text),
            ("rating.rating", *kowalski),
        )
