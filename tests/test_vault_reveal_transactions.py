from odoo import api
from odoo.tests import tagged

from .common import new_vault_key, vault_keys
from .test_vault_concurrency import SECRET, CommittedVaultCase


@tagged("post_install", "-at_install")
class TestVaultRevealTransactions(CommittedVaultCase):
    """A reveal commits its own audit only: the caller's transaction is neither committed nor kept
    holding the user's reveal lock (a script, a scheduled action: no request)."""

    def setUp(self):
        super().setUp()
        self.enterContext(vault_keys(new_vault_key()))
        ids = self._committed(lambda env: self._create_credential(env, "ch_reveal_tx", "Reveal Tx Client"))
        self.user_id, self.client_id, self.credential_id = ids
        self.addCleanup(self._committed, lambda env: self._remove(env, *ids))

    def _reveal_rows(self, env):
        return env["res.partner.credential.log"].search_count(
            [("credential_id", "=", self.credential_id), ("action", "=", "reveal")]
        )

    def test_a_reveal_does_not_commit_the_callers_unfinished_write(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.user_id, {})
            client = env["res.partner"].sudo().browse(self.client_id)
            client.comment = "unfinished work"
            env.flush_all()
            self.assertEqual(env["res.partner.credential"].browse(self.credential_id).reveal_secret(), SECRET)
            cr.rollback()
        comment = self._committed(lambda env: env["res.partner"].browse(self.client_id).comment)
        self.assertFalse(comment, "the caller's write was rolled back, not committed by the reveal")
        self.assertEqual(self._committed(self._reveal_rows), 1, "the audit row outlived the rollback")

    def test_a_script_revealing_in_two_open_transactions_does_not_wait_on_itself(self):
        first, second = self.registry.cursor(), self.registry.cursor()
        try:
            for cr in (first, second):
                # Before, the first transaction held the user's lock until it ended: the second
                # reveal waited for ever. A wait now fails after 3 s instead of hanging the suite.
                cr.execute("SET lock_timeout = '3s'")
                env = api.Environment(cr, self.user_id, {})
                self.assertEqual(
                    env["res.partner.credential"].browse(self.credential_id).reveal_secret(), SECRET
                )
            cr.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")
            self.assertEqual(cr.fetchone()[0], 0, "no reveal lock kept by the caller's transaction")
            first.rollback()
            second.rollback()
        finally:
            first.close()
            second.close()
        self.assertEqual(self._committed(self._reveal_rows), 2)
