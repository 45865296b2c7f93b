from odoo import models
from odoo.exceptions import AccessError

from ..models.readable_names import readable_names

MANAGER_GROUP = "client_hub.group_client_hub_manager"


class PortalWizardUser(models.TransientModel):
    """A portal login for a contact with the portal vault right opens the client's credentials:
    only Client Hub managers give it (Odoo's portal wizard, or its "invite again")."""

    _inherit = "portal.wizard.user"

    def action_grant_access(self):
        self._client_hub_check_vault_contacts()
        return super().action_grant_access()

    def action_invite_again(self):
        self._client_hub_check_vault_contacts()
        return super().action_invite_again()

    def _client_hub_check_vault_contacts(self):
        flagged = self.partner_id.sudo().filtered("client_hub_vault_access")
        if flagged and not (self.env.su or self.env.user.has_group(MANAGER_GROUP)):
            raise AccessError(
                self.env._(
                    "%(contacts)s may open the client's credentials in the portal: only Client Hub managers "
                    "give them a portal login.",
                    contacts=readable_names(flagged),
                )
            )
