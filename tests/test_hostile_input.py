"""Random, oversized, wrongly typed and missing values for every portal form and the wizard.

The answer is a form error (portal) or a UserError/ValidationError (wizard), never a server
error, and a refused input leaves the database as it was. Property-based, with hypothesis;
derandomized so that CI runs the same examples every time.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo import Command
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import ClientHubFixtures, SecurityCase

hostile = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,  # no .hypothesis folder in the module
    suppress_health_check=list(HealthCheck),
)
# What a form field may receive besides sensible values.
junk = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "-1",
            "1.5",
            "65536",
            "²",
            "٣",
            "99999999999999999999",
            "\x00",
            "a\x00b",
            "null",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "1e309",
            "NaN",
        ]
    ),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.builds(lambda char, size: char * size, st.characters(), st.integers(min_value=250, max_value=5000)),
)


def form_of(*names, **sensible):
    """A form with any of `names` missing, junk, or (for the keys of `sensible`) a sensible value."""
    return st.fixed_dictionaries(
        {},
        optional={
            name: st.one_of(junk, st.sampled_from(sensible[name])) if name in sensible else junk
            for name in names
        },
    )


@tagged("post_install", "-at_install")
class TestPortalHostileInput(SecurityCase):
    """Hostile values in every portal form of the client's portal user (with the vault right)."""

    def setUp(self):
        super().setUp()
        self.login("portal")
        self.token = self.csrf_token()

    def _submit(self, url, form, snapshot, refused):
        """Post the form; a refused one (says `refused(response)`) must leave `snapshot()` unchanged."""
        before = snapshot()
        response = self.url_open(url, data={**form, "csrf_token": self.token}, allow_redirects=False)
        self.assertIn(response.status_code, (200, 303), f"{url} answered {response.status_code} to {form!r}")
        self.assertNotIn("Traceback", response.text)
        self.env.invalidate_all()
        if refused(response):
            self.assertEqual(snapshot(), before, f"{url} refused {form!r} but changed the database")
        return response

    @staticmethod
    def _form_error(response):
        return response.status_code == 200 and "alert-danger" in response.text

    def _profile(self):
        return self.client.read(["phone", "email", "website", "vat", "tax_condition_id"])

    @hostile
    @given(form=form_of("phone", "email", "website", "vat", "tax_condition_id", email=["a@b.example.com"]))
    def test_profile_form(self, form):
        self._submit("/my/client", form, self._profile, self._form_error)

    def _credentials(self):
        credentials = self.env["res.partner.credential"].sudo().search([("partner_id", "=", self.client.id)])
        return credentials.read(["name", "platform", "url", "port", "login", "note", "secret_ciphertext"])

    @hostile
    @given(
        form=form_of(
            "name",
            "platform",
            "url",
            "port",
            "login",
            "secret",
            "note",
            name=["Web hosting"],
            platform=["ftp", "ssh"],
            port=["22"],
            secret=["hunter2-hostile"],
        )
    )
    def test_credential_forms(self, form):
        for url in ("/my/credentials/new", f"/my/credentials/{self.allowed.id}"):
            self._submit(url, form, self._credentials, lambda response: response.status_code != 303)

    def _ratings(self):
        return self.env["rating.rating"].sudo().search_count([("client_id", "=", self.client.id)])

    @hostile
    @given(form=form_of("score", "comment", score=["1", "5"]))
    def test_satisfaction_form(self, form):
        self._submit("/my/satisfaction", form, self._ratings, self._form_error)

    def _addresses(self):
        addresses = self.env["res.partner"].sudo().search([("parent_id", "=", self.client.id)])
        return addresses.read(["name", "address_type_id", "is_default_address"])

    @hostile
    @given(form=form_of("address_type_id", "is_default_address", "address_type", is_default_address=["1"]))
    def test_address_form(self, form):
        workplace = self.env.ref("client_hub.address_type_workplace")
        address = {
            "name": "Hostile Plant",
            "street": "ul. Fabryczna 1",
            "city": "Łódź",
            "zip": "90-001",
            "country_id": str(self.env.ref("base.pl").id),
            "email": "plant@hostile.example.com",
            "phone": "+48 5",
            "address_type_id": str(workplace.id),
        }
        self._submit(
            "/my/address/submit",
            {**address, **form},
            self._addresses,
            lambda response: "redirectUrl" not in response.text,
        )


@tagged("post_install", "-at_install")
class TestWizardHostileInput(ClientHubFixtures, AccountTestInvoicingCommon):
    """The correction wizard with random modes, reasons, invoices and line figures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_client("Hostile Wizard Client")
        cls.invoice = cls.init_invoice("out_invoice", cls.client, amounts=[100, 250], post=True)
        cls.invoices = {
            "invoice": cls.invoice,
            "draft": cls.init_invoice("out_invoice", cls.client, amounts=[100]),
            "other client's": cls.init_invoice("out_invoice", cls.partner_a, amounts=[100], post=True),
            "credit note": cls.init_invoice("out_refund", cls.client, amounts=[100], post=True),
            "none": cls.env["account.move"],
        }

    def _moves(self):
        return self.env["account.move"].search_read(
            [], ["state", "amount_total", "payment_state"], order="id"
        )

    numbers = st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.floats(min_value=-1e6, max_value=1e6),
        st.sampled_from([0, -1, 1e20, 1e300, 100.004]),
    )

    @hostile
    @given(
        mode=st.sampled_from(["full", "partial", "replace"]),
        reason=junk,
        move=st.sampled_from(["invoice", "draft", "other client's", "credit note", "none"]),
        figures=st.lists(st.tuples(numbers, numbers, numbers), max_size=3),
    )
    def test_correction_wizard(self, mode, reason, move, figures):
        before = self._moves()
        try:
            with self.env.cr.savepoint():
                wizard = self.env["account.move.correction"].create(
                    {
                        "partner_id": self.client.id,
                        "move_id": self.invoices[move].id,
                        "reason": reason,
                        "mode": mode,
                    }
                )
                wizard.write(
                    {
                        "line_ids": [
                            Command.update(line.id, {"quantity": q, "price_unit": p, "discount": d})
                            for line, (q, p, d) in zip(wizard.line_ids, figures, strict=False)
                        ]
                    }
                )
                wizard.action_confirm()
                self.env.flush_all()
        except (UserError, ValidationError):
            self.env.invalidate_all()
            self.assertEqual(self._moves(), before, "a refused correction changed the invoices")
