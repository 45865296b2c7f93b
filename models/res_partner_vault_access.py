from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .readable_names import readable_names

MANAGER_GROUP = "client_hub.group_client_hub_manager"
# What makes a flagged contact someone else: changed by Client Hub managers only, as the flag.
VAULT_IDENTITY_FIELDS = frozenset({"parent_id", "is_company", "email"})
# What can change the client (commercial partner) of a contact, its own or an ancestor's.
COMMERCIAL_FIELDS = frozenset({"parent_id", "is_company", "commercial_partner_id"})


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
    # The portal's record rules go from a client to its contacts' users in SQL, at query time: a rule
    # domain evaluated on `user.partner_id` in Python would be cached per user (ir.rule's ormcache).
    client_hub_commercial_contact_ids = fields.One2many(
        "res.partner",
        "commercial_partner_id",
        string="Client's Contacts",
        groups="base.group_system",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any("commercial_partner_id" in vals for vals in vals_list):
            raise UserError(self._client_hub_commercial_message())
        return super().create(vals_list)

    def write(self, vals):
        if "commercial_partner_id" in vals and not self.env.su:
            raise UserError(self._client_hub_commercial_message())
        if self._client_hub_is_vault_manager():
            return super().write(vals)
        self._client_hub_vault_identity_changes(vals)._client_hub_refuse_vault_change()
        if not COMMERCIAL_FIELDS.intersection(vals):
            return super().write(vals)
        # Any flagged contact below (the client re-parented, made a contact…) keeps its client.
        flagged = (
            self.sudo()
            .with_context(active_test=False)
            .search([("id", "child_of", self.ids), ("client_hub_vault_access", "=", True)])
        )
        before = {contact.id: contact.commercial_partner_id for contact in flagged}
        result = super().write(vals)
        flagged.filtered(
            lambda contact: contact.commercial_partner_id != before[contact.id]
        )._client_hub_refuse_vault_change()
        return result

    def _client_hub_refuse_vault_change(self):
        """Refuse a change of these flagged contacts' client, type or e-mail (none: nothing to do)."""
        if self:
            raise AccessError(
                self.env._(
                    "%(contacts)s may open the client's credentials in the portal: only Client Hub "
                    "managers change their company, type or e-mail.",
                    contacts=readable_names(self),
                )
            )

    def _client_hub_commercial_message(self):
        return self.env._(
            "The commercial entity of a contact follows its company: change the company (parent) instead."
        )

    def _client_hub_vault_identity_changes(self, vals):
        """The flagged contacts among these whose company, type or e-mail the values change."""
        fields_set = VAULT_IDENTITY_FIELDS.intersection(vals)
        if not fields_set:
            return self.browse()
        flagged = self.sudo().filtered("client_hub_vault_access")
        return flagged.filtered(
            lambda contact: any(
                contact._fields[name].convert_to_write(contact[name], contact) != (vals[name] or False)
                for name in fields_set
            )
        ).sudo(self.env.su)

    def _client_hub_is_vault_manager(self):
        # The user, not the code's sudo: Odoo's portal pages and res.users' self-writeable fields
        # write the user's own contact in sudo.
        user = self.env.user
        return user._is_superuser() or user.has_group(MANAGER_GROUP)

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
