import re

from odoo.tests import tagged

from .test_portal import PortalCase


@tagged("post_install", "-at_install")
class TestPortalAddressTypeRequired(PortalCase):
    """A client's new address needs its type: the form preselects it, refuses an address without
    one and says so, instead of saving a plain contact under the company's address."""

    def _address_form(self, **values):
        return {
            "name": "A Dock",
            "email": "dock@example.com",
            "phone": "+48 58 555 0101",
            "street": "ul. Portowa 2",
            "city": "Gdynia",
            "zip": "81-001",
            "country_id": str(self.env.ref("base.pl").id),
            "address_type": "delivery",
            "use_delivery_as_billing": "true",
            "address_type_id": "",
            **values,
        }

    def _selected_type(self, page):
        select = re.search(r'<select[^>]*name="address_type_id".*?</select>', page, re.S).group(0)
        selected = re.search(r"<option[^>]*selected[^>]*>([^<]*)</option>", select)
        return selected and selected.group(1)

    def test_add_of_a_kind_preselects_its_type(self):
        self._login(self.user_a)
        for kind, expected in (("delivery", "Delivery"), ("billing", "Invoice")):
            with self.subTest(kind=kind):
                page = self.url_open(f"/my/address?address_type={kind}").text
                self.assertEqual(self._selected_type(page), expected)

    def test_new_address_without_a_type_is_refused_with_a_message(self):
        self._login(self.user_a)
        response = self._post("/my/address/submit", self._address_form())
        self.assertIn("Choose the type of this address.", response.text)
        self.assertIn("address_type_id", response.json()["invalid_fields"])
        self.assertFalse(self.env["res.partner"].search([("name", "=", "A Dock")]))

    def test_new_address_with_a_type_is_listed(self):
        self._login(self.user_a)
        delivery = self.env.ref("client_hub.address_type_delivery")
        response = self._post("/my/address/submit", self._address_form(address_type_id=str(delivery.id)))
        self.assertIn("redirectUrl", response.text)
        dock = self.env["res.partner"].search([("name", "=", "A Dock")])
        self.assertEqual(
            (dock.parent_id, dock.address_type_id, dock.type), (self.client_a, delivery, "delivery")
        )
        self.assertEqual(dock.street, "ul. Portowa 2", "its own address, not the company's")
        self.assertIn("A Dock", self.url_open("/my/addresses").text)

    def test_own_contact_details_need_no_type(self):
        self._login(self.user_a)
        partner = self.user_a.partner_id
        response = self._post(
            "/my/address/submit",
            self._address_form(partner_id=str(partner.id), name=partner.name, email=partner.email),
        )
        self.assertNotIn("Choose the type of this address.", response.text)

    def test_typed_address_keeps_its_type_unless_the_form_empties_it(self):
        delivery = self.env.ref("client_hub.address_type_delivery")
        dock = self.env["res.partner"].create(
            {"name": "A Dock", "parent_id": self.client_a.id, "address_type_id": delivery.id}
        )
        self._login(self.user_a)
        form = self._address_form(partner_id=str(dock.id))
        response = self._post("/my/address/submit", form)
        self.assertIn("Choose the type of this address.", response.text)
        del form["address_type_id"]  # a form without the field: the stored type stays
        response = self._post("/my/address/submit", {**form, "street": "ul. Nowa 3"})
        self.assertIn("redirectUrl", response.text)
        self.assertEqual((dock.address_type_id, dock.street), (delivery, "ul. Nowa 3"))
