from odoo.tests import tagged

from .common import CSRF, SecurityCase

GRANT = "res.partner.vault.grant"
WEAKER = ("portal", "internal", "user", "credentials")


@tagged("post_install", "-at_install", "security")
class TestSecurityVaultGrant(SecurityCase):
    """Odoo's generic machinery against the portal vault right, over HTTP as every weaker role: no
    path but a manager's grant gives it (docs/security.md, "Odoo's generic machinery")."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls._create_contact(cls.client, "Generic Contact", email="generic@example.com")

    def _portal_wizard_line(self, user):
        """The contact's line of Odoo's portal wizard, opened by `user` on the contact."""
        wizard = (
            self.env["portal.wizard"]
            .with_user(user)
            .with_context(active_ids=self.contact.ids, active_model="res.partner")
            .create({})
        )
        return wizard.user_ids.filtered(lambda line: line.partner_id == self.contact)

    def _grants(self, partner):
        return self.env[GRANT].with_context(active_test=False).search([("partner_id", "=", partner.id)])

    def test_a_personal_default_gives_no_right(self):
        for role in ("internal", "user", "credentials"):
            with self.subTest(role=role):
                self.call_kw(
                    role,
                    "ir.default",
                    "set",
                    ["res.partner", "client_hub_vault_grant_ids", [[0, 0, {}]], True],
                )
                created, failure = self.call_kw(
                    role,
                    "res.partner",
                    "create",
                    [{"name": f"Defaulted {role}", "parent_id": self.client.id}],
                )
                self.assertFalse(created and self._grants(self.env["res.partner"].browse(created)), failure)
        self.assertFalse(self.env[GRANT].search([("partner_id.name", "like", "Defaulted")]))

    def test_a_personal_default_marks_no_rating_as_surveyed(self):
        for role in ("user", "credentials"):
            with self.subTest(role=role):
                self.call_kw(role, "ir.default", "set", ["rating.rating", "survey_sent", True, True])
                rating_id, failure = self.call_kw(
                    role,
                    "rating.rating",
                    "create",
                    [{"client_id": self.client.id, "rating": 4, "channel": "phone"}],
                )
                self.assertTrue(rating_id, failure)
                self.assertFalse(self.env["rating.rating"].browse(rating_id).survey_sent)

    def test_import_creates_no_grant(self):
        for role in ("internal", "user", "credentials"):
            with self.subTest(role=role):
                result, failure = self.call_kw(
                    role, GRANT, "load", [["partner_id/.id"], [[str(self.contact.id)]]]
                )
                self.assertFalse(result and result.get("ids"), failure)
                result, failure = self.call_kw(
                    role,
                    "res.partner",
                    "load",
                    [
                        ["name", "parent_id/.id", "client_hub_vault_grant_ids/partner_id/.id"],
                        [["Imported", str(self.client.id), str(self.contact.id)]],
                    ],
                )
                self.assertFalse(result and result.get("ids"), failure)
        self.assertFalse(self._grants(self.contact))

    def test_copy_and_json2_give_no_right(self):
        person = self.users["portal"].partner_id
        for role in ("user", "credentials"):
            with self.subTest(role=role):
                copied, _failure = self.call_kw(role, "res.partner", "copy", [person.ids])
                if copied:
                    self.assertFalse(self._grants(self.env["res.partner"].browse(copied[0])))
                self.assertRefused2(role, GRANT, "create", vals_list=[{"partner_id": self.contact.id}])
                self.assertRefused2(
                    role,
                    "res.partner",
                    "write",
                    ids=self.contact.ids,
                    vals={"client_hub_vault_grant_ids": [[0, 0, {"partner_id": self.contact.id}]]},
                )
        self.assertFalse(self._grants(self.contact))

    def test_server_actions_are_not_for_weaker_roles(self):
        for role in ("internal", "user", "credentials"):
            with self.subTest(role=role):
                self.assertRefused(
                    role,
                    "ir.actions.server",
                    "create",
                    [
                        {
                            "name": "Grant",
                            "model_id": self.env["ir.model"]._get_id(GRANT),
                            "state": "code",
                            "code": f"model.create({{'partner_id': {self.contact.id}}})",
                        }
                    ],
                )

    def test_message_post_writes_no_grant(self):
        for role in ("user", "credentials"):
            with self.subTest(role=role):
                self.call_kw(
                    role,
                    "res.partner",
                    "message_post",
                    [self.contact.ids],
                    {"body": "hello", "message_type": "comment", "subtype_xmlid": "mail.mt_comment"},
                )
        self.assertFalse(self._grants(self.contact))

    def test_no_weaker_role_gets_a_signup_link_of_a_vault_contact(self):
        self.env["ir.config_parameter"].sudo().set_param("auth_signup.invitation_scope", "b2c")
        self.contact._client_hub_grant_vault()
        for role in ("internal", "user", "credentials"):
            with self.subTest(role=role):
                self.assertRefused(role, "res.partner", "signup_get_auth_param", [self.contact.ids])
                self.assertRefused2(role, "res.partner", "signup_get_auth_param", ids=self.contact.ids)

    def test_a_login_made_by_signup_after_a_revoked_login_opens_nothing(self):
        """A manager gave the right and the login, then revoked the login (Odoo's portal wizard): no
        weaker role gets a signup link, and an anonymous signup with one a manager made gives no
        login that opens the credentials (here: none at all; test_vault_grant covers a signup that
        makes one)."""
        self.env["ir.config_parameter"].sudo().set_param("auth_signup.invitation_scope", "b2c")
        login = self._create_user(
            "ch_sec_signed", "base.group_portal", password="ch_sec_signed_pw", partner_id=self.contact.id
        )
        grant = self.contact._client_hub_grant_vault()
        self.assertEqual(grant.user_id, login)
        portal_manager = self._create_user(
            "ch_sec_pm3", "client_hub.group_client_hub_manager,base.group_partner_manager"
        )
        self._portal_wizard_line(portal_manager).action_revoke_access()
        self.assertFalse(grant.user_id)
        self.assertRefused("user", "res.partner", "signup_get_auth_param", [self.contact.ids])
        token = self.contact.with_user(self.users["manager"]).signup_get_auth_param()[self.contact.id][
            "auth_signup_token"
        ]
        self.authenticate(None, None)
        self.role = None
        page = self.url_open(f"/web/signup?token={token}")
        csrf = CSRF.search(page.text).group(1)
        self.url_open(
            "/web/signup",
            data={
                "csrf_token": csrf,
                "token": token,
                # The contact's own e-mail: another one would change a vault contact's e-mail,
                # which only managers do (the signup is refused then).
                "login": "generic@example.com",
                "name": "Generic Contact",
                "password": "ch_sec_new_login_pw",
                "confirm_password": "ch_sec_new_login_pw",
            },
        )
        # Odoo's signup copies the template user onto the contact, taking it out of its client: the
        # identity guard of vault contacts refuses that to the anonymous visitor. No login, no right.
        self.assertFalse(self.env["res.users"].search([("login", "=", "generic@example.com")]))
        self.assertEqual(self.contact.parent_id, self.client)
        self.assertFalse(grant.user_id)
        self.assertFalse(self.contact.with_context(active_test=True).user_ids)

    def test_a_managers_portal_wizard_binds_the_login(self):
        grant = self.contact._client_hub_grant_vault()
        self.assertFalse(grant.user_id)
        partner_manager = self._create_user(
            "ch_sec_pm2", "client_hub.group_client_hub_manager,base.group_partner_manager"
        )
        self._portal_wizard_line(partner_manager).action_grant_access()
        self.assertTrue(grant.user_id)
        self.assertEqual(grant.user_id.partner_id, self.contact)
