from odoo.exceptions import ValidationError

from .common import ClientHubCase


class TestAddressDefault(ClientHubCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_client("Addressed Client")
        cls.workplace = cls.env.ref("client_hub.address_type_workplace")
        cls.invoice_type = cls.env.ref("client_hub.address_type_invoice")

    def _address(self, name, address_type=None, **values):
        return self.env["res.partner"].create(
            {
                "name": name,
                "parent_id": self.client.id,
                "address_type_id": (address_type or self.workplace).id,
                **values,
            }
        )

    def _defaults(self, address_type=None):
        return self.env["res.partner"].search(
            [
                ("parent_id", "=", self.client.id),
                ("address_type_id", "=", (address_type or self.workplace).id),
                ("is_default_address", "=", True),
            ]
        )

    def test_type_sets_odoo_address_type(self):
        self.assertEqual(self._address("Plant").type, "other")
        address = self._address("Billing", self.invoice_type)
        self.assertEqual(address.type, "invoice")
        address.address_type_id = self.env.ref("client_hub.address_type_delivery")
        self.assertEqual(address.type, "delivery")

    def test_marking_a_default_unmarks_the_previous_one(self):
        first = self._address("Plant 1", is_default_address=True)
        second = self._address("Plant 2")
        self.assertEqual(self._defaults(), first)
        second.is_default_address = True
        self.assertEqual(self._defaults(), second)
        self.assertFalse(first.is_default_address)

    def test_one_default_per_type(self):
        plant = self._address("Plant", is_default_address=True)
        billing = self._address("Billing", self.invoice_type, is_default_address=True)
        self.assertTrue(plant.is_default_address and billing.is_default_address)

    def test_two_defaults_in_one_create(self):
        self.env["res.partner"].create(
            [
                {
                    "name": name,
                    "parent_id": self.client.id,
                    "address_type_id": self.workplace.id,
                    "is_default_address": True,
                }
                for name in ("Plant A", "Plant B")
            ]
        )
        self.assertEqual(self._defaults().mapped("name"), ["Plant B"])

    def test_two_defaults_in_one_write(self):
        both = self._address("Plant A") | self._address("Plant B")
        both.write({"is_default_address": True})
        self.assertEqual(len(self._defaults()), 1)

    def test_archiving_the_default_passes_it_on(self):
        first = self._address("Plant 1", is_default_address=True)
        second = self._address("Plant 2")
        first.action_archive()
        self.assertEqual(self._defaults(), second)
        self.assertFalse(first.is_default_address)
        self.assertEqual(first.name, "Plant 1", "the archived address keeps its data")
        second.action_archive()
        self.assertFalse(self._defaults(), "no address left to take the default")

    def test_client_address_helper(self):
        self.assertEqual(self.client._get_client_address("workplace"), self.client)
        first = self._address("Plant 1")
        self.assertEqual(self.client._get_client_address("workplace"), first)
        second = self._address("Plant 2", is_default_address=True)
        self.assertEqual(self.client._get_client_address("workplace"), second)
        contact = self.env["res.partner"].create({"name": "Person", "parent_id": self.client.id})
        self.assertEqual(contact._get_client_address("workplace"), second, "works from any contact")

    def test_type_without_parent_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "belongs to no client"):
            self.env["res.partner"].create({"name": "Orphan", "address_type_id": self.workplace.id})
        address = self._address("Plant")
        with self.assertRaisesRegex(ValidationError, "belongs to no client"):
            address.parent_id = False

    def test_default_needs_a_type(self):
        with self.assertRaisesRegex(ValidationError, "without an address type"):
            self.env["res.partner"].create(
                {"name": "Untyped", "parent_id": self.client.id, "is_default_address": True}
            )

    def test_add_button_context_picks_the_type(self):
        Partner = self.env["res.partner"].with_context(default_address_type_code="workplace")
        defaults = Partner.default_get(["address_type_id", "type"])
        self.assertEqual(defaults["address_type_id"], self.workplace.id)
        self.assertEqual(defaults["type"], "other")

    def test_clients_without_invoice_address_filter(self):
        with_invoice = self._create_client("Has Billing")
        self.env["res.partner"].create(
            {"name": "Billing", "parent_id": with_invoice.id, "address_type_id": self.invoice_type.id}
        )
        without = self._create_client("No Billing")
        search_view = self.env.ref("client_hub.res_partner_view_search_clients")
        self.assertIn('name="no_invoice_address"', search_view.arch_db)
        found = self.env["res.partner"].search(
            [("is_client", "=", True), ("child_ids", "not any", [("type", "=", "invoice")])]
        )
        self.assertIn(without, found)
        self.assertNotIn(with_invoice, found)
