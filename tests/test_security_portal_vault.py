from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SecurityCase, json_rpc

CREDENTIAL = "res.partner.credential"
GRANT = "res.partner.vault.grant"


@tagged("post_install", "-at_install", "security")
class TestSecurityPortalVault(SecurityCase):
    """Issue #24 item 3: the portal's vault pages are a right managers give to a client's contact."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A portal login someone else gave: the contact has no vault right.
        cls.contact = cls._create_contact(cls.client, "Mallory Contact", email="mallory@evil.example.com")
        cls.plain_portal = cls._create_user(
            "ch_sec_plain_portal",
            "base.group_portal",
            password="ch_sec_plain_portal_pw",
            partner_id=cls.contact.id,
        )

    def test_client_hub_user_cannot_grant_portal_access(self):
        for role in ("user", "credentials"):
            with self.subTest(role=role):
                self.assertRefused(
                    role,
                    "portal.wizard",
                    "create",
                    [{}],
                    {"context": {"active_ids": self.contact.ids, "active_model": "res.partner"}},
                )
        self.assertFalse(self.env.ref("base.group_partner_manager") in self.users["user"].all_group_ids)

    def test_only_managers_give_the_vault_right(self):
        """The right is a grant record: only managers create one, by any of its paths."""
        contact = self.contact
        for role in ("portal", "internal", "user", "credentials"):
            with self.subTest(role=role):
                self.assertRefused(role, GRANT, "create", [{"partner_id": contact.id}])
                self.assertRefused(role, "res.partner", "action_client_hub_grant_vault", [contact.ids])
                self.assertRefused(
                    role,
                    "res.partner",
                    "write",
                    [contact.ids, {"client_hub_vault_grant_ids": [(0, 0, {"partner_id": contact.id})]}],
                )
                self.assertRefused(
                    role,
                    "res.partner",
                    "create",
                    [
                        {
                            "name": "Forged",
                            "parent_id": self.client.id,
                            "client_hub_vault_grant_ids": [(0, 0, {})],
                        }
                    ],
                )
        for role in ("internal", "user", "credentials"):
            with self.subTest(role=role, path="JSON-2"):
                self.assertRefused2(role, GRANT, "create", vals_list=[{"partner_id": contact.id}])
                self.assertRefused2(role, "res.partner", "action_client_hub_grant_vault", ids=contact.ids)
        self.assertFalse(self.env[GRANT].search([("partner_id", "=", contact.id)]))
        _result, error = self.call_kw(
            "manager", "res.partner", "action_client_hub_grant_vault", [contact.ids]
        )
        self.assertFalse(error)
        grant = self.env[GRANT].search([("partner_id", "=", contact.id)])
        self.assertEqual(grant.user_id, self.plain_portal, "bound to the contact's portal login")
        self.assertEqual(grant.create_uid, self.users["manager"], "who granted it")
        self.authenticate("ch_sec_plain_portal", "ch_sec_plain_portal_pw")
        self.role = None
        self.assertEqual(self.url_open("/my/credentials").status_code, 200)
        for role in ("internal", "user", "credentials"):
            with self.subTest(role=role, path="revoke"):
                self.assertRefused(role, GRANT, "action_revoke", [grant.ids])
                self.assertRefused(role, GRANT, "unlink", [grant.ids])
                self.assertRefused(role, GRANT, "write", [grant.ids, {"user_id": self.users["portal"].id}])
        self.assertRefused("manager", GRANT, "write", [grant.ids, {"user_id": self.users["portal"].id}])
        _result, error = self.call_kw(
            "manager", "res.partner", "action_client_hub_revoke_vault", [contact.ids]
        )
        self.assertFalse(error)
        self.assertFalse(grant.active)
        self.assertEqual(grant.revoked_by_id, self.users["manager"])
        self.authenticate("ch_sec_plain_portal", "ch_sec_plain_portal_pw")
        self.assertEqual(self.url_open("/my/credentials").status_code, 404)

    def test_portal_login_without_the_right_sees_no_credential(self):
        self.authenticate("ch_sec_plain_portal", "ch_sec_plain_portal_pw")
        self.assertEqual(self.url_open("/my/credentials").status_code, 404)
        self.assertEqual(self.url_open(f"/my/credentials/{self.allowed.id}").status_code, 404)
        self.assertNotIn("/my/credentials", self.url_open("/my").text)
        self.assertEqual(self.url_open("/my/client").status_code, 200, "the ordinary pages stay")
        result, error = json_rpc(self, CREDENTIAL, "search_read", [[]], {"fields": ["name", "login"]})
        self.assertFalse(result, error)
        csrf = self.csrf_token()
        response = self.url_open(
            f"/my/credentials/{self.allowed.id}",
            data={"csrf_token": csrf, "name": "X", "secret": "replaced"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.allowed.reveal_secret(), "allowed-secret-value")

    def test_portal_reads_through_the_record_rule(self):
        """With the right: its own client's credentials, never another's, never a secret."""
        foreign = self.env[CREDENTIAL].create(
            {"partner_id": self.other_client.id, "name": "Foreign", "secret": "f"}
        )
        result, error = self.call_kw(
            "portal", CREDENTIAL, "search_read", [[]], {"fields": ["name", "secret"]}
        )
        self.assertFalse(error)
        self.assertEqual(sorted(row["name"] for row in result), ["Allowed FTP", "Forbidden panel"])
        self.assertFalse(any(row["secret"] for row in result))
        self.assertRefused("portal", CREDENTIAL, "read", [foreign.ids, ["name"]])
        self.assertRefused("portal", CREDENTIAL, "write", [self.allowed.ids, {"name": "renamed"}])

    def test_contact_with_the_right_keeps_its_company_and_email(self):
        """Moving a contact with the right to another client, or taking over its e-mail, is a
        manager's decision too; so is giving it a portal login."""
        person = self.users["portal"].partner_id
        for role, vals in (
            ("user", {"parent_id": self.other_client.id}),
            ("user", {"email": "me@evil.example.com"}),
        ):
            with self.subTest(vals=vals):
                self.assertRefused(role, "res.partner", "write", [person.ids, vals])
        self.assertEqual(person.parent_id, self.client)
        flagged = self._create_contact(self.client, "Flagged", email="flagged@example.com")
        flagged._client_hub_grant_vault()
        partner_manager = self._create_user(
            "ch_sec_pm", "client_hub.group_client_hub_user,base.group_partner_manager"
        )
        wizard = (
            self.env["portal.wizard"]
            .with_user(partner_manager)
            .with_context(active_ids=flagged.ids, active_model="res.partner")
            .create({})
        )
        line = wizard.user_ids.filtered(lambda line: line.partner_id == flagged)
        with self.assertRaises(AccessError):
            line.action_grant_access()
        self.assertFalse(flagged.user_ids)
