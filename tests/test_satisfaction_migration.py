import importlib.util
from pathlib import Path

from odoo.tests import tagged

from .common import ClientHubCase

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations" / "19.0.1.4.0"
OLD_TABLE = """
    CREATE TABLE res_partner_satisfaction (
        id serial PRIMARY KEY, partner_id int4 NOT NULL, contact_id int4, date date NOT NULL,
        score int4 NOT NULL, comment text, channel varchar NOT NULL, user_id int4, company_id int4,
        csat float8, create_uid int4, create_date timestamp, write_uid int4, write_date timestamp)
"""


def _script(name):
    spec = importlib.util.spec_from_file_location(f"client_hub_migration_{name}", MIGRATIONS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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

        _script("pre-satisfaction").migrate(cr, "19.0.1.3.0")
        self.env.registry.clear_cache()
        self.env.invalidate_all()
        _script("post-satisfaction").migrate(cr, "19.0.1.3.0")

        self.assertEqual(self._statistics(), before)
        cr.execute("SELECT count(*) FROM res_partner_satisfaction")
        self.assertEqual(cr.fetchone(), (0,), "nothing left in the old table")
        migrated = self.env.ref("client_hub.satisfaction_kowalski_1")
        self.assertEqual(
            (migrated._name, migrated.client_id, migrated.rating, migrated.rating_text),
            ("rating.rating", *kowalski),
        )
