import logging
import uuid

from odoo.exceptions import AccessError, UserError

from .common import VaultCase, new_vault_key, vault_keys


class TestVaultKeys(VaultCase):
    def test_rotation_to_a_new_key(self):
        old_key, new_key = self.key, new_vault_key()
        first, second = self._credential(secret="first-secret"), self._credential(secret="second-secret")
        with vault_keys(new_key, old_key):
            # Written with the old key, still revealed while the old key is configured.
            self.assertEqual(first.reveal_secret(), "first-secret")
            rotated = self.env["res.partner.credential"]._rotate_vault_keys(batch_size=1)
            self.assertEqual(rotated, 2)
            self.assertEqual(self.env["res.partner.credential"]._rotate_vault_keys(), 0, "idempotent")
            self.assertEqual(len(self._logs(first, "rotate")), 1)
        with vault_keys(new_key):
            self.assertEqual(first.reveal_secret(), "first-secret")
            self.assertEqual(second.reveal_secret(), "second-secret")

    def test_removed_key_gives_a_clear_error(self):
        credential = self._credential()
        with vault_keys(new_vault_key()), self.assertRaisesRegex(UserError, "no longer configured"):
            credential.reveal_secret()

    def test_corrupted_ciphertext_gives_a_clear_error(self):
        credential = self._credential()
        stored = credential.sudo().secret_ciphertext
        # Damaged behind the ORM's back: the vault's fields cannot be written (see test_security_vault).
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE res_partner_credential SET secret_ciphertext = %s WHERE id = %s",
            [stored[:-8] + "AAAAAAAA", credential.id],
        )
        credential.invalidate_recordset()
        with self.assertRaisesRegex(UserError, "damaged"):
            credential.reveal_secret()

    def test_no_key_configured(self):
        with vault_keys():
            with self.assertRaisesRegex(UserError, r"\[client_hub\] vault_keys"):
                self._credential()
            # Metadata still works without a key.
            self.env["res.partner.credential"].search([]).write({"note": "still editable"})

    def test_invalid_key(self):
        with vault_keys("not-a-key"), self.assertRaisesRegex(UserError, "number 1 is not a valid key"):
            self._credential()

    def test_rotation_is_for_managers(self):
        with self.assertRaises(AccessError):
            self.env["res.partner.credential"].with_user(self.user_allowed).action_rotate_vault_keys()
        result = self.env["res.partner.credential"].with_user(self.user_manager).action_rotate_vault_keys()
        self.assertEqual(result["tag"], "display_notification")


class CapturingHandler(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


class TestVaultStorage(VaultCase):
    def _columns_containing(self, text):
        """(table, column) of every text-like column of the database that contains text."""
        self.env.flush_all()
        self.env.cr.execute(
            """SELECT c.table_name, c.column_name FROM information_schema.columns c
                 JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                  AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea')"""
        )
        found = []
        for table, column in self.env.cr.fetchall():
            self.env.cr.execute(
                f'SELECT 1 FROM "{table}" WHERE "{column}"::text LIKE %s LIMIT 1', [f"%{text}%"]
            )
            if self.env.cr.fetchone():
                found.append((table, column))
        return found

    def test_plaintext_is_nowhere(self):
        first, second = f"first-{uuid.uuid4().hex}", f"second-{uuid.uuid4().hex}"
        handler = CapturingHandler()
        logging.getLogger().addHandler(handler)
        self.addCleanup(logging.getLogger().removeHandler, handler)

        credential = self._credential(secret=first)
        credential.write({"secret": second, "login": "changed"})
        self.assertEqual(credential.with_user(self.user_allowed).reveal_secret(), second)
        with vault_keys(new_vault_key(), self.key):
            self.env["res.partner.credential"]._rotate_vault_keys()
            self.assertEqual(credential.reveal_secret(), second)

            self.assertTrue(self._logs(credential, "rotate"))
            for plaintext in (first, second):
                self.assertEqual(self._columns_containing(plaintext), [], "plaintext stored in the database")
                messages = credential.message_ids
                self.assertNotIn(plaintext, str(messages.mapped("body")))
                self.assertNotIn(plaintext, str(messages.tracking_value_ids.read()))
                self.assertNotIn(plaintext, str(credential.read()))
                self.assertNotIn(plaintext, str(credential.export_data(list(credential._fields))))
                self.assertFalse([line for line in handler.lines if plaintext in line], "plaintext logged")
        self.assertNotIn(first, credential.sudo().secret_ciphertext)
