from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """19.0.1.4.0: the ratings copied by the pre-migration get Odoo's computed columns, and their
    clients' statistics are recomputed from the new store (the same values)."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    ratings = env["rating.rating"].search([("res_model", "=", "res.partner"), ("rating_text", "=", False)])
    for name in ("rating_text", "res_name", "csat"):
        env.add_to_compute(ratings._fields[name], ratings)
    clients = ratings.client_id
    for name in ("satisfaction_score", "satisfaction_average", "satisfaction_count"):
        env.add_to_compute(clients._fields[name], clients)
    env.flush_all()
