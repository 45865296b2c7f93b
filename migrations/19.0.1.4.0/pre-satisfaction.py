from odoo.tools.sql import column_exists, create_column, table_exists

# The columns Client Hub adds to rating.rating, created here so that the rows are copied before the
# module's data (its demo ratings keep their external ids) is loaded; the ORM adds the keys after.
RATING_COLUMNS = {
    "client_id": "int4",
    "channel": "varchar",
    "rating_date": "date",
    "recorded_by_id": "int4",
    "company_id": "int4",
    "csat": "float8",
    "survey_sent": "bool",
}


def migrate(cr, version):
    """19.0.1.4.0: the module's own res.partner.satisfaction store moves into Odoo's rating.rating
    (the client as the rated record, who answered as the rating's partner). Every row is copied, in
    the order of its date, so that every client's count, average, CSAT and latest score stay equal;
    a date in the future (refused from now on) becomes the day of the update. The external ids
    follow the rows; the emptied old table goes with its model at the end of the update."""
    if not table_exists(cr, "res_partner_satisfaction"):
        return
    for column, sql_type in RATING_COLUMNS.items():
        if not column_exists(cr, "rating_rating", column):
            create_column(cr, "rating_rating", column, sql_type)
    create_column(cr, "rating_rating", "client_hub_old_id", "int4")
    cr.execute(
        """
        INSERT INTO rating_rating (
            res_model_id, res_model, res_id, res_name, partner_id, rating, feedback, consumed,
            access_token, rated_on, is_internal, client_id, channel, rating_date, recorded_by_id,
            company_id, csat, survey_sent, create_uid, create_date, write_uid, write_date,
            client_hub_old_id)
        SELECT model.id, 'res.partner', old.partner_id, client.name, old.contact_id, old.score,
               old.comment, TRUE, replace(gen_random_uuid()::text, '-', ''),
               LEAST(old.date, CURRENT_DATE), FALSE, old.partner_id, old.channel,
               LEAST(old.date, CURRENT_DATE),
               CASE WHEN old.channel = 'portal' THEN NULL ELSE old.user_id END,
               old.company_id, CASE WHEN old.score >= 4 THEN 100.0 ELSE 0.0 END, FALSE,
               old.create_uid, old.create_date, old.write_uid, old.write_date, old.id
          FROM res_partner_satisfaction old
          JOIN res_partner client ON client.id = old.partner_id
          JOIN ir_model model ON model.model = 'res.partner'
         ORDER BY LEAST(old.date, CURRENT_DATE), old.id
        """
    )
    cr.execute(
        """
        UPDATE ir_model_data data
           SET model = 'rating.rating', res_id = rating.id
          FROM rating_rating rating
         WHERE data.model = 'res.partner.satisfaction' AND data.res_id = rating.client_hub_old_id
        """
    )
    cr.execute("DELETE FROM res_partner_satisfaction")
    cr.execute("ALTER TABLE rating_rating DROP COLUMN client_hub_old_id")
