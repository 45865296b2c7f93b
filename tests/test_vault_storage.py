import logging
import uuid

from .common import VaultCase, new_vault_key, vault_keys


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
