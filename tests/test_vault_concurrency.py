import threading
from unittest.mock import patch

import requests

from odoo import SUPERUSER_ID, api, fields
from odoo.orm.registry import DummyRLock, Registry
from odoo.tests import HOST, new_test_user, tagged
from odoo.tests.common import HttpCase, TransactionCase, get_db_name

from .common import new_vault_key, vault_keys

SECRET = "concurrent-reveal-secret"
MANY_SECRET = "many-reveals-secret"
LIMIT = 30
THREADS = 12
REVEALS_PER_THREAD = 5


class CommittedVaultCase(TransactionCase):
    """Concurrent transactions see only what is committed: these tests commit a client, a credential
    user and its credential in transactions of their own, and remove them after."""

    def _committed(self, function):
        """Run `function(env)` in a transaction of its own and commit it (other transactions and the
        server's requests see it)."""
        with self.registry.cursor() as cr:
            return function(api.Environment(cr, SUPERUSER_ID, {}))

    @staticmethod
    def _create_credential(env, login, client_name, secret=SECRET, name="Shared hosting"):
        """A client (the factories of tests/common.py work in the test's transaction, not in `env`),
        a credential user and a credential the user may reveal: (user, client, credential) ids."""
        client = env["res.partner"].create(
            {
                "name": client_name,
                "is_company": True,
                "client_status_id": env.ref("client_hub.client_status_active").id,
            }
        )
        user = new_test_user(env, login=login, groups="client_hub.group_client_hub_credentials")
        credential = env["res.partner.credential"].create(
            {"partner_id": client.id, "name": name, "secret": secret, "user_ids": [(6, 0, user.ids)]}
        )
        return user.id, client.id, credential.id

    @staticmethod
    def _remove(env, user_id, client_id, credential_id):
        for sql in (
            "DELETE FROM res_partner_credential_log WHERE credential_id = %s",
            "DELETE FROM mail_message WHERE model = 'res.partner.credential' AND res_id = %s",
            "DELETE FROM res_partner_credential WHERE id = %s",
        ):
            env.cr.execute(sql, [credential_id])
        env["res.partner"].browse(client_id).unlink()
        env.cr.execute("DELETE FROM res_users_apikeys WHERE user_id = %s", [user_id])
        user = env["res.users"].browse(user_id)
        partner = user.partner_id
        user.unlink()
        partner.unlink()


@tagged("post_install", "-at_install")
class TestVaultConcurrency(CommittedVaultCase):
    """Two users revealing one credential at the same moment: each reveal only inserts its log row,
    so neither transaction waits for the other or fails to serialize."""

    def test_two_transactions_revealing_one_credential_both_commit(self):
        with vault_keys(new_vault_key()):
            user_id, client_id, credential_id = self._committed(
                lambda env: self._create_credential(env, "ch_concurrent_reveal", "Concurrent Reveal Client")
            )
            self.addCleanup(self._committed, lambda env: self._remove(env, user_id, client_id, credential_id))
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


@tagged("post_install", "-at_install")
class TestVaultConcurrentReveals(CommittedVaultCase):
    """12 clients of one user reveal at the same moment, 5 times each, through Odoo's own HTTP server
    (JSON-2, an API key): each request is a real transaction that commits, as in production. The
    limit holds (the check and the count are one step per user), no request fails with a server
    error, and every served reveal and every refused one has exactly one audit row."""

    def setUp(self):
        super().setUp()
        # The server's main thread holds the registry lock while it runs the tests: the requests
        # need the registry (HttpCase lifts the lock the same way).
        self.startPatcher(patch.object(Registry, "_lock", DummyRLock()))

    def _prepare(self, env):
        user_id, client_id, credential_id = self._create_credential(
            env, "ch_many_reveals", "Many Reveals Client", MANY_SECRET, "Busy hosting"
        )
        key = (
            env["res.users.apikeys"]
            .with_user(env["res.users"].browse(user_id))
            ._generate(None, "concurrent reveals", fields.Datetime.add(fields.Datetime.now(), days=1))
        )
        limit = env["ir.config_parameter"].get_param("client_hub.vault_reveal_limit")
        env["ir.config_parameter"].set_param("client_hub.vault_reveal_limit", str(LIMIT))
        return user_id, client_id, credential_id, key, limit

    def _restore(self, env, user_id, client_id, credential_id, limit):
        env["ir.config_parameter"].set_param("client_hub.vault_reveal_limit", limit or False)
        self._remove(env, user_id, client_id, credential_id)

    def _reveal_many(self, key, credential_id):
        """Every thread's answers: (HTTP status, result or error name)."""
        url = f"http://{HOST}:{HttpCase.http_port()}"
        answers, lock = [], threading.Lock()
        start = threading.Barrier(THREADS)

        def client():
            with requests.Session() as session:
                start.wait(timeout=60)
                for _reveal in range(REVEALS_PER_THREAD):
                    response = session.post(
                        f"{url}/json/2/res.partner.credential/reveal_secret",
                        json={"ids": [credential_id]},
                        headers={"Authorization": f"Bearer {key}", "X-Odoo-Database": get_db_name()},
                        timeout=120,
                    )
                    body = response.json()
                    answer = body if response.status_code == 200 else body.get("name")
                    with lock:
                        answers.append((response.status_code, answer))

        threads = [threading.Thread(target=client) for _thread in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        return answers

    def test_twelve_clients_revealing_at_once_keep_the_limit_and_the_log(self):
        with vault_keys(new_vault_key()):
            user_id, client_id, credential_id, key, limit = self._committed(self._prepare)
            self.addCleanup(
                self._committed, lambda env: self._restore(env, user_id, client_id, credential_id, limit)
            )
            answers = self._reveal_many(key, credential_id)

        self.assertEqual(len(answers), THREADS * REVEALS_PER_THREAD, "every request was answered")
        server_errors = [answer for answer in answers if answer[0] >= 500]
        self.assertFalse(server_errors, "no request ends in a server error")
        served = [answer for answer in answers if answer == (200, MANY_SECRET)]
        refused = [answer for answer in answers if answer[1] == "odoo.exceptions.UserError"]
        self.assertEqual(len(served), LIMIT, "exactly the limit is served, never more")
        self.assertEqual(len(refused), THREADS * REVEALS_PER_THREAD - LIMIT, answers)

        def log_counts(env):
            env.cr.execute(
                "SELECT action, count(*) FROM res_partner_credential_log"
                " WHERE credential_id = %s AND user_id = %s GROUP BY action",
                [credential_id, user_id],
            )
            return dict(env.cr.fetchall())

        counts = self._committed(log_counts)
        self.assertEqual(counts.get("reveal"), len(served), "one audit row per served reveal")
        self.assertEqual(counts.get("throttled"), len(refused), "one audit row per refused reveal")
