from odoo import SUPERUSER_ID, api

OLD_COLUMN = "client_hub_vault_access"
NOTE = "Portal Vault Access before 19.0.1.6.0"
PORTAL_RULE_DOMAINS = {
    "client_hub.res_partner_credential_rule_portal": '[("partner_id.client_hub_commercial_contact_ids", '
    '"any", [("client_hub_vault_grant_ids", "any", [("user_id", "=", user.id), ("active", "=", True)])])]',
}


def migrate(cr, version):
    """19.0.1.6.0: the portal vault right is a manager's grant (res.partner.vault.grant), no longer the
    contact's field `client_hub_vault_access`. Every contact that had the flag gets a grant (noted,
    given by OdooBot: who set the flag was not recorded), bound to its active portal login when it
    has one, else to the login a manager gives it later; nobody else gets one. The end of the update
    then drops the old column. The portal's credential rule (noupdate) reads the grants."""
    cr.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = 'res_partner' AND column_name = %s",
        [OLD_COLUMN],
    )
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    if cr.fetchone():
        cr.execute("SELECT id FROM res_partner WHERE client_hub_vault_access ORDER BY id")
        flagged = env["res.partner"].browse([partner_id for (partner_id,) in cr.fetchall()])
        flagged._client_hub_grant_vault(note=NOTE)
    for xmlid, domain in PORTAL_RULE_DOMAINS.items():
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule:
            rule.domain_force = domain
