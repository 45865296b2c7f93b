"""The vault: encrypting and revealing N secrets, rotating the stored ones to a new key, revealing
through the ORM (access check, audit log)."""

import contextlib
import time

from .measure import median_of, savepoint, timed


def bench_vault(env, clients, repetitions):
    """Cipher: encrypt + decrypt N secrets (CPU). ORM: rotate the N stored secrets to a new key."""
    from odoo.addons.client_hub.models import vault  # noqa: PLC0415

    cipher = vault.VaultCipher.from_config()
    secrets = [f"secret-{i}-{'x' * 16}" for i in range(clients)]

    def crypt():
        cpu = time.process_time()
        tokens = [cipher.encrypt(secret) for secret in secrets]
        for token, key in tokens:
            cipher.decrypt(token, key)
        return {"cpu": time.process_time() - cpu}

    results = {"encrypt_reveal": median_of(repetitions, crypt)}
    Credential = env["res.partner.credential"]
    results["stored_secrets"] = Credential.search_count([("has_secret", "=", True)])
    old_keys = vault.configured_key_string()

    def rotate():
        with savepoint(env), patched_keys(f"{vault.VaultCipher.generate_key()},{old_keys}"):
            result = timed(env, lambda: Credential._rotate_vault_keys())
        return result

    results["rotate"] = median_of(min(repetitions, 3), rotate)
    # Reveal through the ORM (access check, decrypt, audit log row) for a sample of credentials.
    sample = Credential.search([("has_secret", "=", True)], limit=min(clients, 1000))
    user_env = env(user=env.ref("base.user_admin"))

    def reveal():
        with savepoint(env):
            # The reveal throttle (30 in 10 minutes) would stop the sample: measured without it.
            env["ir.config_parameter"].set_param("client_hub.vault_reveal_limit", "0")
            result = timed(
                env, lambda: [credential.reveal_secret() for credential in sample.with_env(user_env)]
            )
        return {**result, "per_secret_ms": 1000 * result["seconds"] / len(sample)}

    results["orm_reveal"] = median_of(min(repetitions, 3), reveal)
    results["orm_reveal_sample"] = len(sample)
    return results


@contextlib.contextmanager
def patched_keys(key_string):
    from unittest.mock import patch  # noqa: PLC0415

    from odoo.addons.client_hub.models import vault  # noqa: PLC0415

    with patch.object(vault, "configured_key_string", return_value=key_string):
        yield
