import os
import tempfile
from unittest.mock import patch

from odoo.addons.client_hub.models import vault
from odoo.tests.common import TransactionCase

from .common import new_vault_key


class TestVaultConfig(TransactionCase):
    """The three places vault keys come from: the [client_hub] section first, then the environment
    variable, then the [options] option of earlier versions (with one deprecation notice)."""

    def setUp(self):
        super().setUp()
        self.section_key, self.env_key, self.legacy_key = (new_vault_key() for _ in range(3))
        handle, self.path = tempfile.mkstemp(suffix=".conf")
        os.close(handle)
        self.addCleanup(os.unlink, self.path)
        vault._legacy_noticed.clear()
        self.addCleanup(vault._legacy_noticed.clear)

    def _write_config(self, section_key=None):
        with open(self.path, "w", encoding="utf-8") as config_file:
            config_file.write("[options]\ndb_name = x\n")
            if section_key:
                config_file.write(f"\n[client_hub]\nvault_keys = {section_key}\n")

    def _keys(self, environment=None, legacy=None):
        odoo_config = {"config": self.path, vault.LEGACY_OPTION: legacy}
        variables = {vault.ENV_VARIABLE: environment} if environment else {}
        with (
            patch.object(vault, "config", odoo_config),
            patch.dict(os.environ, variables, clear=False),
        ):
            if not environment:
                os.environ.pop(vault.ENV_VARIABLE, None)
            return vault.configured_key_string()

    def test_section_comes_first(self):
        self._write_config(self.section_key)
        self.assertEqual(self._keys(environment=self.env_key, legacy=self.legacy_key), self.section_key)

    def test_environment_without_section(self):
        self._write_config()
        self.assertEqual(self._keys(environment=self.env_key, legacy=self.legacy_key), self.env_key)

    def test_old_option_still_read_with_one_notice(self):
        self._write_config()
        with self.assertLogs("odoo.addons.client_hub.models.vault", "WARNING") as logged:
            self.assertEqual(self._keys(legacy=self.legacy_key), self.legacy_key)
            self.assertEqual(self._keys(legacy=self.legacy_key), self.legacy_key)
        self.assertEqual(len(logged.output), 1, "one deprecation notice, not one per use")
        self.assertIn("[client_hub]", logged.output[0])

    def test_an_edited_file_is_read_again(self):
        self._write_config(self.section_key)
        self.assertEqual(self._keys(), self.section_key)
        new_key = new_vault_key()
        self._write_config(new_key)
        os.utime(self.path, ns=(1, os.stat(self.path).st_mtime_ns + 1_000_000))
        self.assertEqual(self._keys(), new_key)

    def test_no_key_anywhere(self):
        self._write_config()
        self.assertEqual(self._keys(), "")
