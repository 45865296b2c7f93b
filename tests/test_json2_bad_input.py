from odoo import fields
from odoo.tests import tagged

from .common import ClientHubHttpCase, new_vault_key, vault_keys

CREDENTIAL = "res.partner.credential"
CLEAR_ERRORS = ("odoo.exceptions.UserError", "odoo.exceptions.ValidationError")


@tagged("post_install", "-at_install")
class TestJson2BadInput(ClientHubHttpCase):
    """Wrongly typed or malformed values sent over JSON-2 (an API key, as an integration would) get
    a UserError or ValidationError that says what is wrong, never a server error, and change
    nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls._create_user(
            "ch_json2_manager", "client_hub.group_client_hub_manager,base.group_partner_manager"
        )
        cls.api_key = (
            cls.env["res.users.apikeys"]
            .with_user(cls.manager)
            ._generate(None, "bad input", fields.Datetime.add(fields.Datetime.now(), days=1))
        )
        cls.client = cls._create_client("JSON-2 Client")
        cls.address = cls.env["res.partner"].create(
            {"name": "JSON-2 Workshop", "parent_id": cls.client.id, "type": "other", "street": "Main 1"}
        )
        cls.key = new_vault_key()
        with vault_keys(cls.key):
            cls.credential, cls.other_credential = cls.env[CREDENTIAL].create(
                [
                    {"partner_id": cls.client.id, "name": name, "secret": "json2-secret", "port": 21}
                    for name in ("JSON-2 FTP", "JSON-2 panel")
                ]
            )

    def setUp(self):
        super().setUp()
        self.enterContext(vault_keys(self.key))

    def call(self, model, method, ids=(), **kwargs):
        response = self.url_open(
            f"/json/2/{model}/{method}",
            json={"ids": list(ids), **kwargs},
            headers={"Authorization": f"Bearer {self.api_key}"},
        )
        return response.status_code, response.json()

    def assertClearError(self, model, method, ids=(), **kwargs):
        """The call is refused with a UserError or ValidationError (not a 500); returns its message."""
        status, body = self.call(model, method, ids, **kwargs)
        self.assertLess(status, 500, body)
        self.assertIsInstance(body, dict, body)
        self.assertIn(body.get("name"), CLEAR_ERRORS, body.get("debug", body)[-2000:])
        return body["message"]

    def credential_values(self, **values):
        return {"partner_id": self.client.id, "name": "New FTP", "secret": "new-secret", **values}

    def test_a_text_where_an_address_type_id_is_expected(self):
        self.assertClearError("res.partner", "write", self.address.ids, vals={"address_type_id": "abc"})
        self.assertClearError(
            "res.partner",
            "create",
            vals_list=[{"name": "Typed", "parent_id": self.client.id, "address_type_id": "abc"}],
        )
        self.env.invalidate_all()
        self.assertFalse(self.address.address_type_id)

    def test_a_malformed_url(self):
        message = self.assertClearError(CREDENTIAL, "write", self.credential.ids, vals={"url": "http://[::1"})
        self.assertIn("http://[::1", message)
        self.assertClearError(CREDENTIAL, "create", vals_list=[self.credential_values(url="http://[::1")])

    def test_a_text_compared_with_the_number_of_projects(self):
        for operator, value in ((">", "abc"), ("in", ["abc"]), ("<=", [1, 2])):
            with self.subTest(operator=operator, value=value):
                self.assertClearError(
                    "res.partner", "search_count", domain=[["client_project_count", operator, value]]
                )
        status, count = self.call("res.partner", "search_count", domain=[["client_project_count", ">=", 0]])
        self.assertEqual(status, 200, "a number is still compared")
        self.assertGreater(count, 0)

    def test_a_port_beyond_postgresql_integers(self):
        for port in (2**31, 2**63, -(2**40)):
            with self.subTest(port=port):
                self.assertClearError(CREDENTIAL, "write", self.credential.ids, vals={"port": port})
                self.assertClearError(CREDENTIAL, "create", vals_list=[self.credential_values(port=port)])
        self.env.invalidate_all()
        self.assertEqual(self.credential.port, 21)

    def test_a_list_or_a_boolean_as_a_secret(self):
        for secret in (["a", "b"], True, 1234, {"a": 1}):
            with self.subTest(secret=secret):
                message = self.assertClearError(
                    CREDENTIAL, "write", self.credential.ids, vals={"secret": secret}
                )
                self.assertIn("text", message)
                self.assertClearError(CREDENTIAL, "create", vals_list=[self.credential_values(secret=secret)])
        status, secret = self.call(CREDENTIAL, "reveal_secret", self.credential.ids)
        self.assertEqual((status, secret), (200, "json2-secret"), "the stored secret is unchanged")

    def test_reveal_secret_on_no_or_two_credentials(self):
        for ids in ([], (self.credential | self.other_credential).ids):
            with self.subTest(ids=ids):
                for method in ("reveal_secret", "action_reveal_secret"):
                    message = self.assertClearError(CREDENTIAL, method, ids)
                    self.assertIn("one credential", message)

    def test_bidi_and_control_characters_in_a_name(self):
        # "invoice<RLO>fdp.exe" shows as "invoiceexe.pdf": a name, URL or login that lies.
        for value in ("invoice\u202efdp.exe", "admin\u2066x", "a\u200fb", "x\u061cy"):
            with self.subTest(value=value):
                for field in ("name", "login", "url"):
                    self.assertClearError(CREDENTIAL, "write", self.credential.ids, vals={field: value})
                self.assertClearError(CREDENTIAL, "create", vals_list=[self.credential_values(name=value)])
        # NUL, which PostgreSQL refuses in text, anywhere but in the (encrypted) secret.
        for field in ("name", "login", "url", "note"):
            with self.subTest(field=field):
                self.assertClearError(CREDENTIAL, "write", self.credential.ids, vals={field: "a\x00b"})
        self.env.invalidate_all()
        self.assertEqual(self.credential.name, "JSON-2 FTP")
