from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

MANAGER_GROUP = "client_hub.group_client_hub_manager"


class ResPartnerVaultGrant(models.Model):
    """The portal vault right: a Client Hub manager's grant to a client's contact, opening the client's
    credentials in the portal to the contact's portal login.

    A record only managers create (access rights, and the user checked again here, not the code's
    sudo): no field of the contact holds the right, so defaults, import, `load`, copy, merge, signup
    and any other generic path that writes a contact cannot give it. The right follows the login a
    manager bound: a login made another way (signup, an invitation by someone else) opens nothing,
    and a login archived or taken out of the portal loses it. Revoking archives the grant, who and
    when kept beside who granted it and when (create_uid, create_date)."""

    _name = "res.partner.vault.grant"
    _description = "Portal Vault Grant"
    _order = "active desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Contact", required=True, readonly=True, index=True, ondelete="cascade"
    )
    # Stored: the client's form lists its contacts' grants (and the client follows the contact).
    client_id = fields.Many2one(
        related="partner_id.commercial_partner_id", string="Client", store=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Portal Login",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="The contact's portal login the right opens, bound when a Client Hub manager grants the "
        "right or gives the contact its portal login. Empty: the contact has no login a manager gave.",
    )
    active = fields.Boolean(default=True, readonly=True)
    revoked_by_id = fields.Many2one("res.users", readonly=True, ondelete="set null")
    revoked_on = fields.Datetime(readonly=True)
    note = fields.Char(readonly=True)

    _one_active_grant = models.UniqueIndex(
        "(partner_id) WHERE active", "A contact has one portal vault grant at most: revoke it first."
    )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_manager()
        # Only the contact and a note come from the caller: the explicit values below outweigh any
        # default (a manager's own ir.default included); the login is bound from the contact.
        grants = super().create(
            [
                {
                    "partner_id": vals.get("partner_id"),
                    "note": vals.get("note") or False,
                    "user_id": False,
                    "active": True,
                    "revoked_by_id": False,
                    "revoked_on": False,
                }
                for vals in vals_list
            ]
        )
        grants._bind_logins()
        return grants

    def write(self, vals):
        # A grant is revoked (action_revoke) or its login bound or unbound by the module: nothing
        # else about it changes, the manager's neither.
        if not self.env.su:
            raise AccessError(self.env._("A portal vault grant is not edited: revoke it and grant again."))
        return super().write(vals)

    def unlink(self):
        self._check_manager()
        return super().unlink()

    def copy(self, default=None):
        if self:
            raise UserError(self.env._("A portal vault grant is not copied: grant the right to the contact."))
        return super().copy(default=default)

    def action_revoke(self):
        """Revoke these grants (a manager): the contacts' logins stop opening the credentials."""
        self._check_manager()
        self.sudo().filtered("active").write(
            {"active": False, "revoked_by_id": self.env.uid, "revoked_on": fields.Datetime.now()}
        )
        return True

    def _check_manager(self):
        # The user, not the code's sudo: a generic path running in sudo for a plain user (signup,
        # Odoo's wizards) still needs a manager behind it.
        user = self.env.user
        if not (user._is_superuser() or user.has_group(MANAGER_GROUP)):
            raise AccessError(
                self.env._("Only Client Hub managers give or revoke a contact's portal vault right.")
            )

    def _bind_logins(self):
        """Bind the active grants without a login to their contact's portal login, if it has one.
        Called by managers' paths only (granting, Odoo's portal wizard run by a manager)."""
        for grant in self.sudo().filtered(lambda grant: grant.active and not grant.user_id):
            login = grant.partner_id.with_context(active_test=True).user_ids.filtered(
                lambda user: user._is_portal()
            )[:1]
            if login:
                grant.user_id = login

    @api.model
    def _unbind_logins(self, users):
        """The logins that are no longer their contact's active portal login lose the right: a new
        login, by whatever path, starts without it until a manager binds it."""
        gone = (
            users.sudo()
            .with_context(active_test=False)
            .filtered(lambda user: not user.active or not user._is_portal())
        )
        # Active grants only: a revoked one keeps the login it opened, for the record.
        grants = self.sudo().search([("user_id", "in", users.ids), ("active", "=", True)])
        grants.filtered(
            lambda grant: grant.user_id in gone or grant.user_id.partner_id != grant.partner_id
        ).write({"user_id": False})
