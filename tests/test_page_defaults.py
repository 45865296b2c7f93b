from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import ClientHubCase


@tagged("post_install", "-at_install")
class TestRecordsCreatedFromAClientPage(ClientHubCase):
    """What a client's page creates is what the page says, whatever context the menu carried."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_client("Page Client Ltd")
        action = cls.env.ref("client_hub.res_partner_action_clients")
        cls.menu_context = safe_eval(action.context, {"ref": lambda xmlid: cls.env.ref(xmlid).id})
        cls.delivery = cls.env.ref("client_hub.address_type_delivery")
        cls.correspondence = cls.env.ref("client_hub.address_type_correspondence")

    def assertAddressOf(self, address, address_type, core_type):
        self.assertEqual(address.parent_id, self.client)
        self.assertEqual(address.address_type_id, address_type)
        self.assertEqual(address.type, core_type)
        self.assertFalse(address.is_company)
        self.assertFalse(address.is_client)
        self.assertFalse(address.ref)

    def test_menu_context_has_no_default_of_a_field(self):
        # Odoo's web client hands default_<field> keys of the page to what is saved with it.
        Partner = self.env["res.partner"]
        leaking = [
            key for key in self.menu_context if key.startswith("default_") and key[8:] in Partner._fields
        ]
        self.assertFalse(leaking)

    def test_new_record_of_the_menu_is_a_prospect_company(self):
        form = Form(self.env["res.partner"].with_user(self.user_client_hub).with_context(**self.menu_context))
        self.assertTrue(form.is_company)
        self.assertEqual(form.client_status_id, self.status_prospect)

    def test_addresses_added_on_the_client_page_are_addresses(self):
        clients_before = self.env["res.partner"].search_count([("is_client", "=", True)])
        partner = self.client.with_user(self.user_client_hub).with_context(**self.menu_context)
        with Form(partner) as form:
            for address_type, name in ((self.delivery, "Dock 4"), (self.correspondence, "PO Box 12")):
                with form.client_address_ids.new() as line:
                    line.address_type_id = address_type
                    line.name = name
                    line.street = "1 Harbour Road"
                    line.city = "Gdynia"
        dock = self.client.child_ids.filtered(lambda child: child.name == "Dock 4")
        box = self.client.child_ids.filtered(lambda child: child.name == "PO Box 12")
        self.assertAddressOf(dock, self.delivery, "delivery")
        self.assertAddressOf(box, self.correspondence, "other")
        self.assertEqual(
            (dock.street, box.city), ("1 Harbour Road", "Gdynia"), "its own address, not the client's"
        )
        self.assertEqual(self.env["res.partner"].search_count([("is_client", "=", True)]), clients_before)

    def test_no_page_default_makes_a_child_a_company_or_client(self):
        # Odoo's Customers menu says default_is_company too; an import or RPC may name a status.
        contexts = (
            self.menu_context,
            {"default_is_company": True},
            {"default_is_company": True, "default_client_status_id": self.status_prospect.id},
        )
        for context in contexts:
            with self.subTest(context=context):
                address, person = (
                    self.env["res.partner"]
                    .with_context(**context)
                    .create(
                        [
                            {
                                "name": "Dock",
                                "parent_id": self.client.id,
                                "address_type_id": self.delivery.id,
                            },
                            {"name": "Jan Kowalski", "parent_id": self.client.id, "type": "contact"},
                        ]
                    )
                )
                self.assertAddressOf(address, self.delivery, "delivery")
                self.assertFalse(person.is_company or person.is_client or person.ref)

    def test_a_client_and_its_addresses_created_together(self):
        form = Form(self.env["res.partner"].with_user(self.user_client_hub).with_context(**self.menu_context))
        form.name = "Together Ltd"
        with form.client_address_ids.new() as line:
            line.address_type_id = self.delivery
            line.name = "Together Dock"
        client = form.save()
        self.assertTrue(client.is_client)
        self.assertEqual(client.client_status_id, self.status_prospect)
        self.assertRegex(client.ref, r"^CL\d{5}$")
        address = client.child_ids
        self.assertEqual(address.address_type_id, self.delivery)
        self.assertFalse(address.is_company or address.is_client or address.ref)

    def test_contact_added_on_the_client_page_is_a_person(self):
        partner = self.client.with_user(self.user_client_hub).with_context(**self.menu_context)
        with Form(partner) as form, form.child_ids.new() as contact:
            contact.name = "Anna Nowak"
        anna = self.client.child_ids.filtered(lambda child: child.name == "Anna Nowak")
        self.assertEqual(anna.type, "contact")
        self.assertFalse(anna.is_company or anna.is_client or anna.ref)

    def test_quick_create_in_a_kanban_column_makes_a_client_of_its_status(self):
        # The kanban grouped by status adds the column's default_client_status_id to the menu's.
        context = {**self.menu_context, "default_client_status_id": self.status_active.id}
        partner_id, _name = (
            self.env["res.partner"]
            .with_user(self.user_client_hub)
            .with_context(**context)
            .name_create("Quick Ltd")
        )
        quick = self.env["res.partner"].browse(partner_id)
        self.assertTrue(quick.is_company)
        self.assertEqual(quick.client_status_id, self.status_active)
        self.assertRegex(quick.ref, r"^CL\d{5}$")


@tagged("post_install", "-at_install")
class TestPortalWizardOffersPeople(ClientHubCase):
    """The portal wizard of a client offers the client and its people, not its addresses."""

    def test_wizard_of_a_client_lists_people_not_addresses(self):
        client = self._create_client("Wizard Client Ltd", email="office@wizard.example.com")
        person = self._create_contact(client, "Ewa Wizard", email="ewa@wizard.example.com")
        workplace = self._create_contact(
            client, "Plant", address_type_id=self.env.ref("client_hub.address_type_workplace").id
        )
        wizard = (
            self.env["portal.wizard"]
            .with_context(active_ids=client.ids, active_model="res.partner")
            .create({})
        )
        self.assertEqual(wizard.user_ids.partner_id, client | person)
        self.assertNotIn(workplace, wizard.partner_ids)

    def test_an_address_chosen_by_the_user_is_offered(self):
        client = self._create_client("Chosen Client Ltd")
        workplace = self._create_contact(
            client, "Plant", address_type_id=self.env.ref("client_hub.address_type_workplace").id
        )
        wizard = self.env["portal.wizard"].with_context(active_ids=workplace.ids).create({})
        self.assertEqual(wizard.partner_ids, workplace)

    def test_default_partner_ids_given_as_ids_are_kept(self):
        client = self._create_client("Ids Client Ltd")
        wizard = self.env["portal.wizard"].with_context(default_partner_ids=client.ids).create({})
        self.assertEqual(wizard.partner_ids, client)
