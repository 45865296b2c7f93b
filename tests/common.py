import os
from contextlib import contextmanager
from unittest.mock import patch

from cryptography.fernet import Fernet

from odoo.addons.client_hub.models import vault
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


def _record_encrypted_secrets(path):
    """Append every plaintext the vault encrypts to `path`, hex-encoded: `make test` then fails if one
    of them shows up in the test log."""
    encrypt = vault.VaultCipher.encrypt

    def recording_encrypt(self, plaintext):
        with open(path, "a", encoding="ascii") as secrets:
            secrets.write(plaintext.encode().hex() + "\n")
        return encrypt(self, plaintext)

    vault.VaultCipher.encrypt = recording_encrypt


if os.environ.get("CLIENT_HUB_TEST_SECRETS"):
    _record_encrypted_secrets(os.environ["CLIENT_HUB_TEST_SECRETS"])


class ClientHubCase(TransactionCase):
    """Users of every Client Hub role and a few profile records, shared by the module's tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_internal = new_test_user(
            cls.env, login="ch_internal", groups="base.group_user", name="Internal Ivy"
        )
        cls.user_client_hub = new_test_user(
            cls.env, login="ch_user", groups="client_hub.group_client_hub_user", name="User Uma"
        )
        cls.user_manager = new_test_user(
            cls.env,
            login="ch_manager",
            groups="client_hub.group_client_hub_manager",
            name="Manager Max",
        )
        cls.status_prospect = cls.env.ref("client_hub.client_status_prospect")
        cls.status_active = cls.env.ref("client_hub.client_status_active")
        cls.condition_registered = cls.env.ref("client_hub.tax_condition_vat_registered")
        cls.condition_final_consumer = cls.env.ref("client_hub.tax_condition_final_consumer")

    @classmethod
    def _create_client(cls, name="Test Client Ltd", **values):
        return cls.env["res.partner"].create(
            {"name": name, "is_company": True, "client_status_id": cls.status_active.id, **values}
        )


def new_vault_key():
    return Fernet.generate_key().decode()


@contextmanager
def vault_keys(*keys):
    """Run with these vault keys configured (the first encrypts), whatever the server config says."""
    with patch.object(vault, "configured_key_string", return_value=",".join(keys)):
        yield


class VaultCase(ClientHubCase):
    """A client, a credential user allowed on its credential, another one not allowed, and a key."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.key = new_vault_key()
        # Demo credentials are encrypted with the server's key, which these tests replace.
        cls.env["res.partner.credential"].with_context(active_test=False).search([]).unlink()
        cls.client = cls._create_client("Vault Client")
        cls.user_allowed = new_test_user(
            cls.env,
            login="ch_cred_allowed",
            groups="client_hub.group_client_hub_credentials",
            name="Allowed Al",
        )
        cls.user_not_listed = new_test_user(
            cls.env,
            login="ch_cred_other",
            groups="client_hub.group_client_hub_credentials",
            name="Other Olga",
        )

    def setUp(self):
        super().setUp()
        keys = vault_keys(self.key)
        keys.__enter__()
        self.addCleanup(keys.__exit__, None, None, None)

    def _credential(self, secret="s3cret-Value-for-tests", **values):
        return self.env["res.partner.credential"].create(
            {
                "partner_id": self.client.id,
                "name": "Client FTP",
                "platform": "ftp",
                "url": "ftp.client.example.com",
                "port": 21,
                "login": "deploy",
                "secret": secret,
                "user_ids": [(4, self.user_allowed.id)],
                **values,
            }
        )

    def _logs(self, credential, action):
        return (
            self.env["res.partner.credential.log"]
            .sudo()
            .search([("credential_id", "=", credential.id), ("action", "=", action)])
        )
