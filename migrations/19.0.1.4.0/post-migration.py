from odoo import SUPERUSER_ID, Command, api

PORTAL_RULE_DOMAINS = {
    "client_hub.res_partner_credential_rule_portal": '[("partner_id.client_hub_commercial_contact_ids", '
    '"any", [("user_ids", "in", user.id), ("client_hub_vault_access", "=", True)])]',
    "client_hub.res_partner_satisfaction_rule_portal": '[("partner_id.client_hub_commercial_contact_ids.'
    'user_ids", "in", user.id), ("channel", "=", "portal")]',
}


def migrate(cr, version):
    """19.0.1.4.0: Client Hub User no longer implies Odoo's Contact Creation (its data file only adds
    implications, so the old one is removed here). The portal's vault pages are now a right managers
    give to contacts: nobody has it after the update, whoever gave the portal login before. The
    portal's record rules (noupdate) take their new domains, evaluated in SQL at query time."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env.ref("client_hub.group_client_hub_user").implied_ids = [
        Command.unlink(env.ref("base.group_partner_manager").id)
    ]
    for xmlid, domain in PORTAL_RULE_DOMAINS.items():
        env.ref(xmlid).domain_force = domain
