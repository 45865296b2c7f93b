from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import Form, tagged

from .common import ClientHubFixtures


@tagged("post_install", "-at_install")
class TestAddressInvoice(ClientHubFixtures, AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_client("Invoiced Client")
        invoice_type = cls.env.ref("client_hub.address_type_invoice")
        cls.billing_a, cls.billing_b = cls.env["res.partner"].create(
            [
                {"name": name, "parent_id": cls.client.id, "address_type_id": invoice_type.id}
                for name in ("Billing A", "Billing B")
            ]
        )
        cls.billing_b.is_default_address = True

    def _new_invoice_partner(self):
        with Form(self.env["account.move"].with_context(default_move_type="out_invoice")) as invoice:
            invoice.partner_id = self.client
            return invoice.partner_id

    def test_new_invoice_uses_the_default_invoice_address(self):
        self.assertEqual(self._new_invoice_partner(), self.billing_b)
        created = self.env["account.move"].create({"move_type": "out_invoice", "partner_id": self.client.id})
        self.assertEqual(created.partner_id, self.billing_b)
        self.assertEqual(created.commercial_partner_id, self.client)

    def test_changing_the_default_changes_the_next_invoice(self):
        self.billing_a.is_default_address = True
        self.assertEqual(self._new_invoice_partner(), self.billing_a)

    def test_a_chosen_address_is_kept(self):
        created = self.env["account.move"].create(
            {"move_type": "out_invoice", "partner_id": self.billing_a.id}
        )
        self.assertEqual(created.partner_id, self.billing_a)

    def test_client_without_invoice_address_is_invoiced_itself(self):
        other = self._create_client("Plain Client", child_ids=[(0, 0, {"name": "Some Person"})])
        created = self.env["account.move"].create({"move_type": "out_invoice", "partner_id": other.id})
        self.assertEqual(created.partner_id, other)
