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

    # The right is a record only managers create (res.partner.vault.grant), never a field of the
    # contact: the generic paths that write contacts (defaults, import, copy, merge, signup) reach no
    # grant. Field groups: others neither read nor send them.
    client_hub_vault_grant_ids = fields.One2many(
        "res.partner.vault.grant",
        "partner_id",
        string="Portal Vault Grants",
        groups=MANAGER_GROUP,
    )
    client_hub_client_vault_grant_ids = fields.One2many(
        "res.partner.vault.grant",
        "client_id",
        string="Contacts' Portal Vault Grants",
        groups=MANAGER_GROUP,
    )
    client_hub_vault_granted = fields.Boolean(
        string="Portal Vault Access",
        compute="_compute_client_hub_vault_granted",
        groups=MANAGER_GROUP,
        help="A Client Hub manager gave this contact's portal login the client's credentials in the "
        "portal (list, hand over, replace).",
    )
    # The portal's record rules go from a client to its contacts' users in SQL, at query time: a rule
    # domain evaluated on `user.partner_id` in Python would be cached per user (ir.rule's ormcache).
    client_hub_commercial_contact_ids = fields.One2many(
        "res.partner",
        "commercial_partner_id",
        string="Client's Contacts",
        groups="base.group_system",
    )

    def _compute_client_hub_vault_granted(self):
        granted = self._client_hub_vault_flagged()
        for partner in self:
            partner.client_hub_vault_granted = partner in granted

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
        flagged = self._client_hub_vault_flagged(below=True)
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
        flagged = self._client_hub_vault_flagged()
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
        user = self.env.user
        return bool(
            self._client_hub_portal_client()
            and self.env["res.partner.vault.grant"]
            .sudo()
            .search_count([("user_id", "=", user.id), ("partner_id", "=", user.partner_id.id)], limit=1)
        )

    @api.model
    def _client_hub_portal_vault_client_or_raise(self):
        client = self._client_hub_portal_client_or_raise()
        if not self._client_hub_portal_has_vault():
            raise AccessError(
                self.env._("Your login does not open the credentials: ask us to give you access to them.")
            )
        return client

    # ------------------------------------------------------------------ the grants
    def _client_hub_vault_flagged(self, below=False):
        """The contacts among these (or below them: `below`) with an active portal vault grant, in
        sudo (archived contacts too)."""
        Grant = self.env["res.partner.vault.grant"].sudo().with_context(active_test=False)
        operator = "child_of" if below else "in"
        grants = Grant.search([("partner_id", operator, self.ids), ("active", "=", True)])
        return grants.partner_id

    def action_client_hub_grant_vault(self):
        self._client_hub_grant_vault()
        return True

    def action_client_hub_revoke_vault(self):
        self.env["res.partner.vault.grant"].search([("partner_id", "in", self.ids)]).action_revoke()
        return True

    def _client_hub_grant_vault(self, note=None):
        """Give these contacts the portal vault right, as a Client Hub manager would (refused to anyone
        else): a grant per contact, bound to its portal login now or when a manager gives it one. A
        contact with a grant keeps it (its login bound if it was not). Returns the grants."""
        Grant = self.env["res.partner.vault.grant"]
        Grant._check_manager()
        existing = Grant.sudo().search([("partner_id", "in", self.ids), ("active", "=", True)])
        existing._bind_logins()
        new = self - existing.partner_id
        return existing | Grant.create([{"partner_id": partner.id, "note": note} for partner in new])

    # ------------------------------------------------------------------ signup tokens
    def signup_get_auth_param(self):
        self._client_hub_check_vault_signup()
        return super().signup_get_auth_param()

    def _get_signup_url_for_action(self, *args, **kwargs):
        self._client_hub_check_vault_signup()
        return super()._get_signup_url_for_action(*args, **kwargs)

    def _client_hub_check_vault_signup(self):
        """A signup link of a contact with the portal vault right makes (or resets) its login: only
        managers hand one out. Odoo's own mails to the contact build theirs in sudo (the link goes to
        the contact, never to the caller); a caller's call (RPC, the share wizard's note) is refused."""
        if self.env.su or self._client_hub_is_vault_manager():
            return
        flagged = self._client_hub_vault_flagged()
        if flagged:
            raise AccessError(
                self.env._(
                    "%(contacts)s may open the client's credentials in the portal: only Client Hub "
                    "managers give them a signup or password link.",
                    contacts=", ".join(flagged.sudo().mapped("display_name")),
                )
            )
