def migrate(cr, version):
    """19.0.1.6.0: the status history is new; rebuild each client's past from the chatter's tracking
    values of its status. A client created with a status has no tracking value for it: its first
    status (the first tracked change's old value, else its status today) gets a row of its own, dated
    its client-since date, its creation or its first tracked change, whichever is first. Clients that
    already have history rows are left alone (a second run adds nothing)."""
    cr.execute(
        """
        -- The chatter's tracking of the status, one row per change, of every partner that is its own
        -- commercial partner (a client now or once; contacts only followed their company).
        WITH tracked AS (
            SELECT message.res_id AS partner_id,
                   (SELECT id FROM res_partner_client_status
                     WHERE id = NULLIF(value.old_value_integer, 0)) AS from_status,
                   (SELECT id FROM res_partner_client_status
                     WHERE id = NULLIF(value.new_value_integer, 0)) AS to_status,
                   message.date, message.create_uid AS user_id, value.id AS tracking_id
              FROM mail_tracking_value value
              JOIN mail_message message ON message.id = value.mail_message_id
               AND message.model = 'res.partner'
              JOIN ir_model_fields field ON field.id = value.field_id
               AND field.model = 'res.partner' AND field.name = 'client_status_id'
              JOIN res_partner partner ON partner.id = message.res_id
                   AND partner.commercial_partner_id = partner.id
        ),
        pending AS (
            SELECT partner.id, partner.company_id, partner.client_status_id, partner.client_since,
                   partner.create_date, partner.create_uid
              FROM res_partner partner
             WHERE partner.commercial_partner_id = partner.id
               AND NOT EXISTS (SELECT 1 FROM res_partner_status_history history
                                WHERE history.partner_id = partner.id)
               AND (partner.client_status_id IS NOT NULL
                    OR EXISTS (SELECT 1 FROM tracked WHERE tracked.partner_id = partner.id))
        ),
        first_change AS (
            SELECT DISTINCT ON (partner_id) partner_id, from_status, date
              FROM tracked ORDER BY partner_id, date, tracking_id
        ),
        rows AS (
            SELECT pending.id AS partner_id, NULL::int AS from_status,
                   CASE WHEN first_change.partner_id IS NULL THEN pending.client_status_id
                        ELSE first_change.from_status END AS to_status,
                   LEAST(pending.client_since::timestamp, pending.create_date, first_change.date) AS date,
                   pending.create_uid AS user_id, pending.company_id, 0 AS tracking_id
              FROM pending LEFT JOIN first_change ON first_change.partner_id = pending.id
             UNION ALL
            SELECT tracked.partner_id, tracked.from_status, tracked.to_status, tracked.date,
                   tracked.user_id, pending.company_id, tracked.tracking_id
              FROM tracked JOIN pending ON pending.id = tracked.partner_id
        )
        INSERT INTO res_partner_status_history
               (partner_id, from_status_id, to_status_id, date, user_id, company_id)
        SELECT partner_id, from_status, to_status, COALESCE(date, now() AT TIME ZONE 'UTC'), user_id,
               company_id
          FROM rows
         WHERE from_status IS DISTINCT FROM to_status
         ORDER BY partner_id, date, tracking_id
        """
    )
