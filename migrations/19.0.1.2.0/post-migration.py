def migrate(cr, version):
    """ "No rating yet" is NULL from now on, not 0: averages by group count rated clients only."""
    cr.execute(
        "UPDATE res_partner SET satisfaction_score = NULL, satisfaction_average = NULL "
        "WHERE COALESCE(satisfaction_count, 0) = 0"
    )
