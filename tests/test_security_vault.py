from odoo.tests import tagged

from .common import SecurityCase, new_vault_key, vault_keys

CREDENTIAL = "res.partner.credential"
NOT_MANAGERS = ("public", "portal", "portal_other", "internal", "user", "credentials")


@tagged("post_install", "-at_install", "security")
class TestSecurityVault(SecurityCase):
    """Attacks 1 and 4 of issue #15: self-granted reveals, rewritten bookkeeping, tampered rotation."""

    def test_credentials_user_cannot_grant_itself_a_reveal(self):
        uid = self.users["credentials"].id
        before = self.snapshot(self.forbidden)
        self.assertRefused("credentials", CREDENTIAL, "write", [self.forbidden.ids, {"user_ids": [(4, uid)]}])
        self.assertRefused("credentials", CREDENTIAL, "reveal_secret", [self.forbidden.ids])
        self.assertRefused(
            "credentials",
            CREDENTIAL,
            "write",
            [self.forbidden.ids, {"reveal_count": 0, "last_revealed_on": False}],
            {"context": {"tracking_disable": True}},
        )
        self.assertEqual(self.snapshot(self.forbidden), before)
        self.assertEqual(len(self.log_rows(self.forbidden, "denied")), 1, "the refused reveal is in the log")

    def test_credentials_user_cannot_change_who_may_reveal_its_own_credential(self):
        before = self.snapshot(self.allowed)
        manager = self.users["manager"].id
        message = self.assertRefused(
            "credentials", CREDENTIAL, "write", [self.allowed.ids, {"user_ids": [(4, manager)]}]
        )
        self.assertIn("Only Client Hub managers", message)
        self.assertRefused("credentials", CREDENTIAL, "write", [self.allowed.ids, {"user_ids": [(5, 0, 0)]}])
        self.assertEqual(self.snapshot(self.allowed), before)

    def test_manager_changes_who_may_reveal_and_it_is_logged(self):
        _result, error = self.call_kw(
            "manager",
            CREDENTIAL,
            "write",
            [self.forbidden.ids, {"user_ids": [(4, self.users["credentials"].id)]}],
            {"context": {"tracking_disable": True}},
        )
        self.assertFalse(error)
        self.assertEqual(self.forbidden.user_ids, self.users["credentials"])
        self.assertEqual(self.log_rows(self.forbidden, "update").mapped("note"), ["user_ids"])

    def test_credentials_user_cannot_overwrite_a_secret_it_may_not_reveal(self):
        before = self.snapshot(self.forbidden)
        self.assertRefused(
            "credentials", CREDENTIAL, "write", [self.forbidden.ids, {"secret": "overwritten"}]
        )
        self.assertEqual(self.snapshot(self.forbidden), before)
        self.assertEqual(self.forbidden.reveal_secret(), "forbidden-secret-value")

    def test_bookkeeping_fields_are_written_by_the_vault_only(self):
        for role in ("credentials", "manager"):
            for field, value in {
                "has_secret": False,
                "secret_changed_on": "2001-01-01 00:00:00",
                "reveal_count": 0,
                "last_revealed_on": False,
                "secret_key_id": "forged",
                "secret_ciphertext": "forged",
                "log_ids": [(5, 0, 0)],
            }.items():
                with self.subTest(role=role, field=field):
                    before = self.snapshot(self.allowed)
                    self.assertRefused(role, CREDENTIAL, "write", [self.allowed.ids, {field: value}])
                    self.assertRefused(
                        role,
                        CREDENTIAL,
                        "create",
                        [{"partner_id": self.client.id, "name": "Forged", "secret": "x", field: value}],
                    )
                    self.assertEqual(self.snapshot(self.allowed), before)
        self.assertFalse(self.env[CREDENTIAL].search([("name", "=", "Forged")]))

    def test_mass_assignment_of_every_field_is_refused_to_every_other_role(self):
        values = self.mass_assignment_values(CREDENTIAL)
        before = self.snapshot(self.allowed + self.forbidden)
        for role in NOT_MANAGERS:
            for field, value in values.items():
                with self.subTest(role=role, field=field):
                    self.assertRefused(role, CREDENTIAL, "write", [self.forbidden.ids, {field: value}])
                    if role != "credentials":
                        self.assertRefused(role, CREDENTIAL, "write", [self.allowed.ids, {field: value}])
        self.assertEqual(self.snapshot(self.allowed + self.forbidden), before)

    def test_every_change_of_an_allowed_user_is_logged_or_refused(self):
        """Whatever the context says: the audit log does not depend on tracking."""
        values = self.mass_assignment_values(CREDENTIAL, skip=("message_follower_ids", "message_ids"))
        values.update(secret="new-secret", port=2222, url="https://forged.example.com", active=False)
        for field, value in values.items():
            with self.subTest(field=field):
                updates = len(self.log_rows(self.allowed, "update"))
                before = self.snapshot(self.allowed)
                _result, error = self.call_kw(
                    "credentials",
                    CREDENTIAL,
                    "write",
                    [self.allowed.ids, {field: value}],
                    {"context": {"tracking_disable": True, "mail_notrack": True}},
                )
                if error:
                    self.assertEqual(self.snapshot(self.allowed), before)
                else:
                    self.assertEqual(len(self.log_rows(self.allowed, "update")), updates + 1, field)

    def test_rotation_selects_what_is_stored(self):
        # A flag emptied behind the vault's back (an older version let users write it).
        self.env.cr.execute(
            "UPDATE res_partner_credential SET has_secret = FALSE WHERE id = %s", self.allowed.ids
        )
        self.env.invalidate_all()
        new_key = new_vault_key()
        with vault_keys(new_key, self.key):
            _result, error = self.call_kw("manager", CREDENTIAL, "action_rotate_vault_keys", [])
            self.assertFalse(error)
        with vault_keys(new_key):  # the old key retired
            self.assertEqual(self.allowed.reveal_secret(), "allowed-secret-value")
