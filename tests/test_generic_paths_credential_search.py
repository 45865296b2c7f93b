"""A credential's allowed users (`user_ids`, who may reveal its secret) are internal users: the
client's portal user with the vault right reads its client's credentials but not them (reading the
field gives an empty list, Odoo's rules on res.users). A many2many search `user_ids in [ids]` runs in
sudo: it must not tell the portal user which employees may reveal its client's secrets."""

from odoo.tests import tagged

from .common import SecurityCase


@tagged("post_install", "-at_install", "security")
class TestCredentialAllowedUsersSearchOracle(SecurityCase):
    def test_a_portal_user_does_not_find_who_may_reveal_its_clients_secrets(self):
        allowed = self.users["credentials"]
        # The portal user reads the credential, not its allowed users.
        read, error = self.call_kw(
            "portal", "res.partner.credential", "read", [self.allowed.ids, ["user_ids"]]
        )
        self.assertFalse(error, error)
        self.assertEqual(read[0]["user_ids"], [])
        for condition in (("user_ids", "in", allowed.ids), ("user_ids", "=", allowed.id)):
            with self.subTest(condition=condition):
                found, error = self.call_kw(
                    "portal", "res.partner.credential", "search", [[("id", "=", self.allowed.id), condition]]
                )
                self.assertNotIn(
                    self.allowed.id,
                    found or [],
                    f"{condition} tells the portal user which employee may reveal its client's secret",
                )
