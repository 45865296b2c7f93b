from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tools.safe_eval import safe_eval

from .common import ClientHubCase


class TestClientNumber(ClientHubCase):
    def test_numbers_come_from_the_sequence(self):
        first, second = self._create_client("First"), self._create_client("Second")
        self.assertNotEqual(first.ref, second.ref)
        self.assertEqual(int(second.ref[2:]), int(first.ref[2:]) + 1)

    def test_duplicate_number_names_the_other_client(self):
        self._create_client("Original Client", ref="CL-100")
        with self.assertRaisesRegex(ValidationError, "CL-100.*Original Client"):
            self._create_client("Copycat", ref="CL-100")

    def test_duplicate_number_on_write(self):
        self._create_client("Original Client", ref="CL-101")
        other = self._create_client("Other")
        with self.assertRaises(ValidationError):
            other.ref = "CL-101"

    def test_contacts_may_share_their_company_number(self):
        client = self._create_client(ref="CL-102")
        contact = self.env["res.partner"].create({"name": "Contact", "parent_id": client.id, "ref": "CL-102"})
        self.assertEqual(contact.ref, "CL-102")

    def test_same_number_in_another_company(self):
        company_b = self._create_test_company("Other Company")
        self._create_client("In A", ref="CL-103", company_id=self.env.company.id)
        in_b = self._create_client("In B", ref="CL-103", company_id=company_b.id)
        self.assertEqual(in_b.ref, "CL-103")

    def test_a_batch_of_clients_gets_consecutive_numbers(self):
        first, *_others, last = self._create_clients(*(f"Batch {i}" for i in range(5)))
        self.assertEqual(int(last.ref[2:]) - int(first.ref[2:]), 4)

    def test_numbers_are_per_company(self):
        company_b = self._create_test_company("Other Company")
        in_a = self._create_client("In A", company_id=self.env.company.id)
        first_b, second_b = self._create_clients("In B 0", "In B 1", company_id=company_b.id)
        self.assertEqual((first_b.ref, second_b.ref), (f"CL{company_b.id}-00001", f"CL{company_b.id}-00002"))
        self.assertRegex(in_a.ref, r"^CL\d{5}$", "the first company keeps its own series")
        self.assertRegex(self._create_client("Next in A").ref, r"^CL\d{5}$")
        sequences = self.env["ir.sequence"].search([("code", "=", "res.partner.client.number")])
        self.assertEqual(sequences.company_id, self.env.company | company_b, "one sequence per company")

    def test_a_shared_partner_is_numbered_by_the_current_company(self):
        company_b = self._create_test_company("Other Company")
        shared = self._create_client("Shared", company_id=False)
        in_b = (
            self.env["res.partner"]
            .with_company(company_b)
            .create({"name": "Created in B", "is_company": True, "client_status_id": self.status_active.id})
        )
        self.assertRegex(shared.ref, r"^CL\d{5}$")
        self.assertTrue(in_b.ref.startswith(f"CL{company_b.id}-"))


class TestEveryNewClientIsNumbered(ClientHubCase):
    """However a client is created, it gets its number and its client-since date."""

    def assertOnboarded(self, partner):
        self.assertTrue(partner.is_client)
        self.assertRegex(partner.ref, r"^CL\d{5}$")
        self.assertEqual(partner.client_since, fields.Date.context_today(partner))

    def test_form_of_the_clients_menu(self):
        # The Clients menu's context names the status; the form sends client_since False.
        action = self.env.ref("client_hub.res_partner_action_clients")
        context = safe_eval(action.context, {"ref": lambda xmlid: self.env.ref(xmlid).id})
        with Form(self.env["res.partner"].with_user(self.user_client_hub).with_context(**context)) as form:
            form.name = "From the Form Ltd"
        partner = form.record
        self.assertEqual(partner.client_status_id, self.status_prospect)
        self.assertOnboarded(partner)

    def test_form_with_a_status_chosen(self):
        with Form(self.env["res.partner"].with_user(self.user_client_hub)) as form:
            form.name = "Chosen Status Ltd"
            form.company_type = "company"
            form.client_status_id = self.status_active
        self.assertOnboarded(form.record)

    def test_context_default_over_rpc(self):
        partner = (
            self.env["res.partner"]
            .with_context(default_client_status_id=self.status_prospect.id)
            .create({"name": "Context Default Ltd", "is_company": True})
        )
        self.assertOnboarded(partner)

    def test_ir_default(self):
        self.env["ir.default"].set("res.partner", "client_status_id", self.status_prospect.id)
        partners = self.env["res.partner"].create(
            [{"name": "Default One", "is_company": True}, {"name": "Default Two"}]
        )
        for partner in partners:
            self.assertOnboarded(partner)
        self.assertEqual(int(partners[1].ref[2:]), int(partners[0].ref[2:]) + 1)

    def test_import_with_a_default_status(self):
        result = (
            self.env["res.partner"]
            .with_context(default_client_status_id=self.status_active.id)
            .load(["name", "is_company"], [["Imported Default", "1"], ["Imported Person", "0"]])
        )
        self.assertFalse(result["messages"], result["messages"])
        for partner in self.env["res.partner"].browse(result["ids"]):
            self.assertOnboarded(partner)

    def test_rpc_with_false_client_since(self):
        partner = self.env["res.partner"].create(
            {
                "name": "RPC Ltd",
                "is_company": True,
                "client_status_id": self.status_active.id,
                "client_since": False,
            }
        )
        self.assertOnboarded(partner)

    def test_an_address_under_a_client_is_not_numbered(self):
        client = self._create_client()
        address = (
            self.env["res.partner"]
            .with_context(default_client_status_id=self.status_prospect.id)
            .create({"name": "Workplace", "parent_id": client.id, "type": "other"})
        )
        self.assertFalse(address.is_client)
        self.assertFalse(address.ref)

    def test_becoming_clients_by_write_share_one_batch(self):
        partners = self.env["res.partner"].create(
            [{"name": f"Later {i}", "is_company": True} for i in range(3)]
        )
        partners.client_status_id = self.status_active
        for partner in partners:
            self.assertOnboarded(partner)
        numbers = sorted(int(partner.ref[2:]) for partner in partners)
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 3)))
