import io
import json

from odoo.tests import tagged

from .common import SecurityCase

PAGES = ("/my/client", "/my/credentials", "/my/credentials/new", "/my/satisfaction")


@tagged("post_install", "-at_install", "security")
class TestSecurityPortalUsers(SecurityCase):
    """Attack 2 of issue #15: the client's pages serve its portal users only."""

    def test_internal_user_made_a_clients_contact_gets_no_portal_page(self):
        for role in ("internal", "user", "credentials", "manager"):
            with self.subTest(role=role):
                user = self.users[role]
                # A Client Hub user may edit partners, its own too: it joins the client's company.
                user.partner_id.sudo().parent_id = self.client
                before = self.snapshot(self.allowed + self.forbidden)
                self.login(role)
                for url in (*PAGES, f"/my/credentials/{self.forbidden.id}"):
                    self.assertIn(self.url_open(url).status_code, (403, 404), url)
                response = self.post_form(
                    role, f"/my/credentials/{self.forbidden.id}", {"name": "X", "secret": "pwned"}
                )
                self.assertIn(response.status_code, (403, 404))
                response = self.post_form(
                    role, "/my/credentials/new", {"name": "Planted", "secret": "planted"}
                )
                self.assertIn(response.status_code, (403, 404))
                self.assertEqual(self.snapshot(self.allowed + self.forbidden), before)
        self.assertEqual(self.forbidden.reveal_secret(), "forbidden-secret-value")
        self.assertFalse(self.env["res.partner.credential"].search([("name", "=", "Planted")]))

    def test_public_and_other_clients_people_get_nothing(self):
        before = self.snapshot(self.allowed + self.forbidden)
        self.login("public")
        for url in PAGES:
            self.assertIn("/web/login", self.url_open(url).url, url)
        response = self.post_form(
            "portal_other", f"/my/credentials/{self.forbidden.id}", {"name": "X", "secret": "y"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.snapshot(self.allowed + self.forbidden), before)

    def test_portal_write_methods_are_not_callable_over_rpc(self):
        for role in ("portal", "user", "manager"):
            for model, method, args in (
                ("res.partner.credential", "_client_hub_portal_save", [{"name": "X", "secret": "y"}]),
                ("res.partner", "_client_hub_portal_update_profile", [{"vat": "X"}]),
                ("rating.rating", "_client_hub_portal_rate", [5, "x"]),
            ):
                with self.subTest(role=role, method=method):
                    self.assertRefused(role, model, method, args)

    def test_client_is_derived_from_the_user_on_every_request(self):
        self.login("portal")
        self.assertEqual(self.url_open("/my/credentials").status_code, 200)
        self.users["portal"].partner_id.sudo().parent_id = self.other_client
        self.assertEqual(self.url_open(f"/my/credentials/{self.allowed.id}").status_code, 404)
        self.assertNotIn("Allowed FTP", self.url_open("/my/credentials").text)


@tagged("post_install", "-at_install", "security")
class TestSecurityPortalProfile(SecurityCase):
    """Attack 5: VAT after invoices, tax conditions as requests, conditions of the client's country."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client.write({"country_id": cls.env.ref("base.us").id, "user_id": cls.users["user"].id})
        cls.registered = cls.env.ref("client_hub.tax_condition_vat_registered")
        cls.client.tax_condition_id = cls.registered
        cls.reverse_charge = cls.env.ref("client_hub.tax_condition_foreign_reverse_charge")
        cls.argentine = cls.env["res.partner.tax.condition"].search(
            [("country_id", "=", cls.env.ref("base.ar").id)]
        )

    def _profile(self, **values):
        return {
            "phone": "+1 555 0100",
            "email": "office@attacked.example.com",
            "website": "",
            "vat": self.client.vat,
            "tax_condition_id": str(self.client.tax_condition_id.id),
            **values,
        }

    def test_vat_cannot_change_once_invoices_exist(self):
        self._make_invoice(self.client, [{"name": "Work", "quantity": 1, "price_unit": 100}])
        response = self.post_form("portal", "/my/client", self._profile(vat="BE0999999999"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Changing the Tax ID is not allowed", response.text)
        self.assertEqual(self.client.vat, "BE0477472701")

    def test_tax_condition_change_is_a_request_to_the_salesperson(self):
        fiscal_position = self.client.property_account_position_id
        response = self.post_form(
            "portal", "/my/client", self._profile(tax_condition_id=str(self.reverse_charge.id))
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("will apply it", response.text)
        self.assertEqual(self.client.tax_condition_id, self.registered, "not applied by the client")
        self.assertEqual(self.client.property_account_position_id, fiscal_position)
        activity = self.client.activity_ids
        self.assertEqual(activity.user_id, self.users["user"])
        self.assertIn(self.reverse_charge.name, str(activity.note))

    def test_only_conditions_of_the_clients_country_are_offered(self):
        self.assertTrue(self.argentine)
        self.login("portal")
        page = self.url_open("/my/client").text
        self.assertIn(self.reverse_charge.name, page)
        for condition in self.argentine:
            self.assertNotIn(f'value="{condition.id}"', page)
            response = self.post_form(
                "portal", "/my/client", self._profile(tax_condition_id=str(condition.id))
            )
            self.assertIn("Choose a tax condition from the list", response.text)
        self.assertEqual(self.client.tax_condition_id, self.registered)
        self.assertFalse(self.client.activity_ids)
        # The back office offers the same conditions (the field's domain).
        domain = self.client._fields["tax_condition_id"].domain
        offered = self.env["res.partner.tax.condition"].search(
            [("country_id", "in", [self.client.country_id.id, False])]
        )
        self.assertEqual(domain, "[('country_id', 'in', [country_id, False])]")
        self.assertFalse(offered & self.argentine)


@tagged("post_install", "-at_install", "security")
class TestSecurityPortalAddresses(SecurityCase):
    """Attack 6: address types whether or not the field is posted; errors in the form, not as HTTP errors."""

    def _submit(self, values):
        response = self.post_form("portal", "/my/address/submit", self.address_form(**values))
        if response.status_code == 403:  # Odoo's own check: not an address the user may edit
            return {"messages": ["Forbidden"]}
        self.assertEqual(response.status_code, 200, response.text[:500])
        return json.loads(response.text)  # a JSON answer the page can show, never an empty error page

    def test_restricted_type_is_not_edited_without_the_field(self):
        # A type kept by staff, on an invoice address (one Odoo's address pages let the client edit).
        restricted = self.env["res.partner.address.type"].create(
            {
                "name": "Legal invoicing",
                "code": "legal_invoicing",
                "core_type": "invoice",
                "portal_editable": False,
            }
        )
        office = self.env["res.partner"].create(
            {
                "name": "Legal invoicing address",
                "parent_id": self.client.id,
                "address_type_id": restricted.id,
                "street": "Old street",
            }
        )
        before = self.snapshot(office)
        for values in ({}, {"address_type_id": ""}, {"address_type_id": str(office.address_type_id.id)}):
            with self.subTest(values=values):
                feedback = self._submit({"partner_id": str(office.id), **values})
                self.assertIn("kept by us", " ".join(feedback.get("messages", [])), feedback)
        self.assertEqual(self.snapshot(office), before)
        # The same form changes an address of an editable type.
        office.sudo().address_type_id = self.env.ref("client_hub.address_type_invoice")
        feedback = self._submit({"partner_id": str(office.id)})
        self.assertIn("redirectUrl", feedback)
        self.assertEqual(office.street, "1 Main St")

    def test_contact_person_is_not_retyped_into_the_invoice_address(self):
        own = self.users["portal"].partner_id
        invoice_type = self.env.ref("client_hub.address_type_invoice")
        feedback = self._submit(
            {"partner_id": str(own.id), "address_type_id": str(invoice_type.id), "is_default_address": "1"}
        )
        self.assertIn("contact person", " ".join(feedback["messages"]))
        self.assertFalse(own.address_type_id)
        self.assertEqual(self.client.address_get(["invoice"])["invoice"], self.client.id)


@tagged("post_install", "-at_install", "security")
class TestSecurityPortalInput(SecurityCase):
    """Attack 8: a file, a list or a huge id where text is expected gets a form error, never HTTP 500."""

    def test_files_and_lists_in_text_fields(self):
        before = self.snapshot(self.client), self.snapshot(self.allowed)
        forms = {
            "/my/client": ("phone", "email", "website", "vat", "tax_condition_id"),
            f"/my/credentials/{self.allowed.id}": (
                "name",
                "url",
                "login",
                "note",
                "platform",
                "port",
                "secret",
            ),
            "/my/credentials/new": ("name", "secret", "port"),
            "/my/satisfaction": ("score", "comment"),
        }
        sensible = {"name": "Ok", "secret": "ok", "score": "5"}
        for url, names in forms.items():
            for name in names:
                data = {key: value for key, value in sensible.items() if key != name}
                with self.subTest(url=url, field=name, shape="file"):
                    response = self.post_form(
                        "portal", url, data, files={name: ("evil.txt", io.BytesIO(b"not text"), "text/plain")}
                    )
                    self.assertEqual(response.status_code, 200, response.text[-500:])
                    self.assertIn("alert-danger", response.text)
                if name in ("tax_condition_id", "platform", "port", "score"):
                    with self.subTest(url=url, field=name, shape="list and huge id"):
                        response = self.post_form("portal", url, {**data, name: [str(2**70), "1"]})
                        self.assertEqual(response.status_code, 200, response.text[-500:])
                        self.assertIn("alert-danger", response.text)
        self.assertEqual((self.snapshot(self.client), self.snapshot(self.allowed)), before)
        self.assertFalse(self.env["rating.rating"].search([("client_id", "=", self.client.id)]))
