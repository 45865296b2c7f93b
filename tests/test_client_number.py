from odoo.exceptions import ValidationError

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
        company_b = self.env["res.company"].create({"name": "Other Company"})
        self._create_client("In A", ref="CL-103", company_id=self.env.company.id)
        in_b = self._create_client("In B", ref="CL-103", company_id=company_b.id)
        self.assertEqual(in_b.ref, "CL-103")

    def test_a_batch_of_clients_gets_consecutive_numbers(self):
        first, *_others, last = self.env["res.partner"].create(
            [
                {"name": f"Batch {i}", "is_company": True, "client_status_id": self.status_active.id}
                for i in range(5)
            ]
        )
        self.assertEqual(int(last.ref[2:]) - int(first.ref[2:]), 4)

    def test_numbers_are_per_company(self):
        company_b = self.env["res.company"].create({"name": "Other Company"})
        in_a = self._create_client("In A", company_id=self.env.company.id)
        first_b, second_b = self.env["res.partner"].create(
            [
                {
                    "name": f"In B {i}",
                    "is_company": True,
                    "client_status_id": self.status_active.id,
                    "company_id": company_b.id,
                }
                for i in range(2)
            ]
        )
        self.assertEqual((first_b.ref, second_b.ref), (f"CL{company_b.id}-00001", f"CL{company_b.id}-00002"))
        self.assertRegex(in_a.ref, r"^CL\d{5}$", "the first company keeps its own series")
        self.assertRegex(self._create_client("Next in A").ref, r"^CL\d{5}$")
        sequences = self.env["ir.sequence"].search([("code", "=", "res.partner.client.number")])
        self.assertEqual(sequences.company_id, self.env.company | company_b, "one sequence per company")

    def test_a_shared_partner_is_numbered_by_the_current_company(self):
        company_b = self.env["res.company"].create({"name": "Other Company"})
        shared = self._create_client("Shared", company_id=False)
        in_b = (
            self.env["res.partner"]
            .with_company(company_b)
            .create({"name": "Created in B", "is_company": True, "client_status_id": self.status_active.id})
        )
        self.assertRegex(shared.ref, r"^CL\d{5}$")
        self.assertTrue(in_b.ref.startswith(f"CL{company_b.id}-"))
