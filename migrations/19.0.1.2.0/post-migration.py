def migrate(cr, version):
    """A credential's reveal count and last reveal are read from the audit log since 19.0.1.2.0 (a reveal
    writes only its log row). Every reveal always wrote its log row, so the stored copies hold nothing
    the log does not: drop them."""
    cr.execute(
        "ALTER TABLE res_partner_credential"
        " DROP COLUMN IF EXISTS reveal_count, DROP COLUMN IF EXISTS last_revealed_on"
    )
