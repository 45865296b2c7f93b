import logging
import time
from urllib.parse import urlsplit

from psycopg2.extensions import TRANSACTION_STATUS_IDLE

from odoo import api, fields, models
from odoo.addons.base.models.res_users import check_identity
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from . import vault
from .computed_fields import check_not_computed
from .input_checks import has_bidi_controls, has_control_characters

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
MANAGER_GROUP = "client_hub.group_client_hub_manager"
IDENTITY_CHECK_SECONDS = 10 * 60  # as Odoo's own identity check (check_identity)
ROTATION_BATCH = 500
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
# What the client's people fill in on the portal's credential form.
PORTAL_FIELDS = frozenset({"name", "platform", "url", "port", "login", "secret", "note"})
# Per-user reveal limit: at most LIMIT reveals in WINDOW minutes (ir.config_parameter, 0 = no limit).
REVEAL_LIMIT_PARAM = "client_hub.vault_reveal_limit"
REVEAL_WINDOW_PARAM = "client_hub.vault_reveal_window_minutes"
REVEAL_LIMIT_DEFAULT = 30
REVEAL_WINDOW_DEFAULT = 10
# First key of the PostgreSQL advisory lock that puts one user's reveals in a row (the second is the
# user id): "CHRV" in ASCII.
REVEAL_LOCK_KEY = 0x43485256


class ResPartnerCredential(models.Model):
    """Access data of a client's external platform; the secret is stored encrypted only."""

    _name = "res.partner.credential"
    _description = "Client Credential"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "partner_id, name, id"
    _check_company_auto = True

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
    port = fields.Integer(tracking=True)
    login = fields.Char(tracking=True)
    # Write-only: reading gives nothing, assigning encrypts (see _inverse_secret).
    secret = fields.Char(compute="_compute_secret", inverse="_inverse_secret", copy=False)
    secret_ciphertext = fields.Char(copy=False, groups="base.group_system", prefetch=False)
    secret_key_id = fields.Char(copy=False, index=True, groups="base.group_system")
    has_secret = fields.Boolean(readonly=True, copy=False)
    secret_changed_on = fields.Datetime(readonly=True, copy=False)
    note = fields.Text()
    rotate_on = fields.Date(
        string="Change By", tracking=True, help="The date by which the secret should be changed."
    )
    user_ids = fields.Many2many(
        "res.users",
        string="Allowed Users",
        domain=[("share", "=", False)],
        tracking=True,
        copy=False,
        help="Who may reveal the secret, besides Client Hub managers. Only managers change it.",
    )
    reveal_reprompt = fields.Boolean(
        string="Ask for the Password",
        tracking=True,
        help="Revealing this secret asks for the user's password again when it was last checked more "
        "than 10 minutes ago (Odoo's identity check). Only managers change it.",
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

    @api.depends_context("uid")
    @api.depends("user_ids")
    def _compute_can_reveal(self):
        for credential in self:
            credential.can_reveal = credential._may_reveal()

    def _compute_secret(self):
        self.secret = False

    @api.depends("log_ids.action", "log_ids.date")
    def _compute_reveal_stats(self):
        stats = {
            credential.id: (count, last)
            for credential, count, last in self.env["res.partner.credential.log"]
            .sudo()
            ._read_group(
                [("credential_id", "in", self.ids), ("action", "=", "reveal")],
                ["credential_id"],
                ["__count", "date:max"],
            )
        }
        for credential in self:
            credential.reveal_count, credential.last_revealed_on = stats.get(credential.id, (0, False))

    def _inverse_secret(self):
        for credential in self:
            if credential.secret:
                credential._store_secret(credential.secret)

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
        partners = self.env["res.partner"].browse({vals.get("partner_id") for vals in vals_list} - {None})
        companies = {partner.id: partner.sudo().company_id.id for partner in partners}
        for vals in vals_list:
            self._check_vault_fields(vals)
            self._check_input(vals)
            if not vals.get("secret"):
                raise ValidationError(self.env._("A credential needs a secret (a password, key or token)."))
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
        control characters (NUL), and bidirectional controls in what identifies a credential."""
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

    def _is_vault_manager(self):
        return self.env.su or self.env.user.has_group(MANAGER_GROUP)

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

    @api.model
    def action_rotate_vault_keys(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(self.env._("Only Client Hub managers may rotate the vault keys."))
        count = self._rotate_vault_keys()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s secrets re-encrypted with the first vault key.", count=count
                ),
            },
        }

    def reveal_secret(self):
        """Return the plaintext secret to an allowed user, and write it to the audit log.

        A user's reveals go one at a time (a lock on the user): the limit is checked and the reveal
        counted in one step, so concurrent requests cannot pass it. In a request, the audit row is
        committed before the secret or the refusal leaves: no later rollback erases it, and no
        second database connection is needed."""
        self._ensure_one_credential()
        self._begin_reveal()
        refusal = self._reveal_refusal()
        if refusal:
            action, error, note = refusal
            self._log(action)
            if note:
                self._notify_managers(note)
            self._end_reveal()
            raise error
        sudo_self = self.sudo()
        if not sudo_self.secret_ciphertext:
            raise UserError(
                self.env._("“%(credential)s” has no secret stored.", credential=self.display_name)
            )
        plaintext = self._decrypt(sudo_self.secret_ciphertext, sudo_self.secret_key_id)
        # Only a new log row: the credential itself is not written (see _compute_reveal_stats).
        self._log("reveal")
        self._end_reveal()
        return plaintext

    def _ensure_one_credential(self):
        # ensure_one()'s ValueError would be a server error over RPC.
        if len(self) != 1:
            raise UserError(self.env._("Reveal the secret of one credential at a time."))

    def _begin_reveal(self):
        """Start the reveal's own step: in a request, what the request did so far is committed and a
        READ COMMITTED transaction starts, which sees every reveal the user's other requests
        committed; then the user's reveal lock, held until the reveal is committed."""
        cr = self.env.cr
        if request:
            cr.commit()  # pylint: disable=invalid-commit
            # Only a transaction that has not run a query yet can change its isolation (a test
            # cursor runs inside the test's transaction, and its requests one at a time anyway).
            if cr.connection.get_transaction_status() == TRANSACTION_STATUS_IDLE:
                cr.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
        cr.execute("SELECT pg_advisory_xact_lock(%s, %s)", [REVEAL_LOCK_KEY, self.env.uid])

    def _end_reveal(self):
        """Commit the audit row (and release the user's lock) before the secret or the refusal leaves
        the request. Outside a request (shell, scheduled actions), the caller's transaction keeps it."""
        if request:
            self.env.cr.commit()  # pylint: disable=invalid-commit

    def _reveal_refusal(self):
        """(log action, exception, note to the managers or None) when the current user may not
        reveal this secret now; None when it may."""
        if not self._may_reveal():
            return (
                "denied",
                AccessError(
                    self.env._(
                        "You are not allowed to reveal the secret of “%(credential)s”: ask a Client Hub "
                        "manager to add you to its allowed users.",
                        credential=self.display_name,
                    )
                ),
                None,
            )
        if self.reveal_reprompt and not self._identity_checked_recently():
            return (
                "denied",
                UserError(
                    self.env._(
                        "“%(credential)s” asks for your password before it is revealed: use its Reveal "
                        "button.",
                        credential=self.display_name,
                    )
                ),
                None,
            )
        limit, window = self._reveal_limit()
        if limit and self._recent_log_count("reveal", window) >= limit:
            # The managers hear of the first refusal of each window, not of every retry.
            note = not self._recent_log_count("throttled", window) and self.env._(
                "%(user)s revealed %(limit)s secrets in %(minutes)s minutes and was refused this one.",
                user=self.env.user.name,
                limit=limit,
                minutes=window,
            )
            return (
                "throttled",
                UserError(
                    self.env._(
                        "You have revealed %(limit)s secrets in the last %(minutes)s minutes, the most "
                        "allowed: try again later. The Client Hub managers have been told.",
                        limit=limit,
                        minutes=window,
                    )
                ),
                note,
            )
        return None

    def _identity_checked_recently(self):
        # The session's last identity check (Odoo's wizard records it); the shell and the server's own
        # code (superuser, no request) are not asked.
        if not request:
            return self.env.su
        return request.session.get("identity-check-last", 0) > time.time() - IDENTITY_CHECK_SECONDS

    def _reveal_limit(self):
        """(reveals allowed per user, in how many minutes); a limit of 0 means no limit."""
        params = self.env["ir.config_parameter"].sudo()

        def number(key, default):
            value = str(params.get_param(key, default)).strip()
            return int(value) if value.isascii() and value.isdigit() else default

        return number(REVEAL_LIMIT_PARAM, REVEAL_LIMIT_DEFAULT), number(
            REVEAL_WINDOW_PARAM, REVEAL_WINDOW_DEFAULT
        )

    def _recent_log_count(self, action, minutes):
        """How many `action` rows the current user has in the log of the last `minutes` minutes."""
        since = fields.Datetime.subtract(fields.Datetime.now(), minutes=minutes)
        return (
            self.env["res.partner.credential.log"]
            .sudo()
            .search_count([("user_id", "=", self.env.uid), ("action", "=", action), ("date", ">=", since)])
        )

    @api.model
    def _client_hub_portal_save(self, values, credential_id=None):
        """Save the portal's credential form for the current portal user's client (a contact a
        manager gave the vault right): a new credential, allowed to nobody but the managers until
        a manager allows someone, or one of the client's own (found through the portal's record
        rule). Logged with the portal user; the allowed users, else the salesperson, get a to-do.
        Only the form's fields are taken."""
        client = self.env["res.partner"]._client_hub_portal_vault_client_or_raise()
        values = {name: value for name, value in values.items() if name in PORTAL_FIELDS}
        if credential_id:
            # Searched as the portal user now, before the write: the portal rule is read in SQL at
            # query time, so a right revoked or a contact moved a moment ago is already seen.
            credential = self.search([("id", "=", credential_id), ("partner_id", "=", client.id)]).sudo()
            if not credential:
                raise AccessError(self.env._("This credential is not one of your company's."))
            credential.write(values)
        else:
            credential = self.sudo().create({**values, "partner_id": client.id})
        credential._notify_handed_over()
        return credential

    def _notify_handed_over(self):
        """Tell the people working with a credential that the client handed it over or changed it."""
        for credential in self:
            users = credential.user_ids or credential.partner_id.user_id
            summary = self.env._("Credential updated by the client in the portal")
            for user in users:
                credential.activity_schedule("mail.mail_activity_data_todo", summary=summary, user_id=user.id)
            if not users:
                credential.message_post(body=summary, subtype_xmlid="mail.mt_note")

    def _forget_plaintext(self):
        # The assigned plaintext stays in the ORM cache after the inverse: drop it, so that
        # reading `secret` in the same transaction gives nothing too.
        self.invalidate_recordset(["secret"])

    def _may_reveal(self):
        return self._is_vault_manager() or self.env.user in self.user_ids

    def _store_secret(self, plaintext):
        ciphertext, key_id = self._cipher_call(lambda cipher: cipher.encrypt(plaintext))
        # Bypass write(): it would log a second "update" and check the write-only field again.
        return super(ResPartnerCredential, self.sudo()).write(
            {
                "secret_ciphertext": ciphertext,
                "secret_key_id": key_id,
                "has_secret": True,
                "secret_changed_on": fields.Datetime.now(),
            }
        )

    def _decrypt(self, ciphertext, key_id):
        return self._cipher_call(lambda cipher: cipher.decrypt(ciphertext, key_id))

    def _cipher_call(self, operation):
        """Run an operation of the vault's cipher, turning its failures into clear UserErrors."""
        try:
            return operation(vault.VaultCipher.from_config())
        except vault.VaultError as error:
            raise UserError(self._vault_error_message(error)) from None

    def _vault_error_message(self, error):
        how_to = self.env._(
            "Set the option %(option)s in the Odoo configuration file, or the environment variable "
            "%(variable)s, to one or more comma-separated keys made with: %(command)s",
            option=vault.CONFIG_OPTION,
            variable=vault.ENV_VARIABLE,
            command=vault.KEY_COMMAND,
        )
        messages = {
            "no_key": self.env._("No vault key is configured, so secrets cannot be stored or revealed."),
            "bad_key": self.env._(
                "Vault key number %(position)s is not a valid key.", position=error.details.get("position")
            ),
            "unknown_key": self.env._(
                "This secret was encrypted with a key (id %(key_id)s) that is no longer configured: "
                "add that key back to the vault keys to reveal it.",
                key_id=error.details.get("key_id"),
            ),
            "corrupted": self.env._(
                "This secret cannot be decrypted: its stored ciphertext is damaged. Enter the secret again."
            ),
        }
        message = messages[error.reason]
        return f"{message}\n{how_to}" if error.reason in ("no_key", "bad_key") else message

    def _log(self, action, note=None):
        if self:
            self.env["res.partner.credential.log"].sudo().create(self._log_values(action, note))

    def _log_values(self, action, note=None):
        remote_address = request.httprequest.remote_addr if request else False
        return [
            {
                "credential_id": credential.id,
                "credential_name": credential.display_name,
                "partner_id": credential.partner_id.id,
                "company_id": credential.company_id.id,
                "user_id": self.env.uid,
                "action": action,
                "remote_address": remote_address,
                "note": note,
            }
            for credential in self
        ]

    def _notify_managers(self, body):
        """A note on the credential that notifies the Client Hub managers."""
        managers = self.env.ref(MANAGER_GROUP).sudo().all_user_ids.filtered(lambda user: not user.share)
        for credential in self.sudo():
            credential.message_post(
                body=body,
                partner_ids=(managers.partner_id - self.env.ref("base.partner_root")).ids,
                subtype_xmlid="mail.mt_note",
            )

    @api.model
    def _rotate_vault_keys(self, batch_size=ROTATION_BATCH):
        """Re-encrypt every secret with the first configured key, batch by batch.

        Idempotent: secrets already under the first key are skipped, so an interrupted
        rotation just runs again. Callable from ``odoo shell``:
        ``env["res.partner.credential"]._rotate_vault_keys(); env.cr.commit()``.
        """
        cipher = self._cipher_call(lambda cipher: cipher)
        Credential = self.sudo().with_context(active_test=False)
        rotated = 0
        while True:
            batch = Credential.search(
                [("secret_ciphertext", "!=", False), ("secret_key_id", "!=", cipher.primary_key_id)],
                limit=batch_size,
            )
            if not batch:
                return rotated
            for credential in batch:
                plaintext = credential._decrypt(credential.secret_ciphertext, credential.secret_key_id)
                ciphertext, key_id = cipher.encrypt(plaintext)
                super(ResPartnerCredential, credential).write(
                    {"secret_ciphertext": ciphertext, "secret_key_id": key_id}
                )
            batch._log("rotate")
            rotated += len(batch)
            batch.flush_recordset()
            batch.invalidate_recordset()

    @api.model
    def _load_demo_credentials(self):
        """Demo credentials, when a vault key is configured (the module installs without one)."""
        if not vault.configured_key_string():
            _logger.info("No vault key configured: the demo credentials are not created.")
            return
        ref = self.env.ref
        demo_user = ref("client_hub.user_demo_vault")
        self.create(
            [
                {
                    "partner_id": ref("client_hub.client_kowalski").id,
                    "name": "Production FTP",
                    "platform": "ftp",
                    "url": "ftp.kowalski-software.example.com",
                    "port": 21,
                    "login": "deploy",
                    "secret": "demo-ftp-Kowalski-2026",
                    "user_ids": [(4, demo_user.id)],
                    "rotate_on": fields.Date.add(fields.Date.context_today(self), days=-3),
                },
                {
                    "partner_id": ref("client_hub.client_kowalski").id,
                    "name": "WordPress admin",
                    "platform": "cms",
                    "url": "https://kowalski-software.example.com/wp-admin",
                    "login": "agency",
                    "secret": "demo-wp-Kowalski-2026",
                },
                {
                    "partner_id": ref("client_hub.client_willis").id,
                    "name": "Hosting panel",
                    "platform": "hosting",
                    "url": "https://panel.willis-partners.example.com",
                    "login": "willis-admin",
                    "secret": "demo-panel-Willis-2026",
                    "user_ids": [(4, demo_user.id)],
                },
                {
                    "partner_id": ref("client_hub.client_nordlicht").id,
                    "name": "ERP database",
                    "platform": "database",
                    "url": "db.nordlicht-maschinenbau.example.com",
                    "port": 5432,
                    "login": "reporting",
                    "secret": "demo-db-Nordlicht-2026",
                    "note": "Read-only reporting role.",
                },
            ]
        )

    @api.model
    def _cron_rotation_reminders(self):
        """Put a to-do on credentials due for a change, for each of their allowed users."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        due = self.search([("rotate_on", "<", fields.Date.context_today(self)), ("user_ids", "!=", False)])
        for credential in due:
            reminded = credential.activity_ids.filtered(lambda a: a.activity_type_id == todo).user_id
            for user in credential.user_ids - reminded:
                credential.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=credential.rotate_on,
                    summary=self.env._("Change this secret"),
                    user_id=user.id,
                )
