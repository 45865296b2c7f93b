from odoo import Command
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ClientHubFixtures


@tagged("post_install", "-at_install")
class TestTaxCondition(ClientHubFixtures, AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registered = cls.env.ref("client_hub.tax_condition_vat_registered")
        cls.reverse_charge = cls.env.ref("client_hub.tax_condition_foreign_reverse_charge")
        cls.final_consumer = cls.env.ref("client_hub.tax_condition_final_consumer")
        cls.country = cls.env.ref("base.de")
        cls.fpos_reverse_charge = cls.env["account.fiscal.position"].create(
            {
                "name": "Reverse charge (test)",
                "auto_apply": True,
                "country_id": cls.country.id,
                "tax_condition_ids": [Command.set(cls.reverse_charge.ids)],
            }
        )
        cls.tax_reverse_charge = cls.env["account.tax"].create(
            {
                "name": "0% reverse charge (test)",
                "amount": 0.0,
                "fiscal_position_ids": [Command.link(cls.fpos_reverse_charge.id)],
                "original_tax_ids": [Command.set(cls.tax_sale_a.ids)],
            }
        )

    def _client(self, condition, vat="DE123456788"):
        return self._create_client(
            f"Client {condition.code}", country_id=self.country.id, vat=vat, tax_condition_id=condition.id
        )

    def test_vat_required_condition_refuses_missing_vat(self):
        with self.assertRaisesRegex(ValidationError, "requires a tax ID"):
            self._client(self.registered, vat=False)
        client = self._client(self.registered)
        with self.assertRaisesRegex(ValidationError, "requires a tax ID"):
            client.vat = False
        client.write({"tax_condition_id": self.final_consumer.id, "vat": False})
        self.assertFalse(client.vat)

    def test_invoice_gets_the_position_of_the_tax_condition(self):
        client = self._client(self.reverse_charge)
        invoice = self.init_invoice("out_invoice", partner=client, products=self.product_a)
        self.assertEqual(invoice.fiscal_position_id, self.fpos_reverse_charge)
        self.assertEqual(invoice.invoice_line_ids.tax_ids, self.tax_reverse_charge)

    def test_other_condition_does_not_get_it(self):
        client = self._client(self.registered)
        invoice = self.init_invoice("out_invoice", partner=client, products=self.product_a)
        self.assertNotEqual(invoice.fiscal_position_id, self.fpos_reverse_charge)
        self.assertNotIn(self.tax_reverse_charge, invoice.invoice_line_ids.tax_ids)

    def test_contact_address_uses_its_company_condition(self):
        client = self._client(self.reverse_charge)
        contact = self.env["res.partner"].create({"name": "Buyer", "parent_id": client.id})
        self.assertEqual(
            self.env["account.fiscal.position"]._get_fiscal_position(contact), self.fpos_reverse_charge
        )

    def test_client_currency_on_new_invoice(self):
        client = self._client(self.registered)
        foreign = self.setup_other_currency("CHF")
        client.client_currency_id = foreign
        invoice = self.init_invoice("out_invoice", partner=client, products=self.product_a)
        self.assertEqual(invoice.currency_id, foreign)
        plain = self.init_invoice("out_invoice", partner=self.partner_a, products=self.product_a)
        self.assertEqual(plain.currency_id, self.env.company.currency_id)
