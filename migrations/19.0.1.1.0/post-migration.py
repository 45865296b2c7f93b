from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Client numbers became per company: the numbering shared until 19.0.1.0.0 is the first company's
    from now on, so its clients keep their series and other companies start their own."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    sequence = env.ref("client_hub.seq_client_number", raise_if_not_found=False)
    if sequence and not sequence.company_id:
        sequence.company_id = env.ref("base.main_company")
