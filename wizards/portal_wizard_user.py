from odoo import models
from odoo.exceptions import AccessError

from ..models.readable_names import readable_names

MANAGER_GROUP = "client_hub.group_client_hub_manager"


class PortalWizardUser(models.TransientModel):
    """A portal login for a contact with the portal vault right opens the client's credentials:
    only Client Hub managers give it (Odoo's portal wizard, or its "invite again"), and the login
    they give is the one the contact's grant opens."""

    _inherit = "portal.wizard.user"

    def action_grant_access(self):
        self._client_hub_check_vault_contacts()
        result = super().action_grant_access()
        self._client_hub_bind_vault_logins()
        return result

    def action_invite_again(self):
        self._client_hub_check_vault_contacts()
        result = super().action_invite_again()
        self._client_hub_bind_vault_logins()
        return result

    def _client_hub_check_vault_contacts(self):
        flagged = self.partner_id._client_hub_vault_flagged()
        if flagged and not (self.env.su or self.env.user.has_group(MANAGER_GROUP)):
            raise AccessError(
                self.env._(
                    "%(contacts)s may open the client's credentials in the portal: only Client Hub managers "
                    "give them a portal login.",
                    contacts=readable_names(flagged),
                )
            )

    def _client_hub_bind_vault_logins(self):
        # Past the check above: a manager (or the superuser) gave these logins.
        grants = (
            self.env["res.partner.vault.grant"].sudo().search([("partner_id", "in", self.partner_id.ids)])
        )
        grants._bind_logins()
