"""A contact with the portal vault right gets a portal login from Client Hub managers only: the
portal wizard checks it (wizards/portal_wizard_user.py), Odoo's sign-up by invitation token must
not be a way around it."""

from odoo.tests import tagged

from .common import CSRF, SecurityCase


@tagged("post_install", "-at_install", "security")
class TestSignupTokenOpensNoVault(SecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A manager gave the right to the client's IT contact, who has no login yet.
        cls.flagged = cls._create_contact(cls.client, "Ivan IT", email="ivan.it@client.example.com")
        cls.flagged._client_hub_grant_vault()
        # Open sign-up, as a shop selling online sets it.
        cls.env["ir.config_parameter"].sudo().set_param("auth_signup.invitation_scope", "b2c")

    def test_an_internal_user_cannot_sign_up_as_a_vault_contact(self):
        """As an internal user without Client Hub (or any Client Hub user): res.partner.
        signup_get_auth_param([flagged contact]) answers its auth_signup_token; /web/signup with that
        token and a password of one's choice creates the contact's portal user, whose /my/credentials
        lists the client's credentials (and whose form replaces them). The contact must get no login
        this way."""
        result, _error = self.call_kw("internal", "res.partner", "signup_get_auth_param", [self.flagged.ids])
        token = (result or {}).get(str(self.flagged.id), {}).get("auth_signup_token")
        if token:
            self.login("public")
            page = self.url_open(f"/web/signup?token={token}")
            csrf = CSRF.search(page.text)
            self.url_open(
                "/web/signup",
                data={
                    "csrf_token": csrf.group(1) if csrf else "",
                    "token": token,
                    "login": self.flagged.email,
                    "name": "Ivan IT",
                    "password": "attacker-chosen-pw-1",
                    "confirm_password": "attacker-chosen-pw-1",
                },
                allow_redirects=False,
            )
        self.env.invalidate_all()
        self.assertFalse(
            self.flagged.with_context(active_test=False).user_ids,
            "a contact with the portal vault right got a login through an invitation token",
        )
        if token:
            self.authenticate(self.flagged.email, "attacker-chosen-pw-1")
            self.assertNotEqual(self.url_open("/my/credentials").status_code, 200)
