"""The reveal audit log is dated by the server, never by the revealing user: its dates are the
trail a manager reads and the base of the reveal limit. A user's personal defaults (ir.default,
which any internal user sets for himself on any field) reach the log rows the vault creates in
sudo under his uid."""

from odoo import fields
from odoo.tests import tagged

from .common import SecurityCase

CREDENTIAL = "res.partner.credential"


@tagged("post_install", "-at_install", "security")
class TestRevealLogDatedByTheServer(SecurityCase):
    def _personal_default_date(self, role):
        _result, error = self.call_kw(
            role, "ir.default", "set", ["res.partner.credential.log", "date", "2000-01-01 00:00:00", True]
        )
        self.assertFalse(error, error)

    def test_a_personal_default_does_not_backdate_a_reveal(self):
        """A Credentials user sets a personal default on res.partner.credential.log.date (2000-01-01)
        over JSON-RPC, then reveals a secret it is allowed: the audit row must carry the time of the
        reveal, not the user's chosen date."""
        self._personal_default_date("credentials")
        before = fields.Datetime.now().replace(microsecond=0)
        result, error = self.call_kw("credentials", CREDENTIAL, "reveal_secret", [self.allowed.ids])
        self.assertEqual(result, "allowed-secret-value", error)
        row = self.log_rows(self.allowed, "reveal")
        self.assertEqual(len(row), 1)
        self.assertGreaterEqual(row.date, before, "the reveal was logged with a date the user chose")

    def test_a_personal_default_does_not_lift_the_reveal_limit(self):
        """With the limit at 3 reveals per window, the same default dates every reveal outside the
        window, so the limit never counts them: the fourth reveal must still be refused."""
        self.env["ir.config_parameter"].set_param("client_hub.vault_reveal_limit", "3")
        self._personal_default_date("credentials")
        for _attempt in range(3):
            result, error = self.call_kw("credentials", CREDENTIAL, "reveal_secret", [self.allowed.ids])
            self.assertEqual(result, "allowed-secret-value", error)
        result, _error = self.call_kw("credentials", CREDENTIAL, "reveal_secret", [self.allowed.ids])
        self.assertNotEqual(result, "allowed-secret-value", "a personal default lifted the reveal limit")
