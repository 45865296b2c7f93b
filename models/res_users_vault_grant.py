from odoo import models

# What can end a login's place as its contact's portal login.
LOGIN_FIELDS = frozenset({"active", "group_ids", "partner_id", "share"})


class ResUsers(models.Model):
    """A login that stops being its contact's active portal login (archived, e.g. by Odoo's portal
    wizard's revoke, moved out of the portal, given to another contact) loses the portal vault right
    for good: a login made again later, by signup or an invitation, starts without it."""

    _inherit = "res.users"

    def write(self, vals):
        result = super().write(vals)
        if LOGIN_FIELDS.intersection(vals) or any(name.startswith("group_ids") for name in vals):
            self.env["res.partner.vault.grant"]._unbind_logins(self)
        return result
