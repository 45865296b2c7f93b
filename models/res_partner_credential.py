import logging
from urllib.parse import urlsplit

from odoo import api, fields, models
from odoo.addons.base.models.res_users import check_identity
from odoo.exceptions import AccessError, UserError, ValidationError

from . import vault
from .computed_fields import check_not_computed
from .input_checks import check_record_ids, has_bidi_controls, has_control_characters
from .nullable_fields import NullableInteger

_logger = logging.getLogger(__name__)

PLATFORMS = [
    ("ftp", "FTP"),
    ("sftp", "SFTP"),
    ("ssh", "SSH"),
    ("cms", "Website / CMS admin"),
    ("hosting", "Hosting panel"),
    ("database", "Database"),
    ("email", "Email"),
    ("api_key", "API key"),
    ("other", "Other"),
]
# Written by the vault itself only (_store_secret, the rotation, the audit log): never through write().
VAULT_FIELDS = frozenset(
    {
        "secret_ciphertext",
        "secret_key_id",
        "has_secret",
        "secret_changed_on",
        "reveal_count",
        "last_revealed_on",
        "log_ids",
        "company_id",
    }
)
# Who may reveal, how, and whose credential it is: decided by Client Hub managers only.
MANAGER_FIELDS = frozenset({"user_ids", "reveal_reprompt", "partner_id"})
# Text fields an API could send anything in; those stored as typed (the secret is encrypted, any
# character goes); those that identify a credential on screen.
TEXT_FIELDS = frozenset({"name", "url", "login", "note", "secret"})
PLAIN_TEXT_FIELDS = frozenset({"name", "url", "login", "note"})
IDENTIFYING_FIELDS = frozenset({"name", "url", "login"})


class ResPartnerCredential(models.Model):
    """Access data of a client's external platform; the secret is stored encrypted only (the vault
    mixin), the portal hand-over and the change reminders extend it in files of their own."""

    _name = "res.partner.credential"
    _description = "Client Credential"
    # The vault first: its own writes (the secret's ciphertext) skip this model's write() only.
    _inherit = ["client_hub.vault.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "partner_id, name, id"
    _check_company_auto = True
    _vault_log_model = "res.partner.credential.log"
    # The client's portal user reads its credentials, their allowed users as none (the users' rules):
    # searching by them, which Odoo runs in sudo, would name who may reveal its client's secrets.
    _client_hub_search_groups = {"user_ids": "base.group_user"}

    name = fields.Char(required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        check_company=True,
        domain=[("is_client", "=", True)],
    )
    # The client's company when the credential was created (see create()): moving the credential
    # to a client of another company is then refused by check_company.
    company_id = fields.Many2one(
        "res.company", index=True, readonly=True, copy=False, default=lambda self: self.env.company
    )
    platform = fields.Selection(PLATFORMS, required=True, default="other", tracking=True)
    url = fields.Char(string="URL", tracking=True)
    # NULL, not 0, when there is none: the form then shows no port.
    port = NullableInteger(tracking=True)
    login = fields.Char(tracking=True)
    note = fields.Text()
    user_ids = fields.Many2many(
        "res.users",
        string="Allowed Users",
        domain=[("share", "=", False)],
        tracking=True,
        copy=False,
        help="Who may reveal the secret, besides Client Hub managers. Only managers change it.",
    )
    active = fields.Boolean(default=True, tracking=True)
    # Read from the audit log, never stored: a reveal only inserts a log row, so two users revealing
    # the same credential at once never update (and lock) the same row.
    last_revealed_on = fields.Datetime(compute="_compute_reveal_stats")
    reveal_count = fields.Integer(compute="_compute_reveal_stats")
    log_ids = fields.One2many("res.partner.credential.log", "credential_id", string="Audit Log")
    can_reveal = fields.Boolean(
        compute="_compute_can_reveal",
        help="Whether the current user may reveal the secret: shows the Reveal button.",
    )
    can_edit = fields.Boolean(
        compute="_compute_can_edit",
        help="Whether the current user may change this credential (the record rules decide): the form "
        "is read-only otherwise.",
    )

    @api.depends_context("uid")
    @api.depends("user_ids")
    def _compute_can_reveal(self):
        for credential in self:
            credential.can_reveal = credential._may_reveal()

    @api.depends_context("uid")
    def _compute_can_edit(self):
        # As saved: the access rights and record rules of the stored credential; a new one needs
        # the right to create.
        writable = self._origin._filtered_access("write")
        may_create = self.browse().has_access("create")
        for credential in self:
            origin = credential._origin
            credential.can_edit = origin in writable if origin else may_create

    @api.depends("log_ids.action", "log_ids.date")
    def _compute_reveal_stats(self):
        stats = {
            credential.id: (count, last)
            for credential, count, last in self.env[self._vault_log_model]
            .sudo()
            ._read_group(
                [("credential_id", "in", self.ids), ("action", "=", "reveal")],
                ["credential_id"],
                ["__count", "date:max"],
            )
        }
        for credential in self:
            credential.reveal_count, credential.last_revealed_on = stats.get(credential.id, (0, False))

    @api.constrains("port")
    def _check_port(self):
        for credential in self:
            if credential.port and not 1 <= credential.port <= 65535:
                raise ValidationError(
                    self.env._("The port must be between 1 and 65535, not %(port)s.", port=credential.port)
                )

    @api.constrains("url")
    def _check_url(self):
        for credential in self.filtered("url"):
            try:
                parts = urlsplit(credential.url if "://" in credential.url else f"//{credential.url}")
                host = parts.hostname or ""
            except ValueError:  # "http://[::1": an unclosed IPv6 address
                host = ""
            if " " in credential.url or ("." not in host and host != "localhost"):
                raise ValidationError(
                    self.env._(
                        "“%(url)s” is not a valid address: use a form like https://example.com/admin "
                        "or ftp.example.com.",
                        url=credential.url,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_vault_fields(vals)
            self._check_input(vals)
            if not vals.get("secret"):
                raise ValidationError(self.env._("A credential needs a secret (a password, key or token)."))
        partners = self.env["res.partner"].browse({vals.get("partner_id") for vals in vals_list} - {None})
        companies = {partner.id: partner.sudo().company_id.id for partner in partners}
        # Copies: the caller's dicts stay as given (import retries them line by line).
        vals_list = [
            {**vals, "company_id": companies[vals["partner_id"]]}
            if vals.get("partner_id") in companies
            else vals
            for vals in vals_list
        ]
        credentials = super().create(vals_list)
        # Checked on what was created, whatever put it there (values, defaults, copy, import).
        if not self._is_vault_manager() and (credentials.user_ids - self.env.user):
            raise AccessError(
                self.env._(
                    "Only Client Hub managers decide who may reveal a secret: a new credential may list "
                    "you as its allowed user, no one else."
                )
            )
        credentials._forget_plaintext()
        credentials._log("create")
        return credentials

    def write(self, vals):
        self._check_vault_fields(vals)
        self._check_input(vals)
        if MANAGER_FIELDS.intersection(vals) and not self._is_vault_manager():
            raise AccessError(
                self.env._(
                    "Only Client Hub managers may change who is allowed to reveal a secret, "
                    "or move a credential to another client."
                )
            )
        if "secret" in vals and not vals["secret"]:
            raise ValidationError(self.env._("A secret cannot be emptied: archive the credential instead."))
        result = super().write(vals)
        self._forget_plaintext()
        # The audit log, unlike the chatter, does not depend on the context (tracking_disable…).
        self._log("update", note=", ".join(sorted(vals)))
        return result

    def unlink(self):
        self._log("delete")
        return super().unlink()

    def action_reveal_secret(self):
        """The form's Reveal button: the plaintext goes to a dialog, never into the database.

        A credential that asks for the password goes through Odoo's identity check first."""
        self._ensure_one_credential()
        if self.reveal_reprompt:
            return self._action_reveal_secret_checked()
        return self._reveal_secret_action()

    @check_identity
    def _action_reveal_secret_checked(self):
        return self._reveal_secret_action()

    def _reveal_secret_action(self):
        return {
            "type": "ir.actions.client",
            "tag": "client_hub.reveal_secret",
            "params": {"title": self.display_name, "login": self.login or "", "secret": self.reveal_secret()},
        }

    def reveal_secret(self):
        """Return the plaintext secret to an allowed user, and write it to the audit log, where no
        rollback erases it (see the vault mixin)."""
        self._ensure_one_credential()
        return self._vault_reveal()

    def _ensure_one_credential(self):
        # ensure_one()'s ValueError would be a server error over RPC.
        if len(self) != 1:
            raise UserError(self.env._("Reveal the secret of one credential at a time."))

    def _may_reveal(self):
        return super()._may_reveal() or self.env.user in self.user_ids

    def _check_vault_fields(self, vals):
        check_not_computed(self, vals)
        forbidden = VAULT_FIELDS.intersection(vals)
        if forbidden:
            raise UserError(
                self.env._(
                    "These fields are kept by the vault itself and cannot be written: %(fields)s.",
                    fields=", ".join(sorted(forbidden)),
                )
            )

    def _check_input(self, vals):
        """Refuse, with a clear message, values an API may send that the fields would store wrongly
        or the database would refuse: a list or a number as text, a port beyond the integers,
        control characters (NUL), bidirectional controls in what identifies a credential, and a
        client given otherwise than by its id."""
        check_record_ids(self, vals, ["partner_id"])
        for name in TEXT_FIELDS.intersection(vals):
            value = vals[name]
            label = self._fields[name]._description_string(self.env)
            if value not in (False, None) and not isinstance(value, str):
                raise ValidationError(self.env._("%(field)s must be a text.", field=label))
            if (name in PLAIN_TEXT_FIELDS and has_control_characters(value)) or (
                name in IDENTIFYING_FIELDS and has_bidi_controls(value)
            ):
                raise ValidationError(
                    self.env._(
                        "%(field)s contains invisible control characters (such as a right-to-left "
                        "override, which shows a text in another order than it is): remove them.",
                        field=label,
                    )
                )
        port = vals.get("port")
        if port not in (False, None) and (
            not isinstance(port, int) or isinstance(port, bool) or not 0 <= port <= 65535
        ):
            raise ValidationError(
                self.env._("The port must be between 1 and 65535, not %(port)s.", port=port)
            )

    def _log_values(self, action, note=None):
        return [
            {
                **values,
                "credential_id": credential.id,
                "credential_name": credential.display_name,
                "partner_id": credential.partner_id.id,
                "company_id": credential.company_id.id,
            }
            for credential, values in zip(self, super()._log_values(action, note), strict=True)
        ]

    @api.model
    def _load_demo_credentials(self, vals_list):
        """The demo credentials (demo/), when a vault key is configured (the module installs without one)."""
        if not vault.configured_key_string():
            _logger.info("No vault key configured: the demo credentials are not created.")
            return
        self.create(vals_list)
