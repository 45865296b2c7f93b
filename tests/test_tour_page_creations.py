from odoo.tests import tagged

from .common import ClientHubHttpCase


@tagged("post_install", "-at_install")
class TestPageCreationTours(ClientHubHttpCase):
    """Opened from the Clients menu (its context), a client's page creates what it says."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_client("Page Tour Ltd", street="1 Main Street", city="Warsaw")

    def _clients_count(self):
        return self.env["res.partner"].search_count([("is_client", "=", True)])

    def assertPlainChild(self, partner):
        self.assertEqual(partner.parent_id, self.client)
        self.assertFalse(partner.is_company, f"{partner.name} is no company")
        self.assertFalse(partner.is_client, f"{partner.name} is no client")
        self.assertFalse(partner.ref, f"{partner.name} has no client number")

    def test_addresses_added_on_the_client_page(self):
        self._create_user("ch_tour_pages", "client_hub.group_client_hub_user")
        clients = self._clients_count()
        self.start_tour("/odoo", "client_hub_page_adds_addresses", login="ch_tour_pages")
        dock = self.client.child_ids.filtered(lambda child: child.name == "Tour Dock")
        box = self.client.child_ids.filtered(lambda child: child.name == "Tour PO Box")
        for address in (dock, box):
            self.assertPlainChild(address)
        self.assertEqual(
            (dock.address_type_id, dock.type, dock.street, dock.city),
            (self.env.ref("client_hub.address_type_delivery"), "delivery", "1 Quay Street", "Gdynia"),
        )
        self.assertEqual(
            (box.address_type_id, box.type, box.street, box.city),
            (self.env.ref("client_hub.address_type_correspondence"), "other", "PO Box 12", "Sopot"),
        )
        self.assertEqual(self._clients_count(), clients)

    def test_contact_added_on_the_client_page(self):
        self._create_user("ch_tour_pages", "client_hub.group_client_hub_user")
        clients = self._clients_count()
        self.start_tour("/odoo", "client_hub_page_adds_contact", login="ch_tour_pages")
        person = self.client.child_ids.filtered(lambda child: child.name == "Tour Person")
        self.assertPlainChild(person)
        self.assertEqual(person.type, "contact")
        self.assertFalse(person.address_type_id)
        self.assertEqual(self._clients_count(), clients)

    def test_new_client_of_the_menu_is_a_prospect_company(self):
        self._create_user("ch_tour_pages", "client_hub.group_client_hub_user")
        self.start_tour("/odoo", "client_hub_menu_new_client", login="ch_tour_pages")
        client = self.env["res.partner"].search([("name", "=", "Menu New Ltd")])
        self.assertTrue(client.is_company and client.is_client)
        self.assertEqual(client.client_status_id, self.env.ref("client_hub.client_status_prospect"))
        self.assertRegex(client.ref, r"^CL\d{5}$")

    def test_portal_access_granted_from_the_client_page(self):
        self._create_user("ch_tour_portal", "client_hub.group_client_hub_user,base.group_partner_manager")
        person = self._create_contact(self.client, "Portal Person", email="portal.person@tour.example.com")
        self._create_contact(
            self.client,
            "Tour Workplace",
            address_type_id=self.env.ref("client_hub.address_type_workplace").id,
        )
        self.start_tour("/odoo", "client_hub_page_grants_portal", login="ch_tour_portal")
        self.assertTrue(person.user_ids, "the person got a login")
        self.assertTrue(person.user_ids._is_portal())


@tagged("post_install", "-at_install")
class TestPortalAddressTypeTour(ClientHubHttpCase):
    """On a phone, the portal's address form asks for the type it needs and loses nothing."""

    browser_size = "390x844"

    def test_address_without_then_with_a_type(self):
        poland = self.env.ref("base.pl")
        client = self._create_client(
            "Phone Client Ltd", street="1 Long Street", city="Gdansk", zip="80-002", country_id=poland.id
        )
        user = self._create_client_portal_user("ch_phone_portal", client, email="phone.portal@example.com")
        user.partner_id.country_id = poland
        self.start_tour("/my/addresses", "client_hub_portal_address_type", login="ch_phone_portal")
        address = client.child_ids.filtered(lambda child: child.name == "Phone Dock")
        self.assertEqual(len(address), 1, "saved once, after the type was chosen")
        self.assertEqual(
            (address.address_type_id, address.type, address.street, address.city),
            (self.env.ref("client_hub.address_type_delivery"), "delivery", "7 Marina Road", "Gdansk"),
        )
