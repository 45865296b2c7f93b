from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ClientHubCase, migration_script

GRANT = "res.partner.vault.grant"


@tagged("post_install", "-at_install")
class TestVaultGrant(ClientHubCase):
    """The portal vault right is a manager's grant bound to the contact's portal login."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_client("Grant Client")
        cls.portal = cls._create_client_portal_user("ch_grant_portal", cls.client)
        cls.contact = cls.portal.partner_id

    def _has_vault(self, user):
        return self.env["res.partner"].with_user(user)._client_hub_portal_has_vault()

    def test_manager_grant_binds_the_login_and_opens_the_vault(self):
        self.assertFalse(self._has_vault(self.portal))
        grant = self.contact.with_user(self.user_manager)._client_hub_grant_vault()
        self.assertEqual(grant.user_id, self.portal)
        self.assertEqual(grant.create_uid, self.user_manager)
        self.assertTrue(self._has_vault(self.portal))
        self.assertTrue(self.contact.with_user(self.user_manager).client_hub_vault_granted)
        # Granting again keeps the one grant.
        self.assertEqual(self.contact.with_user(self.user_manager)._client_hub_grant_vault(), grant)

    def test_only_managers_create_grants_even_in_sudo(self):
        for user in (self.user_internal, self.user_client_hub):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env[GRANT].with_user(user).sudo().create({"partner_id": self.contact.id})
        self.assertFalse(self.env[GRANT].search([("partner_id", "=", self.contact.id)]))

    def test_a_personal_default_gives_no_grant(self):
        """ir.default on the contact's grants (a one2many) is refused at create; one on the grant's
        own fields is outweighed by the values the grant sets."""
        Default = self.env["ir.default"].with_user(self.user_client_hub)
        Default.set("res.partner", "client_hub_vault_grant_ids", [(0, 0, {})], user_id=True)
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.user_client_hub).create(
                {"name": "Defaulted", "parent_id": self.client.id}
            )
        other = self._create_client_portal_user("ch_grant_other", self.client)
        self.env["ir.default"].with_user(self.user_manager).set(GRANT, "user_id", other.id, user_id=True)
        self.env["ir.default"].with_user(self.user_manager).set(GRANT, "active", False, user_id=True)
        grant = self.env[GRANT].with_user(self.user_manager).create({"partner_id": self.contact.id})
        self.assertEqual((grant.user_id, grant.active), (self.portal, True))

    def test_a_personal_default_marks_no_rating_as_surveyed(self):
        self.env["ir.default"].with_user(self.user_client_hub).set(
            "rating.rating", "survey_sent", True, user_id=True
        )
        rating = (
            self.env["rating.rating"]
            .with_user(self.user_client_hub)
            .create({"client_id": self.client.id, "rating": 4, "channel": "phone"})
        )
        self.assertFalse(rating.survey_sent)

    def test_a_login_archived_loses_the_right_and_a_new_login_starts_without_it(self):
        grant = self.contact._client_hub_grant_vault()
        self.portal.active = False
        self.assertFalse(grant.user_id, "the grant waits for a login a manager gives")
        self.assertTrue(grant.active)
        self.portal.active = True  # reactivated by anyone: not bound again
        self.assertFalse(self._has_vault(self.portal))
        new_login = self._create_user("ch_grant_new", "base.group_portal", partner_id=self.contact.id)
        self.assertFalse(self._has_vault(new_login))
        self.contact.with_user(self.user_manager)._client_hub_grant_vault()
        self.assertIn(grant.user_id, self.portal | new_login)

    def test_a_login_moved_out_of_the_portal_loses_the_right(self):
        grant = self.contact._client_hub_grant_vault()
        self.portal.group_ids = [
            (3, self.env.ref("base.group_portal").id),
            (4, self.env.ref("base.group_public").id),
        ]
        self.assertFalse(grant.user_id)

    def test_a_login_taken_out_of_the_portal_group_loses_the_right(self):
        """From the group's side (Settings > Groups > Users), where res.users.write does not run."""
        grant = self.contact._client_hub_grant_vault()
        self.env.ref("base.group_portal").write({"user_ids": [(3, self.portal.id)]})
        self.assertFalse(self.portal._is_portal())
        self.assertFalse(grant.user_id)
        self.env.ref("base.group_portal").write({"user_ids": [(4, self.portal.id)]})
        self.assertFalse(self._has_vault(self.portal), "back in the portal by anyone: not bound again")

    def test_signup_links_of_a_vault_contact_are_for_managers(self):
        self.contact._client_hub_grant_vault()
        for user in (self.user_internal, self.user_client_hub):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.contact.with_user(user).signup_get_auth_param()
            with self.assertRaises(AccessError):
                self.contact.with_user(user)._get_signup_url_for_action()
        self.contact.with_user(self.user_manager).signup_get_auth_param()

    def test_a_signup_login_of_a_granted_contact_opens_nothing(self):
        """A manager revoked the login; a signup with a token makes a new one: no right with it."""
        self.env["ir.config_parameter"].sudo().set_param("auth_signup.invitation_scope", "b2c")
        self.contact._client_hub_grant_vault()
        self.portal.active = False
        token = self.contact.with_user(self.user_manager).signup_get_auth_param()[self.contact.id][
            "auth_signup_token"
        ]
        login, _password = (
            self.env["res.users"]
            .sudo()
            .signup({"login": "ch_grant_signup", "password": "ch_grant_signup_pw"}, token)
        )
        user = self.env["res.users"].search([("login", "=", login)])
        self.assertEqual(user.partner_id, self.contact)
        self.assertFalse(self._has_vault(user))

    def test_grants_are_not_copied_edited_nor_kept_on_a_copy(self):
        grant = self.contact._client_hub_grant_vault()
        copy = self.contact.copy()
        self.assertFalse(self.env[GRANT].search([("partner_id", "=", copy.id)]))
        with self.assertRaises(UserError):
            grant.with_user(self.user_manager).copy()
        with self.assertRaises(UserError):
            grant.with_user(self.user_manager).write({"partner_id": copy.id})

    def test_revoking_keeps_who_and_when(self):
        grant = self.contact._client_hub_grant_vault()
        self.contact.with_user(self.user_manager).action_client_hub_revoke_vault()
        self.assertFalse(grant.active)
        self.assertEqual(grant.revoked_by_id, self.user_manager)
        self.assertTrue(grant.revoked_on)
        self.assertFalse(self._has_vault(self.portal))
        self.portal.active = False
        self.assertEqual(grant.user_id, self.portal, "a revoked grant keeps the login it opened")
        with self.assertRaises(AccessError):
            self.contact.with_user(self.user_client_hub).action_client_hub_revoke_vault()


@tagged("post_install", "-at_install")
class TestVaultGrantMigration(ClientHubCase):
    """Updating from 19.0.1.5.0: every contact with the old flag keeps the right (a grant, bound to
    its portal login when it has one); nobody else gets one; the portal rule reads the grants."""

    def test_every_flagged_contact_gets_a_grant(self):
        client = self._create_client("Migrated Client")
        with_login = self._create_client_portal_user("ch_mig_portal", client).partner_id
        without_login = self._create_contact(client, "Migrated Without Login")
        not_flagged = self._create_contact(client, "Migrated Not Flagged")
        cr = self.env.cr
        self.env.flush_all()
        cr.execute("ALTER TABLE res_partner ADD COLUMN client_hub_vault_access boolean")
        cr.execute(
            "UPDATE res_partner SET client_hub_vault_access = TRUE WHERE id IN %s",
            [(with_login.id, without_login.id)],
        )
        before = self.env[GRANT].with_context(active_test=False).search([])
        rule = self.env.ref("client_hub.res_partner_credential_rule_portal")
        rule.domain_force = "[(1, '=', 1)]"
        migration_script("19.0.1.6.0", "post-vault-grants").migrate(cr, "19.0.1.5.0")
        self.env.invalidate_all()
        grants = self.env[GRANT].with_context(active_test=False).search([]) - before
        self.assertEqual(grants.partner_id, with_login | without_login)
        self.assertNotIn(not_flagged, grants.partner_id)
        self.assertEqual(grants.filtered(lambda g: g.partner_id == with_login).user_id, with_login.user_ids)
        self.assertFalse(grants.filtered(lambda g: g.partner_id == without_login).user_id)
        self.assertIn("client_hub_vault_grant_ids", rule.domain_force)
        self.assertTrue(self.env["res.partner"].with_user(with_login.user_ids)._client_hub_portal_has_vault())
