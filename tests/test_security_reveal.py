from unittest.mock import patch

from odoo.addons.client_hub.models.res_partner_credential import ResPartnerCredential
from odoo.tests import tagged

from .common import SecurityCase

CREDENTIAL = "res.partner.credential"


@tagged("post_install", "-at_install", "security")
class TestSecurityReveal(SecurityCase):
    """Attacks 7 and 9 of issue #15: a rolled back reveal stays in the log; reveals are limited."""

    def test_reveal_of_a_rolled_back_request_stays_in_the_log(self):
        reveal = ResPartnerCredential.reveal_secret

        def reveal_then_fail(credential):
            reveal(credential)
            credential._check_vault_fields({"has_secret": True})  # any UserError after the reveal

        with patch.object(ResPartnerCredential, "reveal_secret", reveal_then_fail):
            self.assertRefused("credentials", CREDENTIAL, "action_reveal_secret", [self.allowed.ids])
        rows = self.log_rows(self.allowed, "reveal")
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows.user_id, self.users["credentials"])

    def test_reveal_limit_refuses_logs_and_tells_the_managers(self):
        self.env["ir.config_parameter"].set_param("client_hub.vault_reveal_limit", "3")
        for _attempt in range(3):
            result, error = self.call_kw("credentials", CREDENTIAL, "reveal_secret", [self.allowed.ids])
            self.assertEqual(result, "allowed-secret-value", error)
        for _attempt in range(2):
            message = self.assertRefused(
                "credentials",
                CREDENTIAL,
                "reveal_secret",
                [self.allowed.ids],
                error="odoo.exceptions.UserError",
            )
            self.assertIn("try again later", message)
        self.assertEqual(len(self.log_rows(self.allowed, "reveal")), 3)
        self.assertEqual(len(self.log_rows(self.allowed, "throttled")), 2)
        self.env.invalidate_all()
        notes = self.allowed.message_ids.filtered(lambda message: "was refused" in str(message.body))
        self.assertEqual(len(notes), 1, "the managers are told once per window")
        self.assertIn(self.users["manager"].partner_id, notes.partner_ids)
        # Another user still reveals: the limit is per user.
        result, _error = self.call_kw("manager", CREDENTIAL, "reveal_secret", [self.allowed.ids])
        self.assertEqual(result, "allowed-secret-value")

    def test_default_limit_is_30_in_10_minutes(self):
        self.assertEqual(self.env[CREDENTIAL]._reveal_limit(), (30, 10))

    def test_denied_reveal_over_rpc_is_logged_despite_the_rollback(self):
        """A reveal refused over JSON-RPC rolls the request back, its audit row stays."""
        result, failure = self.call_kw("credentials", CREDENTIAL, "reveal_secret", [self.forbidden.ids])
        self.assertEqual(failure.get("name"), "odoo.exceptions.AccessError")
        self.assertNotIn("forbidden-secret-value", f"{result!r} {failure!r}")
        denied = self.log_rows(self.forbidden, "denied")
        self.assertEqual(len(denied), 1)
        self.assertEqual(denied.user_id, self.users["credentials"])
        self.assertTrue(denied.remote_address)
