from odoo import SUPERUSER_ID, api
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from .common import new_vault_key, vault_keys

SECRET = "concurrent-reveal-secret"


@tagged("post_install", "-at_install")
class TestVaultConcurrency(TransactionCase):
    """Two users revealing one credential at the same moment: each reveal only inserts its log row,
    so neither transaction waits for the other or fails to serialize."""

    def _committed(self, function):
        """Run `function(env)` in a transaction of its own and commit it (other transactions see it)."""
        with self.registry.cursor() as cr:
            return function(api.Environment(cr, SUPERUSER_ID, {}))

    def _create_credential(self, env):
        client = env["res.partner"].create(
            {
                "name": "Concurrent Reveal Client",
                "is_company": True,
                "client_status_id": env.ref("client_hub.client_status_active").id,
            }
        )
        user = new_test_user(
            env, login="ch_concurrent_reveal", groups="client_hub.group_client_hub_credentials"
        )
        credential = env["res.partner.credential"].create(
            {
                "partner_id": client.id,
                "name": "Shared hosting",
                "secret": SECRET,
                "user_ids": [(6, 0, user.ids)],
            }
        )
        return client.id, credential.id, user.id

    def _remove(self, client_id, credential_id, user_id):
        def remove(env):
            env.cr.execute("DELETE FROM res_partner_credential_log WHERE credential_id = %s", [credential_id])
            env.cr.execute("DELETE FROM res_partner_credential WHERE id = %s", [credential_id])
            env["res.partner"].browse(client_id).unlink()
            user = env["res.users"].browse(user_id)
            partner = user.partner_id
            user.unlink()
            partner.unlink()

        self._committed(remove)

    def test_two_transactions_revealing_one_credential_both_commit(self):
        with vault_keys(new_vault_key()):
            client_id, credential_id, user_id = self._committed(self._create_credential)
            self.addCleanup(self._remove, client_id, credential_id, user_id)
            first, second = self.registry.cursor(), self.registry.cursor()
            try:
                # Two users: one user's reveals go one at a time (see TestVaultConcurrentReveals).
                envs = [
                    api.Environment(cr, uid, {}) for cr, uid in ((first, SUPERUSER_ID), (second, user_id))
                ]
                for env in envs:
                    # Both snapshots are taken before either reveal; a lock wait would fail, not hang.
                    env.cr.execute("SET LOCAL lock_timeout = '3s'")
                    env["res.partner.credential"].browse(credential_id).name  # noqa: B018
                for env in envs:
                    self.assertEqual(
                        env["res.partner.credential"].browse(credential_id).reveal_secret(), SECRET
                    )
                    env.flush_all()
                first.commit()
                second.commit()
            finally:
                first.close()
                second.close()

        def counts(env):
            credential = env["res.partner.credential"].browse(credential_id)
            logs = env["res.partner.credential.log"].search(
                [("credential_id", "=", credential_id), ("action", "=", "reveal")]
            )
            return len(logs), credential.reveal_count, bool(credential.last_revealed_on)

        self.assertEqual(self._committed(counts), (2, 2, True), "one audit row per reveal, both counted")
