def migrate(cr, version):
    """19.0.1.5.0: a credential without a port keeps NULL, not 0, so the form shows no port: the
    credentials saved without one before (stored as 0, which the port check never accepted as a
    port) get NULL."""
    cr.execute("UPDATE res_partner_credential SET port = NULL WHERE port = 0")
