from odoo import api, fields, models
from odoo.exceptions import AccessError

LOG_ACTIONS = [
    ("create", "Created"),
    ("update", "Updated"),
    ("reveal", "Revealed"),
    ("delete", "Deleted"),
    ("rotate", "Re-encrypted"),
    ("denied", "Reveal denied"),
    ("throttled", "Reveal limit reached"),
    ("merge", "Moved by a contact merge"),
]


class ResPartnerCredentialLog(models.Model):
    """Audit log of the vault: written by the vault itself, changed by no one."""

    _name = "res.partner.credential.log"
    _description = "Credential Audit Log"
    _order = "date desc, id desc"
    _rec_name = "credential_name"

    # The credential may be deleted later: its name and client stay on the log row.
    credential_id = fields.Many2one("res.partner.credential", index=True, ondelete="set null", readonly=True)
    credential_name = fields.Char(readonly=True)
    partner_id = fields.Many2one(
        "res.partner", string="Client", index=True, ondelete="set null", readonly=True
    )
    company_id = fields.Many2one("res.company", index=True, readonly=True)
    user_id = fields.Many2one("res.users", index=True, ondelete="set null", readonly=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True, index=True)
    action = fields.Selection(LOG_ACTIONS, required=True, readonly=True, index=True)
    remote_address = fields.Char(readonly=True)
    note = fields.Char(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        self._check_superuser()
        return super().create(vals_list)

    def write(self, vals):
        self._check_superuser()
        return super().write(vals)

    def unlink(self):
        self._check_superuser()
        return super().unlink()

    def _check_superuser(self):
        # The vault writes its log in superuser mode; nobody else may create, change or delete rows.
        if not self.env.su:
            raise AccessError(self.env._("The credential audit log cannot be changed."))
