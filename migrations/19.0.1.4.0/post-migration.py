from odoo import SUPERUSER_ID, Command, api


def migrate(cr, version):
    """19.0.1.4.0: Client Hub User no longer implies Odoo's Contact Creation (its data file only adds
    implications, so the old one is removed here). The portal's vault pages are now a right managers
    give to contacts: nobody has it after the update, whoever gave the portal login before."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env.ref("client_hub.group_client_hub_user").implied_ids = [
        Command.unlink(env.ref("base.group_partner_manager").id)
    ]
