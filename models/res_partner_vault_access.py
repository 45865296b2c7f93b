from odoo import api, fields, models
from odoo.exceptions import AccessError

MANAGER_GROUP = "client_hub.group_client_hub_manager"
# What makes a flagged contact someone else: changed by Client Hub managers only, as the flag.
VAULT_IDENTITY_FIELDS = frozenset({"parent_id", "is_company", "email"})


class ResPartner(models.Model):
    """The portal's vault pages: a right a Client Hub manager gives to a client's contact."""

    _inherit = "res.partner"

    # Field groups: only managers read or write it, on every path (form, RPC, import, copy, merge).
    client_hub_vault_access = fields.Boolean(
        string="Portal Vault Access",
        copy=False,
        groups=MANAGER_GROUP,
        help="This contact's portal login opens the client's credentials in the portal (list, hand "
        "over, replace). Only Client Hub managers give it.",
    )

    def write(self, vals):
        if VAULT_IDENTITY_FIELDS.intersection(vals) and not self._client_hub_is_vault_manager():
            flagged = self.sudo().filtered("client_hub_vault_access")
            if flagged:
                raise AccessError(
                    self.env._(
                        "%(contacts)s may open the client's credentials in the portal: only Client Hub "
                        "managers change their company, type or e-mail.",
                        contacts=", ".join(flagged.mapped("display_name")),
                    )
                )
        return super().write(vals)

    def _client_hub_is_vault_manager(self):
        return self.env.su or self.env.user.has_group(MANAGER_GROUP)

    @api.model
    def _client_hub_portal_has_vault(self):
        """Whether the current portal user may use its client's vault pages."""
        return bool(
            self._client_hub_portal_client() and self.env.user.partner_id.sudo().client_hub_vault_access
        )

    @api.model
    def _client_hub_portal_vault_client_or_raise(self):
        client = self._client_hub_portal_client_or_raise()
        if not self._client_hub_portal_has_vault():
            raise AccessError(
                self.env._("Your login does not open the credentials: ask us to give you access to them.")
            )
        return client
