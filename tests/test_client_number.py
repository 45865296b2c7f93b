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
