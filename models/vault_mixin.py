"""The vault's mechanism, apart from what a model keeps in it (as OCA `vault` keeps its field logic in
an abstract model): a write-only secret stored encrypted only, the rotation of the keys, and an audit
trail a rolled-back request cannot erase, with a per-user reveal limit."""

import time

from psycopg2.extensions import TRANSACTION_STATUS_IDLE

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from . import vault

MANAGER_GROUP = "client_hub.group_client_hub_manager"
IDENTITY_CHECK_SECONDS = 10 * 60  # as Odoo's own identity check (check_identity)
ROTATION_BATCH = 500
# Per-user reveal limit: at most LIMIT reveals in WINDOW minutes (ir.config_parameter, 0 = no limit).
REVEAL_LIMIT_PARAM = "client_hub.vault_reveal_limit"
REVEAL_WINDOW_PARAM = "client_hub.vault_reveal_window_minutes"
REVEAL_LIMIT_DEFAULT = 30
REVEAL_WINDOW_DEFAULT = 10
# First key of the PostgreSQL advisory lock that puts one user's reveals in a row (the second is the
# user id): "CHRV" in ASCII.
REVEAL_LOCK_KEY = 0x43485256


class ClientHubVaultMixin(models.AbstractModel):
    """A secret kept encrypted, revealed to whom `_may_reveal` allows, every step in an audit log.

    The model using it is a mail.thread (the managers hear of throttled reveals in its chatter),
    names its log model in `_vault_log_model` and adds its own reference to `_log_values`."""

    _name = "client_hub.vault.mixin"
    _description = "Vault: Encrypted Secret and Audit Trail"
    _vault_log_model = None

    # Write-only: reading gives nothing, assigning encrypts (see _inverse_secret).
    secret = fields.Char(compute="_compute_secret", inverse="_inverse_secret", copy=False)
    secret_ciphertext = fields.Char(copy=False, groups="base.group_system", prefetch=False)
    secret_key_id = fields.Char(copy=False, index=True, groups="base.group_system")
    has_secret = fields.Boolean(readonly=True, copy=False)
    secret_changed_on = fields.Datetime(readonly=True, copy=False)
    reveal_reprompt = fields.Boolean(
        string="Ask for the Password",
        tracking=True,
        help="Revealing this secret asks for the user's password again when it was last checked more "
        "than 10 minutes ago (Odoo's identity check). Only managers change it.",
    )

    def _compute_secret(self):
        self.secret = False

    def _inverse_secret(self):
        for record in self:
            if record.secret:
                record._store_secret(record.secret)

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

    # Encryption

    def _is_vault_manager(self):
        return self.env.su or self.env.user.has_group(MANAGER_GROUP)

    def _may_reveal(self):
        return self._is_vault_manager()

    def _forget_plaintext(self):
        # The assigned plaintext stays in the ORM cache after the inverse: drop it, so that
        # reading `secret` in the same transaction gives nothing too.
        self.invalidate_recordset(["secret"])

    def _store_secret(self, plaintext):
        ciphertext, key_id = self._cipher_call(lambda cipher: cipher.encrypt(plaintext))
        # Bypass the model's write(): it would log a second "update" and check the write-only field again.
        return super(ClientHubVaultMixin, self.sudo()).write(
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

    # Rotation

    @api.model
    def _rotate_vault_keys(self, batch_size=ROTATION_BATCH):
        """Re-encrypt every secret with the first configured key, batch by batch.

        Idempotent: secrets already under the first key are skipped, so an interrupted
        rotation just runs again. Callable from ``odoo shell``:
        ``env["res.partner.credential"]._rotate_vault_keys(); env.cr.commit()``.
        """
        cipher = self._cipher_call(lambda cipher: cipher)
        Records = self.sudo().with_context(active_test=False)
        rotated = 0
        while True:
            batch = Records.search(
                [("secret_ciphertext", "!=", False), ("secret_key_id", "!=", cipher.primary_key_id)],
                limit=batch_size,
            )
            if not batch:
                return rotated
            for record in batch:
                plaintext = record._decrypt(record.secret_ciphertext, record.secret_key_id)
                ciphertext, key_id = cipher.encrypt(plaintext)
                super(ClientHubVaultMixin, record).write(
                    {"secret_ciphertext": ciphertext, "secret_key_id": key_id}
                )
            batch._log("rotate")
            rotated += len(batch)
            batch.flush_recordset()
            batch.invalidate_recordset()

    # Reveal and audit trail

    def _vault_reveal(self):
        """Return the plaintext secret of this one record to an allowed user, and log it.

        A user's reveals go one at a time (a lock on the user): the limit is checked and the reveal
        counted in one step, so concurrent requests cannot pass it. In a request, the audit row is
        committed before the secret or the refusal leaves: no later rollback erases it, and no
        second database connection is needed."""
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
        # Only a new log row: the record itself is not written.
        self._log("reveal")
        self._end_reveal()
        return plaintext

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
            self.env[self._vault_log_model]
            .sudo()
            .search_count([("user_id", "=", self.env.uid), ("action", "=", action), ("date", ">=", since)])
        )

    def _log(self, action, note=None):
        if self:
            self.env[self._vault_log_model].sudo().create(self._log_values(action, note))

    def _log_values(self, action, note=None):
        """One log row per record: who, what, from where; the model adds which record it is."""
        remote_address = request.httprequest.remote_addr if request else False
        return [
            {"user_id": self.env.uid, "action": action, "remote_address": remote_address, "note": note}
            for _record in self
        ]

    def _notify_managers(self, body):
        """A note on the record that notifies the Client Hub managers."""
        managers = self.env.ref(MANAGER_GROUP).sudo().all_user_ids.filtered(lambda user: not user.share)
        for record in self.sudo():
            record.message_post(
                body=body,
                partner_ids=(managers.partner_id - self.env.ref("base.partner_root")).ids,
                subtype_xmlid="mail.mt_note",
            )
