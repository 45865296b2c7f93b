from pathlib import Path

from odoo import SUPERUSER_ID, Command
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ClientHubFixtures, new_vault_key, vault_keys

ROLES = {
    "public": ("Public", None),
    "portal": ("Portal", "base.group_portal"),
    "internal": ("Internal user", "base.group_user"),
    "user": ("Client Hub User", "client_hub.group_client_hub_user"),
    "credentials": ("Credentials", "client_hub.group_client_hub_credentials"),
    "manager": ("Manager", "client_hub.group_client_hub_manager"),
    "invoicing": ("Invoicing", "account.group_account_invoice"),
}
# What each role may do through the ORM: C(reate) R(ead) U(pdate) D(elete) on its own client's
# records, then "/" and what it may do on other clients' records when that differs. Portal users
# read through record rules: the portal ratings and (with the portal vault right, which the portal
# user here has) the credentials of their own client.
MATRIX = {
    "res.partner.client.status": ("", "R", "R", "R", "R", "CRUD", "R"),
    "res.partner.client.category": ("", "R", "R", "R", "R", "CRUD", "R"),
    "res.partner.tax.condition": ("", "R", "R", "R", "R", "CRUD", "R"),
    "res.partner.contract.type": ("", "R", "R", "R", "R", "CRUD", "R"),
    "res.partner.address.type": ("", "R", "R", "R", "R", "CRUD", "R"),
    "rating.rating": ("", "R/", "", "CRU/CR", "CRU/CR", "CRUD", ""),
    "res.partner.credential": ("", "R/", "", "", "CRU/CR", "CRUD", ""),
    "res.partner.credential.log": ("", "", "", "", "R/", "R", ""),
    # Granted and revoked (archived) by managers, never edited (nobody writes a grant).
    "res.partner.vault.grant": ("", "", "", "", "", "CRD", ""),
    "res.partner.satisfaction.report": ("", "", "", "R", "R", "R", ""),
    "res.partner.client.report": ("", "", "", "R", "R", "R", ""),
    "res.partner.status.history": ("", "", "", "R", "R", "R", ""),
    "res.partner.journey.report": ("", "", "", "R", "R", "R", ""),
    "account.move.correction": ("", "", "", "", "", "", "CRUD"),
    "account.move.correction.line": ("", "", "", "", "", "", "CRUD"),
}
OPERATIONS = {"C": "create", "R": "read", "U": "write", "D": "unlink"}
REPORTS = (  # read-only SQL queries
    "res.partner.satisfaction.report",
    "res.partner.client.report",
    "res.partner.journey.report",
)
# Odoo's models the module extends and restricts: client ratings are Odoo's rating.rating.
EXTENDED = {"rating.rating"}


def expected(model, role, scope):
    cell = MATRIX[model][list(ROLES).index(role)]
    own, differs, other = cell.partition("/")
    return other if scope == "other" and differs else own


def matrix_markdown():
    """The table of docs/security.md, rendered from MATRIX."""
    lines = [
        "| Model | " + " | ".join(label for label, _group in ROLES.values()) + " |",
        "|---|" + "---|" * len(ROLES),
    ]
    for model, cells in MATRIX.items():
        lines.append(f"| `{model}` | " + " | ".join(_markdown_cell(cell) for cell in cells) + " |")
    return "\n".join(lines)


def _markdown_cell(cell):
    own, differs, other = cell.partition("/")
    if differs:
        return f"{own or '—'} own, {other or '—'} others"
    return cell or "—"


@tagged("post_install", "-at_install")
class TestAccessMatrix(ClientHubFixtures, AccountTestInvoicingCommon):
    """Every model, every role, create/read/update/delete, on its own and on another client's records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clients = dict(
            zip(("own", "other"), cls._create_clients("Matrix own", "Matrix other"), strict=True)
        )
        cls.users = {"public": cls.env.ref("base.public_user")}
        for role, (label, group) in ROLES.items():
            if group:
                cls.users[role] = cls._create_user(
                    f"ch_matrix_{role}",
                    group,
                    name=f"Matrix {label}",
                    company_id=cls.env.company.id,
                    company_ids=[Command.set(cls.env.company.ids)],
                )
        cls.users["portal"].partner_id.sudo().parent_id = cls.clients["own"]
        cls.users["portal"].partner_id.with_user(SUPERUSER_ID)._client_hub_grant_vault()
        back_office = [user.id for role, user in cls.users.items() if role not in ("public", "portal")]
        cls.invoices = {
            scope: cls.init_invoice("out_invoice", client, amounts=[100], post=True)
            for scope, client in cls.clients.items()
        }
        sudo = cls.env(su=True)
        cls.key = new_vault_key()
        with vault_keys(cls.key):
            cls.credentials = {
                scope: sudo["res.partner.credential"].create(
                    {
                        "partner_id": client.id,
                        "name": f"Matrix {scope}",
                        "secret": f"matrix-{scope}-secret",
                        "user_ids": [Command.set(back_office if scope == "own" else [])],
                    }
                )
                for scope, client in cls.clients.items()
            }

    def setUp(self):
        super().setUp()
        self.enterContext(vault_keys(self.key))

    # Records each check runs on, and the values it creates or writes -------------------------------

    def _record(self, model, scope, user):
        client, sudo = self.clients[scope], self.env(su=True)
        if model == "rating.rating":
            # A portal user's own rating is the answer it gave in the portal; another client's is
            # given by that client's people (a client's rating is given by its own people).
            if user._is_portal():
                giver = user.partner_id if scope == "own" else client
                return sudo[model].create(
                    {
                        "client_id": client.id,
                        "rating": 4,
                        "partner_id": giver.id,
                        "channel": "portal",
                    }
                )
            # A rating recorded by the user is its own; another's is recorded by the administrator.
            author = user if scope == "own" else self.env.ref("base.user_admin")
            return sudo[model].create({"client_id": client.id, "rating": 4, "recorded_by_id": author.id})
        if model == "res.partner.credential":
            return self.credentials[scope]
        if model in REPORTS:
            sudo["rating.rating"].create({"client_id": client.id, "rating": 4}).flush_recordset()
            return sudo[model].search([("partner_id", "=", client.id)], limit=1)
        if model == "res.partner.credential.log":
            credential = self.credentials[scope]
            return sudo[model].create(
                {
                    "credential_id": credential.id,
                    "credential_name": credential.name,
                    "partner_id": client.id,
                    "action": "reveal",
                    "user_id": user.id if scope == "own" else self.env.ref("base.user_admin").id,
                }
            )
        if model == "res.partner.vault.grant":
            # Only a manager (or the superuser) grants, whatever the code's sudo.
            return sudo[model].with_user(SUPERUSER_ID).create(self._values(model, scope))
        if model.startswith("account.move.correction"):
            # A wizard belongs to whoever opened it; another user's wizard is the "other" record.
            creator = user if scope == "own" else self.env.ref("base.user_admin")
            wizard = (
                sudo["account.move.correction"]
                .with_user(creator)
                .sudo()
                .create(self._values("account.move.correction", scope))
            )
            return wizard if model == "account.move.correction" else wizard.line_ids.ensure_one()
        return sudo[model].create(self._values(model, scope))  # a fresh one: nothing refers to it

    def _values(self, model, scope):
        client, invoice = self.clients[scope], self.invoices[scope]
        if model == "account.move.correction.line":
            wizard = self._record("account.move.correction", scope, self.env.user)
            return {
                "correction_id": wizard.id,
                "move_line_id": invoice.invoice_line_ids[:1].id,
                "quantity": 1,
            }
        if model in REPORTS:
            return {"partner_id": client.id}
        return {
            "res.partner.client.status": {"name": "Matrix status"},
            "res.partner.client.category": {"name": "Matrix category"},
            "res.partner.tax.condition": {"name": "Matrix condition", "code": "matrix"},
            "res.partner.contract.type": {"name": "Matrix contract type"},
            "res.partner.address.type": {"name": "Matrix type", "code": "matrix"},
            "rating.rating": {"client_id": client.id, "rating": 3},
            "res.partner.credential": {"partner_id": client.id, "name": "Matrix new", "secret": "matrix-new"},
            "res.partner.credential.log": {"credential_id": self.credentials[scope].id, "action": "reveal"},
            "res.partner.vault.grant": {
                "partner_id": self.env(su=True)["res.partner"]
                .create({"name": "Matrix contact", "parent_id": client.id})
                .id
            },
            "res.partner.status.history": {
                "partner_id": client.id,
                "to_status_id": client.client_status_id.id,
            },
            # Line mode: the wizard builds its lines (the matrix checks them too).
            "account.move.correction": {
                "partner_id": client.id,
                "move_id": invoice.id,
                "reason": "Matrix",
                "mode": "partial",
            },
        }[model]

    def _update(self, model):
        return {
            "rating.rating": {"feedback": "Matrix"},
            "res.partner.credential": {"note": "Matrix"},
            "res.partner.credential.log": {"note": "Matrix"},
            "res.partner.vault.grant": {"note": "Matrix"},
            "account.move.correction": {"reason": "Matrix again"},
            "account.move.correction.line": {"quantity": 2},
            **{report: {"partner_id": False} for report in REPORTS},
        }.get(model, {"name": "Matrix renamed"})

    # The checks ----------------------------------------------------------------------------------------

    def _allowed(self, operation, model, scope, user):
        """Whether `user` may do `operation`; AccessError is the only acceptable refusal."""
        try:
            with self.env.cr.savepoint():
                if operation == "create":
                    values = self._values(model, scope)
                    self.env[model].with_user(user).create(values).flush_recordset()
                else:
                    record = self._record(model, scope, user).with_user(user)
                    if operation == "read":
                        record.read(["display_name"])
                    elif operation == "write":
                        record.write(self._update(model))
                        record.flush_recordset()
                    else:
                        record.unlink()
                        self.env.flush_all()
                self.env.invalidate_all()
                raise _RolledBack
        except _RolledBack:
            return True
        except AccessError:
            return False
        finally:
            self.env.invalidate_all()

    def test_access_matrix(self):
        for model in MATRIX:
            for role, user in self.users.items():
                for scope in ("own", "other"):
                    letters = expected(model, role, scope)
                    for letter, operation in OPERATIONS.items():
                        with self.subTest(model=model, role=role, scope=scope, operation=operation):
                            self.assertEqual(self._allowed(operation, model, scope, user), letter in letters)

    def test_matrix_covers_every_model_of_the_module(self):
        defined = {
            name
            for name, model in self.env.registry.items()
            if model._original_module == "client_hub" and not model._abstract
        }
        self.assertEqual(defined, set(MATRIX) - EXTENDED)

    def test_security_doc_shows_the_matrix(self):
        doc = Path(__file__).resolve().parents[1] / "docs" / "security.md"
        self.assertIn(matrix_markdown(), doc.read_text(encoding="utf-8"))


class _RolledBack(Exception):
    """Leaves the savepoint of an allowed operation, so that nothing it did stays."""
