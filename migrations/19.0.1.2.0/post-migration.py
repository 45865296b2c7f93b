def migrate(cr, version):
    """19.0.1.2.0 changes two stored figures.

    - A credential's reveal count and last reveal are read from the audit log (a reveal writes only its
      log row). Every reveal always wrote its log row, so the stored copies hold nothing the log does
      not: drop them.
    - "No rating yet" is NULL, not 0: averages by group count rated clients only.
    """
    cr.execute(
        "ALTER TABLE res_partner_credential"
        " DROP COLUMN IF EXISTS reveal_count, DROP COLUMN IF EXISTS last_revealed_on"
    )
    cr.execute(
        "UPDATE res_partner SET satisfaction_score = NULL, satisfaction_average = NULL "
        "WHERE COALESCE(satisfaction_count, 0) = 0"
    )
