from odoo.exceptions import ValidationError

from .common import VaultCase


class TestVaultInput(VaultCase):
    def test_empty_secret_on_create(self):
        for secret in ("", False):
            with self.subTest(secret=secret), self.assertRaisesRegex(ValidationError, "needs a secret"):
                self._credential(secret=secret)

    def test_secret_cannot_be_emptied(self):
        credential = self._credential()
        with self.assertRaisesRegex(ValidationError, "cannot be emptied"):
            credential.secret = ""

    def test_port_range(self):
        for port in (0, 1, 65535):
            self._credential(port=port)
        for port in (-1, 65536, 100000):
            with self.subTest(port=port), self.assertRaisesRegex(ValidationError, "between 1 and 65535"):
                self._credential(port=port)

    def test_url(self):
        for url in (
            "https://example.com/wp-admin",
            "ftp.example.com",
            "sftp://files.example.org:2222",
            "localhost",
        ):
            self._credential(url=url)
        for url in ("not a url", "https://", "http://nodot", "ftp example com"):
            with self.subTest(url=url), self.assertRaisesRegex(ValidationError, "not a valid address"):
                self._credential(url=url)

    def test_secret_reads_back_empty(self):
        credential = self._credential(secret="never-shown")
        self.assertFalse(credential.secret)
        self.assertTrue(credential.has_secret)
        credential.secret = "replaced-secret"
        self.assertEqual(credential.reveal_secret(), "replaced-secret")
        self.assertEqual(len(self._logs(credential, "update")), 1)
