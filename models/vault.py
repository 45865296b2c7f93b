"""Encryption of the credential vault's secrets.

Secrets are Fernet tokens (AES-128-CBC + HMAC-SHA256, from the `cryptography` package Odoo
already requires). Keys never live in the database: they come from the option ``vault_keys``
of the section ``[client_hub]`` of the Odoo configuration file (a section of the module's own,
as OCA's queue_job keeps its settings: Odoo warns about every unknown option in ``[options]``),
or else the environment variable ``CLIENT_HUB_VAULT_KEYS``, or else the option
``client_hub_vault_keys`` of ``[options]`` that versions before 19.0.1.2.0 used (read, with a
deprecation notice). Comma-separated, the first one encrypts, all of them decrypt.
Every ciphertext is stored with the id of its key, so a retired key keeps decrypting what it
encrypted until the rotation re-encrypts it with the first key.
"""

import configparser
import hashlib
import logging
import os

from cryptography.fernet import Fernet, InvalidToken

from odoo.tools import config

_logger = logging.getLogger(__name__)

CONFIG_SECTION = "client_hub"
CONFIG_SECTION_OPTION = "vault_keys"
CONFIG_OPTION = f"[{CONFIG_SECTION}] {CONFIG_SECTION_OPTION}"  # how messages name it
LEGACY_OPTION = "client_hub_vault_keys"
ENV_VARIABLE = "CLIENT_HUB_VAULT_KEYS"
KEY_COMMAND = "python3 -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"


class VaultError(Exception):
    """A vault problem the model turns into a translated UserError."""

    def __init__(self, reason, **details):
        super().__init__(reason)
        self.reason = reason
        self.details = details


def configured_key_string():
    return section_key_string() or os.environ.get(ENV_VARIABLE) or legacy_key_string() or ""


_section_cache = {}


def section_key_string():
    """``vault_keys`` of the ``[client_hub]`` section of the file Odoo was started with.

    Odoo 19 keeps only ``[options]``, so the file is read here; again only when it changed."""
    path = config.get("config")
    try:
        stamp = (path, os.stat(path).st_mtime_ns) if path else None
    except OSError:
        return ""
    if stamp not in _section_cache:
        parser = configparser.RawConfigParser()
        parser.read([path])
        _section_cache.clear()
        _section_cache[stamp] = parser.get(CONFIG_SECTION, CONFIG_SECTION_OPTION, fallback="").strip()
    return _section_cache[stamp]


_legacy_noticed = []


def legacy_key_string():
    value = config.get(LEGACY_OPTION) or ""
    if value and not _legacy_noticed:
        _legacy_noticed.append(True)
        _logger.warning(
            "The option %s in [options] of the Odoo configuration file is deprecated: move the keys to "
            "a section of their own, [%s] with %s = …",
            LEGACY_OPTION,
            CONFIG_SECTION,
            CONFIG_SECTION_OPTION,
        )
    return value


def key_id(key):
    """A short public fingerprint of a key (never the key itself)."""
    return hashlib.sha256(key.encode()).hexdigest()[:12]


class VaultCipher:
    _by_key_string = {}

    def __init__(self, keys):
        if not keys:
            raise VaultError("no_key")
        self.fernets = {}
        for position, key in enumerate(keys, start=1):
            try:
                self.fernets[key_id(key)] = Fernet(key)
            except ValueError as error:
                raise VaultError("bad_key", position=position) from error
        self.primary_key_id = key_id(keys[0])

    @classmethod
    def from_config(cls):
        key_string = configured_key_string()
        if key_string not in cls._by_key_string:
            keys = [key.strip() for key in key_string.split(",") if key.strip()]
            cls._by_key_string = {key_string: cls(keys)}  # keep only the current keys' cipher
        return cls._by_key_string[key_string]

    def encrypt(self, plaintext):
        """Return (ciphertext, key id) for the first configured key."""
        token = self.fernets[self.primary_key_id].encrypt(plaintext.encode())
        return token.decode(), self.primary_key_id

    def decrypt(self, ciphertext, ciphertext_key_id):
        fernet = self.fernets.get(ciphertext_key_id)
        if fernet is None:
            raise VaultError("unknown_key", key_id=ciphertext_key_id)
        try:
            return fernet.decrypt(ciphertext.encode()).decode()
        except (InvalidToken, UnicodeError) as error:
            raise VaultError("corrupted") from error

    @staticmethod
    def generate_key():
        return Fernet.generate_key().decode()
