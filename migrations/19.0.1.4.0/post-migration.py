from odoo import SUPERUSER_ID, Command, api

PORTAL_RULE_DOMAINS = {
    "client_hub.res_partner_credential_rule_portal": '[("partner_id.client_hub_commercial_contact_ids", '
    '"any", [("user_ids", "in", user.id), ("client_hub_vault_access", "=", True)])]',
}


def migrate(cr, version):
    """19.0.1.4.0: Client Hub User no longer implies Odoo's Contact Creation (its data file only adds
    implications, so the old one is removed here). The portal's vault pages are now a right managers
    give to contacts: nobody has it after the update, whoever gave the portal login before. The
    portal's record rules (noupdate) take their new domains, evaluated in SQL at query time, where a
    database already has them (19.0.1.3.0 had none: the update creates them)."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env.ref("client_hub.group_client_hub_user").implied_ids = [
        Command.unlink(env.ref("base.group_partner_manager").id)
    ]
    for xmlid, domain in PORTAL_RULE_DOMAINS.items():
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule:
            rule.domain_force = domain
