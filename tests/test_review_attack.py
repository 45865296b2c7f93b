from odoo.tests import tagged

from .common import SecurityCase, vault_keys


@tagged("post_install", "-at_install")
class TestReviewAttack(SecurityCase):
    """r24's attacks from outside: each test shows a hole (fails while the hole is open)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with vault_keys(cls.key):
            cls.other_credential = cls.env["res.partner.credential"].create(
                {
                    "partner_id": cls.other_client.id,
                    "name": "Other client's panel",
                    "login": "other-admin",
                    "secret": "other-secret-value",
                }
            )
        # Odoo's "Contact Creation" right alone, no Client Hub group.
        cls.users["contacts"] = cls._create_security_user(
            "contacts", "base.group_user,base.group_partner_manager"
        )

    def _assert_portal_kept_out(self, result, failure):
        """The portal user of the first client reads none of the other client's credentials."""
        self.login("portal")
        found, _failure = self.call_kw(
            "portal",
            "res.partner.credential",
            "search_read",
            [[]],
            {"fields": ["name", "login", "partner_id"]},
        )
        self.assertFalse(
            any(row["id"] == self.other_credential.id for row in found or []),
            f"the write gave {result!r} {failure.get('message')!r}: the portal user reads the other "
            "client's credentials",
        )

    def test_user_sets_commercial_partner_of_vault_contact(self):
        """A Client Hub User (not a manager) writes the computed commercial_partner_id of a contact
        with the portal vault right: its portal login then reads another client's credentials."""
        contact = self.users["portal"].partner_id
        self._assert_portal_kept_out(
            *self.call_kw(
                "user",
                "res.partner",
                "write",
                [[contact.id], {"commercial_partner_id": self.other_client.id}],
            )
        )

    def test_reparenting_the_client_of_a_vault_contact(self):
        """A Client Hub User (not a manager), or an internal user with no Client Hub group at all, only
        Odoo's "Contact Creation" right (base.group_partner_manager), moves the client of a contact
        with the portal vault right under another client (is_company off, parent set on the client,
        not on the flagged contact): the contact's portal login then reads the other client's
        credentials, and its portal form replaces the other client's secret (a credential the
        contact's client never had)."""
        for role in ("user", "contacts"):
            with self.subTest(role=role):
                self._assert_portal_kept_out(
                    *self.call_kw(
                        role,
                        "res.partner",
                        "write",
                        [[self.client.id], {"is_company": False, "parent_id": self.other_client.id}],
                    )
                )
                response = self.post_form(
                    "portal",
                    f"/my/credentials/{self.other_credential.id}",
                    {"name": "Other client's panel", "platform": "other", "secret": "attacker-chosen"},
                )
                self.other_credential.invalidate_recordset()
                self.assertNotEqual(
                    response.status_code, 303, "the portal user replaced another client's secret"
                )

    def test_portal_vault_contact_changes_own_email(self):
        """The flagged contact's e-mail is changed by Client Hub managers only (VAULT_IDENTITY_FIELDS):
        the portal user changes it through its own res.users record (SELF_WRITEABLE_FIELDS)."""
        contact = self.users["portal"].partner_id
        before = contact.email
        self.call_kw(
            "portal", "res.users", "write", [[self.users["portal"].id], {"email": "taken@evil.example.com"}]
        )
        contact.invalidate_recordset(["email"])
        self.assertEqual(contact.email, before, "the flagged contact's e-mail was changed by its portal user")

    def test_revoked_vault_right_still_reads_over_rpc(self):
        """A manager takes the portal vault right back: the pages close (they read the flag), but the
        portal record rule's domain was computed and cached with the flag on (ir.rule's ormcache is
        not cleared by a partner write), so the portal user keeps reading the credentials' names,
        logins and URLs over JSON-RPC until the server restarts."""
        found, failure = self.call_kw(
            "portal", "res.partner.credential", "search_read", [[]], {"fields": ["login"]}
        )
        self.assertTrue(found, f"the flagged portal user reads its client's credentials first: {failure}")
        result, failure = self.call_kw(
            "manager", "res.partner", "action_client_hub_revoke_vault", [[self.users["portal"].partner_id.id]]
        )
        self.assertTrue(result, failure)
        found, failure = self.call_kw(
            "portal", "res.partner.credential", "search_read", [[]], {"fields": ["login"]}
        )
        self.assertFalse(found, "the portal user whose vault right was revoked still reads the credentials")

    def test_import_with_one_bad_line_blames_good_lines_for_company_id(self):
        """Import (load) of credentials where one line lacks its secret: the good line is refused
        with "These fields are kept by the vault itself and cannot be written: company_id", a
        column the file does not have (create() adds company_id to the values, and load retries
        them line by line)."""
        columns = ["partner_id/.id", "name", "secret"]
        rows = [
            [str(self.client.id), "Imported panel", "imported-secret"],
            [str(self.client.id), "No secret", ""],
        ]
        result, failure = self.call_kw("manager", "res.partner.credential", "load", [columns, rows])
        self.assertFalse(failure, failure)
        messages = [message["message"] for message in result["messages"]]
        self.assertFalse(
            [message for message in messages if "company_id" in message],
            f"the import blames a column it does not have: {messages}",
        )

    def test_json2_wrong_type_is_a_server_error(self):
        """Bad input over JSON-2: a port that is not a number gives HTTP 500 (builtins.ValueError),
        not a clear validation error."""
        status, answer = self.json2(
            "credentials",
            "res.partner.credential",
            "create",
            vals_list=[
                {"partner_id": self.client.id, "name": "Typed", "secret": "typed-secret", "port": "abc"}
            ],
        )
        self.assertNotEqual(status, 500, answer)

    def test_portal_address_form_bad_id_is_a_server_error(self):
        """Bad input on the client's address pages: /my/address?partner_id=abc answers HTTP 500."""
        self.login("portal")
        response = self.url_open("/my/address?partner_id=abc", allow_redirects=False)
        self.assertLess(response.status_code, 500)
