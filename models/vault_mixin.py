"""The vault's mechanism, apart from what a model keeps in it (as OCA `vault` keeps its field logic in
an abstract model): a write-only secret stored encrypted only, the rotation of the keys, and an audit
trail a rolled-back request cannot erase (written on a cursor of its own: the caller's transaction
is never committed by a reveal), with a per-user reveal limit."""

import time
from contextlib import contextmanager

from psycopg2.extensions import TRANSACTION_STATUS_IDLE

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.http import request
from odoo.tools import SQL

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
        counted in one step, so concurrent requests cannot pass it. The audit row (and the managers'
        note of a throttled reveal) is written and committed on a cursor of its own before the secret
        or the refusal leaves: no later rollback erases it, and the caller's transaction is neither
        committed nor kept waiting on the lock after the reveal."""
        refusal = plaintext = None
        with self._reveal_audit() as audit:
            refusal = self._reveal_refusal(audit.env)
            if refusal:
                action, _error, note = refusal
                audit.add(action, note)
            else:
                sudo_self = self.sudo()
                if not sudo_self.secret_ciphertext:
                    raise UserError(
                        self.env._("“%(credential)s” has no secret stored.", credential=self.display_name)
                    )
                plaintext = self._decrypt(sudo_self.secret_ciphertext, sudo_self.secret_key_id)
                # Only a new log row: the record itself is not written.
                audit.add("reveal")
        if refusal:
            raise refusal[1]
        return plaintext

    @contextmanager
    def _reveal_audit(self):
        """The reveal's own step: a `_RevealAudit` holding the user's reveal lock.

        On a cursor of its own (READ COMMITTED: the throttle counts every reveal committed before the
        lock was granted), committed at the end, the lock being that transaction's. Where that cursor
        cannot see what the audit rows point to (a record or user the caller's transaction created
        and has not committed; a foreign key to it would wait on the caller), the caller's cursor
        keeps them: they could not outlive those records anyway; the lock is then a session lock,
        released at the end."""
        self.env.flush_all()  # the caller's pending writes stay the caller's, whatever the audit does
        probe = self._log_values("reveal")
        with self.env.registry.cursor() as cr:
            # Only a transaction that has not run a query yet can change its isolation (a test
            # cursor shares the test's transaction, and runs one request at a time anyway).
            if cr.connection.get_transaction_status() == TRANSACTION_STATUS_IDLE:
                cr.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
            if _cursor_sees(cr, self.env[self._vault_log_model], probe):
                cr.execute("SELECT pg_advisory_xact_lock(%s, %s)", [REVEAL_LOCK_KEY, self.env.uid])
                audit = _RevealAudit(self, self.env(cr=cr))
                yield audit
                audit.keep_after_rollback(self.env.cr)
                return
        cr = self.env.cr
        cr.execute("SELECT pg_advisory_lock(%s, %s)", [REVEAL_LOCK_KEY, self.env.uid])
        try:
            with cr.savepoint():
                yield _RevealAudit(self, self.env)
        finally:
            cr.execute("SELECT pg_advisory_unlock(%s, %s)", [REVEAL_LOCK_KEY, self.env.uid])

    def _reveal_refusal(self, audit_env=None):
        """(log action, exception, note to the managers or None) when the current user may not
        reveal this secret now; None when it may. The reveals are counted in `audit_env` (the
        audit's cursor)."""
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
        counter = self.with_env(audit_env or self.env)
        if limit and counter._recent_log_count("reveal", window) >= limit:
            # The managers hear of the first refusal of each window, not of every retry.
            note = not counter._recent_log_count("throttled", window) and self.env._(
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


def _cursor_sees(cr, Log, values_list):
    """Whether `cr` sees every record the log rows `values_list` point to (many2one fields)."""
    for name, field in Log._fields.items():
        if field.type != "many2one" or not field.store:
            continue
        ids = {values[name] for values in values_list if values.get(name)}
        if ids:
            table = Log.env[field.comodel_name]._table
            cr.execute(SQL("SELECT count(*) FROM %s WHERE id IN %s", SQL.identifier(table), tuple(ids)))
            if cr.fetchone()[0] != len(ids):
                return False
    return True


class _RevealAudit:
    """What a reveal writes to its audit: log rows and the managers' note, in `env` (the audit's
    cursor). Written again after a rollback of the caller's transaction when the audit's cursor
    shares the caller's connection (Odoo's test mode: there a rollback would take it along)."""

    def __init__(self, records, env):
        self.records, self.env, self.written = records, env, []

    def add(self, action, note=None):
        self.written.append((action, note))
        self._write(self.records.with_env(self.env), action, note)

    @staticmethod
    def _write(records, action, note):
        records._log(action)
        if note:
            records._notify_managers(note)

    def keep_after_rollback(self, caller_cr):
        if not (request and self.written) or self.env.cr.connection is not caller_cr.connection:
            return
        records, written = self.records, list(self.written)

        def write_again():
            with records.env.registry.cursor() as cr:
                for action, note in written:
                    self._write(records.with_env(records.env(cr=cr)), action, note)

        caller_cr.postrollback.add(write_again)
