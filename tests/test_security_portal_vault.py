from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SecurityCase, json_rpc

CREDENTIAL = "res.partner.credential"
FLAG = "client_hub_vault_access"


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

    def test_only_managers_set_the_vault_right(self):
        for role in ("portal", "internal", "user", "credentials"):
            with self.subTest(role=role):
                self.assertRefused(role, "res.partner", "write", [self.contact.ids, {FLAG: True}])
                self.assertRefused(
                    role,
                    "res.partner",
                    "create",
                    [{"name": "Forged", "parent_id": self.client.id, FLAG: True}],
                )
        for role in ("user", "credentials"):
            with self.subTest(role=role, path="JSON-2"):
                self.assertRefused2(role, "res.partner", "write", ids=self.contact.ids, vals={FLAG: True})
        self.assertFalse(self.contact.sudo()[FLAG])
        _result, error = self.call_kw("manager", "res.partner", "write", [self.contact.ids, {FLAG: True}])
        self.assertFalse(error)
        self.assertTrue(self.contact[FLAG])

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
        flagged = self._create_contact(self.client, "Flagged", email="flagged@example.com", **{FLAG: True})
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
