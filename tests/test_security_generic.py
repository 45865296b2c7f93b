from odoo.tests import tagged

from . import test_vault_keys
from .common import SecurityCase

WEAKER_ROLES = ("internal", "user", "credentials")  # none of them an invoicing user
IMPORT_OPTIONS = {"has_headers": True, "separator": ",", "quoting": '"', "encoding": "utf-8"}
FINANCE_DOMAINS = (
    ("res.partner", "client_amount_overdue"),
    ("res.partner", "client_amount_due"),
    ("res.partner", "child_ids.client_amount_due"),
    ("res.users", "partner_id.client_amount_due"),
)


@tagged("post_install", "-at_install", "security")
class TestSecurityGenericMachinery(SecurityCase):
    """Odoo's generic machinery (issue #33): search and its variants, mail, ratings through the
    chatter, import files, error messages: nothing about a record a user may not read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey_contact = cls._create_contact(cls.client, "Survey Person", email="survey@example.com")
        cls.client.survey_contact_ids = cls.survey_contact
        cls.project = cls.env["project.project"].create(
            {"name": "Client Project", "partner_id": cls.client.id}
        )
        cls.task = cls.env["project.task"].create(
            {"name": "Client Task", "project_id": cls.project.id, "partner_id": cls.survey_contact.id}
        )

    # ------------------------------------------------------------------ no oracle through search
    def test_a_field_with_groups_is_refused_in_every_search_path(self):
        client = [("id", "=", self.client.id)]
        for role in WEAKER_ROLES:
            for model, path in FINANCE_DOMAINS:
                domain = [(path, ">", 0)] + (client if model == "res.partner" else [])
                with self.subTest(role=role, path=path):
                    self.assertRefused(role, model, "search_count", [domain])
                    self.assertRefused(role, model, "search_read", [domain, ["id"]])
                    self.assertRefused(role, model, "name_search", [], {"name": "", "domain": domain})
                    self.assertRefused(
                        role, model, "formatted_read_group", [], {"domain": domain, "groupby": ["create_uid"]}
                    )
                    self.assertRefused2(role, model, "search_count", domain=domain)
            with self.subTest(role=role, path="any"):
                self.assertRefused(
                    role,
                    "res.users",
                    "search_count",
                    [[("partner_id", "any", [("client_amount_overdue", ">", 0)])]],
                )
            with self.subTest(role=role, path="order and export"):
                self.assertRefused(
                    role, "res.partner", "search", [client], {"order": "client_amount_due desc"}
                )
                self.assertRefused(
                    role, "res.partner", "export_data", [self.client.ids, ["client_amount_due"]]
                )

    def test_an_invoicing_user_still_searches_the_amounts(self):
        self.users["user"].group_ids += self.env.ref("account.group_account_invoice")
        count, error = self.call_kw(
            "user",
            "res.partner",
            "search_count",
            [[("id", "=", self.client.id), ("client_amount_due", ">=", 0)]],
        )
        self.assertFalse(error)
        self.assertEqual(count, 1)

    # ------------------------------------------------------------------ survey tokens
    def test_survey_token_is_in_no_message_another_user_reads(self):
        result, error = self.call_kw(
            "user", "res.partner", "action_send_satisfaction_survey", [self.client.ids]
        )
        self.assertFalse(error)
        self.assertEqual(result["params"]["type"], "success")
        request = self.env["rating.rating"].search(
            [("client_id", "=", self.client.id), ("partner_id", "=", self.survey_contact.id)]
        )
        token = request.sudo().access_token
        self.assertTrue(token)
        # The e-mail is queued, with the link, for the contact.
        mail = self.env["mail.mail"].sudo().search([("recipient_ids", "in", self.survey_contact.ids)])
        self.assertEqual(len(mail), 1)
        self.assertIn(token, mail.body_html)
        self.assertFalse(mail.model)
        for role in ("internal", "user", "credentials", "manager", "portal"):
            with self.subTest(role=role):
                messages, _error = self.call_kw(role, "mail.message", "search_read", [[], ["body"]])
                self.assertNotIn(token, str(messages or ""))
                self.assertRefused(role, "mail.message", "read", [mail.mail_message_id.ids, ["body"]])
                self.assertRefused(role, "mail.mail", "search_read", [[], ["body_html"]])

    def test_a_second_send_in_the_period_says_so_and_sends_nothing(self):
        first, _error = self.call_kw(
            "user", "res.partner", "action_send_satisfaction_survey", [self.client.ids]
        )
        second, error = self.call_kw(
            "user", "res.partner", "action_send_satisfaction_survey", [self.client.ids]
        )
        self.assertFalse(error)
        self.assertEqual(first["params"]["type"], "success")
        self.assertEqual(second["params"]["type"], "warning")
        self.assertIn("Survey Person", second["params"]["message"])
        mails = self.env["mail.mail"].sudo().search([("recipient_ids", "in", self.survey_contact.ids)])
        self.assertEqual(len(mails), 1, "a second click queued a second e-mail")

    # ------------------------------------------------------------------ task ratings
    def _client_task_ratings(self):
        return (
            self.env["rating.rating"]
            .sudo()
            .search([("client_id", "=", self.client.id), ("channel", "=", "task")])
        )

    def test_an_employee_creates_no_client_rating_on_a_client_task(self):
        values = {
            "res_model_id": self.env["ir.model"]._get_id("project.task"),
            "res_id": self.task.id,
            "partner_id": self.survey_contact.id,
            "rating": 1,
            "consumed": True,
        }
        for role in ("internal", "user"):
            with self.subTest(role=role):
                self.call_kw(role, "rating.rating", "create", [values])
                self.json2(role, "rating.rating", "create", vals_list=[values])
                self.assertFalse(self._client_task_ratings())
                # Refused outright when it asks to be the client's.
                self.assertRefused(role, "rating.rating", "create", [{**values, "client_id": self.client.id}])

    def test_message_post_with_a_rating_is_the_client_s_only_from_its_people(self):
        # Odoo's chatter (mail.thread.message_post with rating_value) creates the rating in sudo.
        self.users["user"].group_ids += self.env.ref("project.group_project_user")
        _result, error = self.call_kw(
            "user", "project.task", "message_post", [self.task.ids], {"body": "Bad", "rating_value": 1}
        )
        self.assertFalse(error, error)
        staff_rating = (
            self.env["rating.rating"].sudo().search([("res_id", "=", self.task.id), ("rating", "=", 1)])
        )
        self.assertTrue(staff_rating, "the chatter rating was not recorded")
        self.assertFalse(staff_rating.client_id)
        self.assertFalse(self._client_task_ratings())
        # The client's own answer through Odoo's token flow counts.
        token = self.task.sudo()._rating_get_access_token(self.survey_contact)
        self.task.sudo().rating_apply(5, token=token)
        (answer,) = self._client_task_ratings()
        self.assertEqual((answer.rating, answer.partner_id), (5, self.survey_contact))
        # Nobody of the team rewrites it.
        for role in ("internal", "user", "manager"):
            with self.subTest(role=role):
                self.assertRefused(role, "rating.rating", "write", [answer.ids, {"rating": 1}])
        self.assertEqual(answer.rating, 5)

    def test_message_post_with_a_rating_on_a_client_is_refused(self):
        for role in ("portal", "internal", "user", "manager"):
            with self.subTest(role=role):
                self.assertRefused(
                    role, "res.partner", "message_post", [self.client.ids], {"body": "x", "rating_value": 1}
                )
        self.assertFalse(self.env["rating.rating"].sudo().search([("client_id", "=", self.client.id)]))

    # ------------------------------------------------------------------ import files
    def _import(self, csv):
        return (
            self.env["base_import.import"]
            .with_user(self.users["manager"])
            .create(
                {
                    "res_model": "res.partner.credential",
                    "file": csv,
                    "file_name": "c.csv",
                    "file_type": "text/csv",
                }
            )
        )

    def _file_holds(self, plaintext):
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT count(*) FROM base_import_import WHERE position(%s IN file) > 0", [plaintext]
        )
        return bool(self.env.cr.fetchone()[0])

    def test_an_import_file_with_secrets_is_purged_when_the_import_ends(self):
        wizard = self._import(
            b"partner_id/.id,name,secret\n%d,Imported FTP,imported-plaintext\n" % self.client.id
        )
        fields = ["partner_id/.id", "name", "secret"]
        # A test run keeps the file: the import follows.
        _result, error = self.call_kw(
            "manager",
            "base_import.import",
            "execute_import",
            [wizard.ids, fields, fields, IMPORT_OPTIONS],
            {"dryrun": True},
        )
        self.assertFalse(error, error)
        self.assertTrue(self._file_holds(b"imported-plaintext"))
        result, error = self.call_kw(
            "manager", "base_import.import", "execute_import", [wizard.ids, fields, fields, IMPORT_OPTIONS]
        )
        self.assertFalse(error, error)
        self.assertTrue(result["ids"], result)
        self.assertFalse(
            self._file_holds(b"imported-plaintext"), "the plaintext secrets stay in base_import_import"
        )

    def test_a_failed_import_of_secrets_is_purged_too(self):
        wizard = self._import(b"name,secret\n,no-name-secret\n")
        result, error = self.call_kw(
            "manager",
            "base_import.import",
            "execute_import",
            [wizard.ids, ["name", "secret"], ["name", "secret"], IMPORT_OPTIONS],
        )
        self.assertFalse(error, error)
        self.assertTrue(result["messages"])
        self.assertFalse(self._file_holds(b"no-name-secret"))

    def test_a_loaded_secret_is_stored_encrypted_only(self):
        """Odoo's load() (the import's engine, also over RPC): the secret is encrypted like a form's."""
        result, error = self.call_kw(
            "manager",
            "res.partner.credential",
            "load",
            [
                ["partner_id/.id", "name", "secret"],
                [[str(self.client.id), "Loaded FTP", "loaded-plaintext-9f3"]],
            ],
        )
        self.assertFalse(error, error)
        (credential_id,) = result["ids"]
        self.assertTrue(self.env["res.partner.credential"].browse(credential_id).has_secret)
        self.assertEqual(
            test_vault_keys.TestVaultStorage._columns_containing(self, "loaded-plaintext-9f3"), []
        )
        self.assertFalse(self._file_holds(b"loaded-plaintext-9f3"))

    # ------------------------------------------------------------------ error messages
    def test_a_duplicate_client_number_does_not_name_a_client_the_user_may_not_read(self):
        company2 = self._create_test_company("Second Company")
        user2 = self._create_user(
            "ch_sec_company2",
            "client_hub.group_client_hub_user",
            password="ch_sec_company2_pw",
            company_id=company2.id,
            company_ids=[(6, 0, company2.ids)],
        )
        hidden = self._create_client("Hidden Client Of Company One", company_id=self.env.company.id)
        self.assertTrue(hidden.ref)
        self.assertFalse(hidden.with_user(user2)._filtered_access("read"))
        self.authenticate("ch_sec_company2", "ch_sec_company2_pw")
        self.role = "company2"
        copycat = {"name": "Copycat", "is_company": True, "ref": hidden.ref, "company_id": False}
        message = self.assertRefused("company2", "res.partner", "create", [copycat])
        self.assertIn(hidden.ref, message)
        self.assertNotIn(hidden.name, message)
        # Whoever may read the other client hears its name.
        message = self.assertRefused("manager", "res.partner", "create", [copycat])
        self.assertIn(hidden.name, message)
