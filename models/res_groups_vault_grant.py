from odoo import models


class ResGroups(models.Model):
    """A login taken out of the portal from the group's side (Settings > Groups > Users, or
    `user_ids` written on the group) loses the portal vault right like one whose groups are written
    on the user: res.users.write does not run on that path."""

    _inherit = "res.groups"

    def write(self, vals):
        users = self.env["res.users"]
        if "user_ids" in vals:
            users = self.sudo().with_context(active_test=False).user_ids
        result = super().write(vals)
        if users:
            self.env["res.partner.vault.grant"]._unbind_logins(users)
        return result
