from odoo.exceptions import AccessError
from odoo.tests import Form

from .common import VaultCase


class TestVaultAccess(VaultCase):
    def test_allowed_user_reveals_and_it_is_logged(self):
        credential = self._credential(secret="ftp-pass-1")
        self.assertEqual(credential.with_user(self.user_allowed).reveal_secret(), "ftp-pass-1")
        log = self._logs(credential, "reveal")
        self.assertEqual(log.user_id, self.user_allowed)
        self.assertEqual(credential.reveal_count, 1)
        self.assertTrue(credential.last_revealed_on)

    def test_user_not_listed_is_denied_and_logged(self):
        credential = self._credential()
        as_other = credential.with_user(self.user_not_listed)
        self.assertEqual(as_other.name, "Client FTP", "the Credentials group sees the metadata")
        # Not self.assertRaises: it rolls back to a savepoint, which would drop the log row too.
        # (In a request the row is committed before the refusal is raised: see test_security_reveal.py,
        # test_denied_reveal_over_rpc_is_logged_despite_the_rollback.)
        with self.assertRaisesRegex(AccessError, "not allowed to reveal"):
            try:
                as_other.reveal_secret()
            finally:
                denied = self._logs(credential, "denied")
        self.assertEqual(denied.user_id, self.user_not_listed)
        self.assertFalse(self._logs(credential, "reveal"))
        self.assertEqual(credential.reveal_count, 0)

    def test_manager_reveals_anything(self):
        credential = self._credential(secret="only-for-managers", user_ids=[])
        self.assertEqual(credential.with_user(self.user_manager).reveal_secret(), "only-for-managers")

    def test_users_without_the_group_see_nothing(self):
        credential = self._credential()
        for user in (self.user_internal, self.user_client_hub):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    credential.with_user(user).read(["name"])
                with self.assertRaises(AccessError):
                    self.env["res.partner.credential"].with_user(user).search([])

    def test_reveal_button_returns_a_dialog_action(self):
        credential = self._credential(secret="dialog-secret")
        action = credential.with_user(self.user_allowed).action_reveal_secret()
        self.assertEqual(action["tag"], "client_hub.reveal_secret")
        self.assertEqual(action["params"]["secret"], "dialog-secret")

    def test_audit_log_cannot_be_changed(self):
        credential = self._credential()
        log = self._logs(credential, "create")
        self.assertEqual(len(log), 1)
        for user in (self.user_manager, self.env.ref("base.user_admin")):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    log.with_user(user).write({"note": "edited"})
                with self.assertRaises(AccessError):
                    log.with_user(user).unlink()
                with self.assertRaises(AccessError):
                    self.env["res.partner.credential.log"].with_user(user).create({"action": "reveal"})

    def test_credentials_user_reads_the_log_of_allowed_credentials_only(self):
        mine = self._credential(name="Mine")
        theirs = self._credential(name="Theirs", user_ids=[])
        visible = self.env["res.partner.credential.log"].with_user(self.user_allowed).search([])
        self.assertIn(mine, visible.credential_id)
        self.assertNotIn(theirs, visible.credential_id)

    def test_partner_counts_its_credentials(self):
        self._credential()
        self._credential(name="Second")
        self.assertEqual(self.client.with_user(self.user_allowed).credential_count, 2)

    def test_form_lets_only_managers_change_the_allowed_users(self):
        credential = self._credential()
        form = Form(credential.with_user(self.user_allowed))
        with self.assertRaises(AssertionError):
            form.user_ids.add(self.user_not_listed)
        form.note = "Changed by an allowed user"
        form.save()
        self.assertEqual(credential.note, "Changed by an allowed user")
        self.assertEqual(credential.user_ids, self.user_allowed)
        form = Form(credential.with_user(self.user_manager))
        form.user_ids.add(self.user_not_listed)
        form.save()
        self.assertEqual(credential.user_ids, self.user_allowed + self.user_not_listed)

    def test_reveal_button_shows_only_to_who_may_reveal(self):
        credential = self._credential()
        self.assertTrue(credential.with_user(self.user_allowed).can_reveal)
        self.assertFalse(credential.with_user(self.user_not_listed).can_reveal)
        self.assertTrue(credential.with_user(self.user_manager).can_reveal)
        form = credential.with_user(self.user_not_listed).get_views([(False, "form")])["views"]["form"][
            "arch"
        ]
        self.assertRegex(form, r'name="action_reveal_secret"[^>]*invisible="[^"]*not can_reveal')
