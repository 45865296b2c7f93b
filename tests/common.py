import importlib.util
import json
import os
import re
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from unittest.mock import patch

from cryptography.fernet import Fernet

from odoo import Command, fields
from odoo.addons.client_hub.models import vault
from odoo.tests import HttpCase, new_test_user
from odoo.tests.common import TransactionCase


def _record_encrypted_secrets(path):
    """Append every plaintext the vault encrypts to `path`, hex-encoded: `make test` then fails if one
    of them shows up in the test log."""
    encrypt = vault.VaultCipher.encrypt

    def recording_encrypt(self, plaintext):
        with open(path, "a", encoding="ascii") as secrets:
            secrets.write(plaintext.encode().hex() + "\n")
        return encrypt(self, plaintext)

    vault.VaultCipher.encrypt = recording_encrypt


if os.environ.get("CLIENT_HUB_TEST_SECRETS"):
    _record_encrypted_secrets(os.environ["CLIENT_HUB_TEST_SECRETS"])


class ClientHubFixtures:
    """Factories of the records the module's tests build (clients, contacts, users, companies,
    invoices), shared by every base class; class methods, for setUpClass and tests alike."""

    @classmethod
    def _create_client(cls, name="Test Client Ltd", **values):
        """An active client (a company with the Active status)."""
        return cls._create_clients(name, **values)

    @classmethod
    def _create_clients(cls, *names, **values):
        """Active clients of these names, `values` on each."""
        active = cls.env.ref("client_hub.client_status_active")
        return cls.env["res.partner"].create(
            [{"name": name, "is_company": True, "client_status_id": active.id, **values} for name in names]
        )

    @classmethod
    def _create_company_partner(cls, name, **values):
        """A company that is no client (no status)."""
        return cls.env["res.partner"].create({"name": name, "is_company": True, **values})

    @classmethod
    def _create_contact(cls, client, name, **values):
        """A person of the client."""
        return cls.env["res.partner"].create({"name": name, "parent_id": client.id, **values})

    @classmethod
    def _create_user(cls, login, groups="base.group_user", **values):
        """A user of these groups (comma separated XML ids); new_test_user's password unless given."""
        return new_test_user(cls.env, login=login, groups=groups, **values)

    @classmethod
    def _create_client_portal_user(cls, login, client=None, **values):
        """A portal user, the client's contact when a client is given."""
        user = cls._create_user(login, "base.group_portal", **values)
        if client:
            user.partner_id.parent_id = client
        return user

    @classmethod
    def _create_test_company(cls, name, **values):
        return cls.env["res.company"].create({"name": name, **values})

    @classmethod
    def _make_invoice(cls, partner, lines, post=True, **values):
        """A customer invoice of 2026-10-01 with these lines (tax_ids, if given, a recordset), posted
        unless post is False; lines are of the test product when the case has one (product_a)."""
        product = {"product_id": cls.product_a.id} if hasattr(cls, "product_a") else {}
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": "2026-10-01",
                "invoice_line_ids": [
                    Command.create({**product, **line, **cls._tax_ids_command(line)}) for line in lines
                ],
                **values,
            }
        )
        if post:
            invoice.action_post()
        return invoice

    @staticmethod
    def _tax_ids_command(line):
        """The line's taxes, when it names them (else the product's, through the fiscal position)."""
        return {"tax_ids": [Command.set(line["tax_ids"].ids)]} if "tax_ids" in line else {}


class ClientHubCase(ClientHubFixtures, TransactionCase):
    """Users of every Client Hub role and a few profile records, shared by the module's tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_internal = cls._create_user("ch_internal", name="Internal Ivy")
        cls.user_client_hub = cls._create_user("ch_user", "client_hub.group_client_hub_user", name="User Uma")
        cls.user_manager = cls._create_user(
            "ch_manager", "client_hub.group_client_hub_manager", name="Manager Max"
        )
        cls.status_prospect = cls.env.ref("client_hub.client_status_prospect")
        cls.status_active = cls.env.ref("client_hub.client_status_active")
        cls.condition_registered = cls.env.ref("client_hub.tax_condition_vat_registered")
        cls.condition_final_consumer = cls.env.ref("client_hub.tax_condition_final_consumer")


def migration_script(version, name):
    """The module's migration script migrations/<version>/<name>.py, loaded (its migrate() to call)."""
    path = Path(__file__).resolve().parents[1] / "migrations" / version / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"client_hub_migration_{version}_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def new_vault_key():
    return Fernet.generate_key().decode()


@contextmanager
def vault_keys(*keys):
    """Run with these vault keys configured (the first encrypts), whatever the server config says."""
    with patch.object(vault, "configured_key_string", return_value=",".join(keys)):
        yield


class VaultCase(ClientHubCase):
    """A client, a credential user allowed on its credential, another one not allowed, and a key."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.key = new_vault_key()
        # Demo credentials are encrypted with the server's key, which these tests replace.
        cls.env["res.partner.credential"].with_context(active_test=False).search([]).unlink()
        cls.client = cls._create_client("Vault Client")
        cls.user_allowed = cls._create_user(
            "ch_cred_allowed", "client_hub.group_client_hub_credentials", name="Allowed Al"
        )
        cls.user_not_listed = cls._create_user(
            "ch_cred_other", "client_hub.group_client_hub_credentials", name="Other Olga"
        )

    def setUp(self):
        super().setUp()
        self.enterContext(vault_keys(self.key))

    def _credential(self, secret="s3cret-Value-for-tests", **values):
        return self.env["res.partner.credential"].create(
            {
                "partner_id": self.client.id,
                "name": "Client FTP",
                "platform": "ftp",
                "url": "ftp.client.example.com",
                "port": 21,
                "login": "deploy",
                "secret": secret,
                "user_ids": [(4, self.user_allowed.id)],
                **values,
            }
        )

    def _logs(self, credential, action):
        return (
            self.env["res.partner.credential.log"]
            .sudo()
            .search([("credential_id", "=", credential.id), ("action", "=", action)])
        )


# Roles of the adversarial tests (tests/test_security_*.py): login -> group (None: the public user).
ROLE_GROUPS = {
    "portal": "base.group_portal",
    "portal_other": "base.group_portal",
    "internal": "base.group_user",
    "user": "client_hub.group_client_hub_user",
    "credentials": "client_hub.group_client_hub_credentials",
    "manager": "client_hub.group_client_hub_manager",
}
MAGIC_FIELDS = {"id", "display_name", "create_uid", "create_date", "write_uid", "write_date"}
# The audit log grows with refused attempts: tests count its rows apart.
SNAPSHOT_SKIP = {"log_ids"}
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def json_rpc(case, model, method, args, kwargs=None):
    """Call a model method over JSON-RPC as the web client does, in the HttpCase `case`'s session:
    the answer's result, or its error's data."""
    payload = case.url_open(
        "/web/dataset/call_kw",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        },
    ).json()
    return payload.get("result"), payload.get("error", {}).get("data", {})


class ClientHubHttpCase(ClientHubFixtures, HttpCase):
    """An HttpCase with the module's factories (tours, HTTP tests)."""


class SecurityCase(ClientHubHttpCase):
    """Attacks over HTTP as each role: a user of every role (password = login), two clients with a
    portal user each, and on the first client a credential the Credentials user may reveal and one
    it may not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client, cls.other_client = (
            cls._create_client(name, vat=vat)
            for name, vat in (("Attacked Client", "BE0477472701"), ("Other Client", "BE0403019261"))
        )
        cls.users = {role: cls._create_security_user(role, group) for role, group in ROLE_GROUPS.items()}
        # Both portal users have the portal vault right: the attacks go through the vault pages.
        cls.users["portal"].partner_id.parent_id = cls.client
        cls.users["portal_other"].partner_id.parent_id = cls.other_client
        (cls.users["portal"] | cls.users["portal_other"]).partner_id._client_hub_grant_vault()
        cls.key = new_vault_key()
        # Demo credentials are encrypted with the server's key, which these tests replace.
        cls.env["res.partner.credential"].with_context(active_test=False).search([]).unlink()
        with vault_keys(cls.key):
            cls.allowed, cls.forbidden = cls.env["res.partner.credential"].create(
                [
                    {
                        "partner_id": cls.client.id,
                        "name": name,
                        "login": "admin",
                        "secret": secret,
                        "user_ids": [(6, 0, users.ids)],
                    }
                    for name, secret, users in (
                        ("Allowed FTP", "allowed-secret-value", cls.users["credentials"]),
                        ("Forbidden panel", "forbidden-secret-value", cls.env["res.users"]),
                    )
                ]
            )

    def setUp(self):
        super().setUp()
        self.enterContext(vault_keys(self.key))

    @classmethod
    def _create_security_user(cls, role, groups):
        """A user of the attacks: login ch_sec_<role>, password ch_sec_<role>_pw (see login())."""
        return cls._create_user(f"ch_sec_{role}", groups, password=f"ch_sec_{role}_pw")

    def login(self, role):
        if role == "public":
            self.authenticate(None, None)
        else:
            self.authenticate(f"ch_sec_{role}", f"ch_sec_{role}_pw")
        self.role = role

    def call_kw(self, role, model, method, args, kwargs=None):
        """Call a model method over JSON-RPC as `role`: the answer's result, or its error's data."""
        if getattr(self, "role", None) != role:
            self.login(role)
        return json_rpc(self, model, method, args, kwargs)

    def assertRefused(self, role, model, method, args, kwargs=None, error=None):
        """The call is refused (an Odoo exception, never a server error); returns its message."""
        result, failure = self.call_kw(role, model, method, args, kwargs)
        self.assertTrue(failure, f"{role} {model}.{method}{args} was not refused: {result!r}")
        allowed = (
            (error,)
            if error
            else (
                "odoo.exceptions.AccessError",
                "odoo.exceptions.UserError",
                "odoo.exceptions.ValidationError",
                "odoo.http.SessionExpiredException",
            )
        )
        self.assertIn(failure["name"], allowed, failure.get("debug", "")[-2000:])
        return failure["message"]

    def json2(self, role, model, method, **payload):
        """Call a model method over JSON-2 (/json/2/<model>/<method>) with an API key of `role`:
        (HTTP status, decoded answer)."""
        # An API key stands alone: no session cookie of an earlier login goes with it.
        self.opener.cookies.clear()
        self.role = None
        keys = vars(self).setdefault("_api_keys", {})  # made in the test's transaction: one per test
        if role not in keys:
            Keys = self.env["res.users.apikeys"].with_user(self.users[role])
            keys[role] = Keys._generate(
                "rpc", f"ch_sec {role}", fields.Datetime.add(fields.Datetime.now(), days=1)
            )
        response = self.url_open(
            f"/json/2/{model}/{method}",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {keys[role]}"},
        )
        return response.status_code, response.json()

    def assertRefused2(self, role, model, method, **payload):
        """The JSON-2 call is refused with an Odoo exception (never a server error)."""
        status, answer = self.json2(role, model, method, **payload)
        self.assertNotEqual(status, 200, f"{role} {model}.{method} was not refused: {answer!r}")
        self.assertIn(
            answer.get("name"),
            ("odoo.exceptions.AccessError", "odoo.exceptions.UserError", "odoo.exceptions.ValidationError"),
            answer,
        )
        return answer.get("message")

    def csrf_token(self):
        return CSRF.search(self.url_open("/my/account").text).group(1)

    def post_form(self, role, url, data, files=None):
        """Post a portal form as `role` with a valid CSRF token (redirects not followed)."""
        self.login(role)
        return self.url_open(
            url, data={"csrf_token": self.csrf_token(), **data}, files=files, allow_redirects=False
        )

    def address_form(self, **values):
        """A valid address of the portal's address form, with `values` over it."""
        return {
            "name": "Head office",
            "email": "office@example.com",
            "phone": "+1 5",
            "street": "1 Main St",
            "city": "Springfield",
            "zip": "12345",
            "country_id": str(self.env.ref("base.us").id),
            "state_id": str(self.env.ref("base.state_us_5").id),
            "address_type": "billing",
            **values,
        }

    def mass_assignment_values(self, model, skip=()):
        """{field: a value of its type} for every field of `model` a client could send."""
        values = {}
        for name, field in self.env[model]._fields.items():
            if name in MAGIC_FIELDS or name in skip:
                continue
            selection = field.selection if field.type == "selection" else None
            values[name] = {
                "char": "forged",
                "text": "forged",
                "html": "<p>forged</p>",
                "integer": 7,
                "float": 7.0,
                "monetary": 7.0,
                "boolean": True,
                "date": "2001-02-03",
                "datetime": "2001-02-03 04:05:06",
                "selection": selection[-1][0] if isinstance(selection, list) else False,
                "many2one": self.other_client.id if field.comodel_name == "res.partner" else 1,
                "many2many": [(6, 0, [self.users["credentials"].id])]
                if field.comodel_name == "res.users"
                else [(6, 0, [1])],
                "one2many": [(5, 0, 0)],
                "many2one_reference": 1,
                "properties": {},
                "json": {},
                "binary": False,
                "image": False,
                "reference": False,
            }.get(field.type)
        return values

    def snapshot(self, records, fields=None):
        """What the database holds for `records` (superuser, fresh from the database)."""
        self.env.invalidate_all()
        fields = fields or [name for name in records._fields if name not in SNAPSHOT_SKIP]
        return records.sudo().with_context(active_test=False).read(fields, load=None)

    def log_rows(self, credential, action=None):
        domain = [("credential_id", "=", credential.id)] + ([("action", "=", action)] if action else [])
        return self.env["res.partner.credential.log"].sudo().search(domain)


class ProjectsCase(ClientHubHttpCase):
    """Two clients, each with a portal user (password = login) and projects (Odoo's project): the
    first one has two open projects (one of them its contact's), a done one, an archived one and a
    task; the second one an open project and a task. A project manager who is a Client Hub user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client, cls.other_client = cls._create_clients("Acme Projects", "Rival Corp")
        cls.contact = cls._create_contact(cls.client, "Ann Acme")
        cls.portal_users = {
            client: cls._create_client_portal_user(login, client, name=login)
            for client, login in ((cls.client, "ch_proj_portal"), (cls.other_client, "ch_proj_rival"))
        }
        cls.manager = cls._create_user(
            "ch_proj_manager",
            "client_hub.group_client_hub_user,project.group_project_manager",
            name="Project Pam",
        )
        Project = cls.env["project.project"].with_user(cls.manager)
        cls.website, cls.intranet, cls.done, cls.archived, cls.rival_project = Project.create(
            [
                {"name": "Acme Website", "partner_id": cls.client.id},
                {"name": "Acme Intranet", "partner_id": cls.contact.id},
                {"name": "Acme Old Shop", "partner_id": cls.client.id},
                {"name": "Acme Archived", "partner_id": cls.client.id},
                {"name": "Rival Portal", "partner_id": cls.other_client.id},
            ]
        )
        cls.done.sudo().stage_id = cls.env.ref("project.project_project_stage_2")
        cls.archived.active = False
        cls.task = (
            cls.env["project.task"]
            .with_user(cls.manager)
            .create({"name": "Acme home page", "project_id": cls.website.id})
        )
        cls.rival_task = (
            cls.env["project.task"]
            .with_user(cls.manager)
            .create({"name": "Rival login page", "project_id": cls.rival_project.id})
        )


class FinanceSetup(ClientHubFixtures):
    """For an AccountTestInvoicingCommon case (company in USD; EUR at 2 EUR for 1 USD), no taxes:
    client A, its contact Ann, and client B.
    A: invoice 1,000.00 due 30 days ago, paid 400.00 five days ago: 600.00 open, overdue;
       invoice to Ann 500.00 due in 30 days: 500.00 open, not yet due;
       invoice EUR 200.00 due 10 days ago: USD 100.00 open, overdue;
       credit note 150.00 of today (due today), not applied: -150.00 open, not overdue;
       invoice to Ann 300.00 paid in full two days ago: nothing open.
       Amount due 600 + 500 + 100 - 150 = 1,050.00; overdue 600 + 100 = 700.00;
       last payments: the 300.00 (two days ago), then the 400.00 (five days ago).
    B: invoice 999.00 due in 30 days: amount due 999.00, nothing overdue, no payment."""

    @classmethod
    def _company_user(cls, login, groups):
        """A user of the test's company (password: the login and "_pw")."""
        company = cls.env.company
        return cls._create_user(
            login, groups, password=f"{login}_pw", company_id=company.id, company_ids=company.ids
        )

    @classmethod
    def _setup_finance(cls):
        cls.client_a, cls.client_b = cls._create_clients("Money Client A", "Money Client B")
        cls.ann = cls._create_contact(cls.client_a, "Ann of A")
        cls.eur = cls.setup_other_currency("EUR", rates=[("1900-01-01", 2.0)])
        today = fields.Date.context_today(cls.env["res.partner"])
        cls.today = today

        def invoice(partner, amount, days_due, move_type="out_invoice", **values):
            return cls._create_invoice_one_line(
                move_type=move_type,
                price_unit=amount,
                tax_ids=[],
                partner_id=partner.id,
                invoice_date=today - timedelta(days=40),
                invoice_date_due=today + timedelta(days=days_due),
                post=True,
                **values,
            )

        cls.overdue_invoice = invoice(cls.client_a, 1000.0, -30)
        cls.not_due_invoice = invoice(cls.ann, 500.0, 30)
        cls.eur_invoice = invoice(cls.client_a, 200.0, -10, currency_id=cls.eur.id)
        cls.credit_note = cls._create_invoice_one_line(
            move_type="out_refund",
            price_unit=150.0,
            tax_ids=[],
            partner_id=cls.client_a.id,
            invoice_date=today,
            post=True,
        )
        cls.paid_invoice = invoice(cls.ann, 300.0, -20)
        cls.b_invoice = invoice(cls.client_b, 999.0, 30)
        cls.partial_payment = cls._register_payment(
            cls.overdue_invoice, amount=400.0, payment_date=today - timedelta(days=5)
        )
        cls.full_payment = cls._register_payment(cls.paid_invoice, payment_date=today - timedelta(days=2))
