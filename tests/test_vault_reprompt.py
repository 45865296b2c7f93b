import time

import odoo
from odoo.tests import tagged

from .common import SecurityCase

CREDENTIAL = "res.partner.credential"


@tagged("post_install", "-at_install")
class TestVaultReprompt(SecurityCase):
    """A credential marked *Ask for the Password* is revealed only after Odoo's identity check of the
    last 10 minutes: through the Reveal button's identity-check dialog, never around it by RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.allowed.reveal_reprompt = True

    def _reveal_rows(self):
        return self.log_rows(self.allowed, "reveal")

    def _identity_checked(self, seconds_ago):
        self.session["identity-check-last"] = time.time() - seconds_ago
        odoo.http.root.session_store.save(self.session)

    def test_rpc_reveal_without_a_recent_check_is_refused(self):
        message = self.assertRefused(
            "credentials", CREDENTIAL, "reveal_secret", [self.allowed.ids], error="odoo.exceptions.UserError"
        )
        self.assertIn("asks for your password", message)
        self.assertFalse(self._reveal_rows())
        self.assertTrue(self.log_rows(self.allowed, "denied"))

    def test_the_button_opens_the_identity_check(self):
        action, failure = self.call_kw("credentials", CREDENTIAL, "action_reveal_secret", [self.allowed.ids])
        self.assertFalse(failure)
        self.assertEqual(action["res_model"], "res.users.identitycheck")
        self.assertNotIn("allowed-secret-value", str(action))
        self.assertFalse(self._reveal_rows())

    def test_a_recent_check_reveals_an_old_one_does_not(self):
        self.login("credentials")
        self._identity_checked(seconds_ago=11 * 60)
        self.assertRefused("credentials", CREDENTIAL, "reveal_secret", [self.allowed.ids])
        self._identity_checked(seconds_ago=60)
        action, failure = self.call_kw("credentials", CREDENTIAL, "action_reveal_secret", [self.allowed.ids])
        self.assertFalse(failure)
        self.assertEqual(action["params"]["secret"], "allowed-secret-value")
        self.assertEqual(len(self._reveal_rows()), 1)

    def test_only_managers_switch_it(self):
        self.assertRefused("credentials", CREDENTIAL, "write", [self.allowed.ids, {"reveal_reprompt": False}])
        self.allowed.invalidate_recordset()
        self.assertTrue(self.allowed.reveal_reprompt)
        _result, failure = self.call_kw(
            "manager", CREDENTIAL, "write", [self.allowed.ids, {"reveal_reprompt": False}]
        )
        self.assertFalse(failure)
        self.allowed.invalidate_recordset()
        self.assertFalse(self.allowed.reveal_reprompt)
