import re

from odoo.tests import tagged

from .common import ClientHubHttpCase, new_vault_key, vault_keys


class PortalCase(ClientHubHttpCase):
    """Two clients with a portal user each, a company that is no client, and a credential of B."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client_a, cls.client_b = (
            cls._create_client(name, phone="+48 1", vat=vat)
            for name, vat in (("Portal Client A", "PL1111111111"), ("Portal Client B", "PL2222222222"))
        )
        cls.user_a = cls._portal_user("ch_portal_a", cls.client_a)
        cls.user_b = cls._portal_user("ch_portal_b", cls.client_b)
        cls.plain_company = cls._create_company_partner("Not A Client")
        cls.user_plain = cls._portal_user("ch_portal_plain", cls.plain_company)
        cls.key = new_vault_key()
        with vault_keys(cls.key):
            cls.credential_b = cls.env["res.partner.credential"].create(
                {
                    "partner_id": cls.client_b.id,
                    "name": "B hosting",
                    "secret": "b-secret-value",
                    "login": "b-login",
                }
            )

    @classmethod
    def _portal_user(cls, login, company):
        user = cls._create_client_portal_user(login, company, password=f"{login}_pw")
        # A manager gave them the portal's vault pages (see test_security_portal_vault for those without).
        user.partner_id._client_hub_grant_vault()
        return user

    def setUp(self):
        super().setUp()
        self.enterContext(vault_keys(self.key))

    def _login(self, user):
        self.authenticate(user.login, f"{user.login}_pw")

    def _csrf(self):
        page = self.url_open("/my/client").text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def _post(self, url, data, allow_redirects=True):
        return self.url_open(url, data={"csrf_token": self._csrf(), **data}, allow_redirects=allow_redirects)


@tagged("post_install", "-at_install")
class TestPortal(PortalCase):
    # ---------------------------------------------------------------- home and profile
    def test_home_shows_client_tiles(self):
        self._login(self.user_a)
        page = self.url_open("/my").text
        for url in ("/my/client", "/my/credentials", "/my/satisfaction", "/my/addresses"):
            self.assertIn(f'href="{url}"', page)

    def test_profile_shows_and_saves(self):
        self._login(self.user_a)
        page = self.url_open("/my/client")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.client_a.ref, page.text)
        response = self._post(
            "/my/client",
            {
                "phone": "+48 22 000",
                "email": "a@example.com",
                "website": "",
                "vat": "PL1111111111",
                "tax_condition_id": "",
            },
        )
        self.assertIn("Saved", response.text)
        self.assertEqual(self.client_a.phone, "+48 22 000")

    def test_profile_bad_input_changes_nothing(self):
        self._login(self.user_a)
        registered = self.env.ref("client_hub.tax_condition_vat_registered")
        cases = [
            ({"vat": "", "tax_condition_id": str(registered.id)}, "requires a tax ID"),
            ({"tax_condition_id": "999999"}, "Choose a tax condition"),
            ({"tax_condition_id": "abc"}, "Choose a tax condition"),
            ({"phone": "9" * 100_000}, "too long"),
            ({"email": "not-an-email"}, "valid e-mail"),
        ]
        for data, message in cases:
            with self.subTest(data=str(data)[:40]):
                response = self._post("/my/client", {"phone": "+48 9", **data})
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
                self.client_a.invalidate_recordset()
                self.assertEqual(self.client_a.phone, "+48 1")

    def test_profile_needs_a_client(self):
        self._login(self.user_plain)
        for url in ("/my/client", "/my/credentials", "/my/credentials/new", "/my/satisfaction"):
            self.assertEqual(self.url_open(url).status_code, 404, url)

    def test_public_is_sent_to_login(self):
        for url in ("/my/client", "/my/credentials", "/my/credentials/new", "/my/satisfaction"):
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (302, 303), url)
            self.assertIn("/web/login", response.headers["Location"])

    def test_post_without_csrf_token_is_refused(self):
        self._login(self.user_a)
        response = self.url_open("/my/client", data={"phone": "+48 666"})
        self.assertIn(response.status_code, (400, 403))
        self.assertEqual(self.client_a.phone, "+48 1")

    # ---------------------------------------------------------------- credentials
    def test_credentials_list_is_own_and_secret_free(self):
        self._login(self.user_b)
        page = self.url_open("/my/credentials").text
        self.assertIn("B hosting", page)
        self.assertIn("b-login", page)
        self.assertNotIn("b-secret-value", page)
        self._login(self.user_a)
        self.assertNotIn("B hosting", self.url_open("/my/credentials").text)

    def test_hand_over_a_credential(self):
        self._login(self.user_a)
        response = self._post(
            "/my/credentials/new",
            {
                "name": "A FTP",
                "platform": "ftp",
                "url": "ftp.a.example.com",
                "port": "21",
                "login": "a-user",
                "secret": "a-handed-over",
            },
        )
        self.assertEqual(response.status_code, 200)
        credential = self.env["res.partner.credential"].search([("partner_id", "=", self.client_a.id)])
        self.assertEqual(credential.name, "A FTP")
        self.assertEqual(credential.reveal_secret(), "a-handed-over")
        log = credential.log_ids.filtered(lambda entry: entry.action == "create")
        self.assertEqual(log.user_id, self.user_a)
        self.assertNotIn("a-handed-over", response.text)

    def test_credential_bad_input_creates_nothing(self):
        self._login(self.user_a)
        valid = {"name": "A FTP", "platform": "ftp", "port": "21", "secret": "x-secret"}
        cases = [
            ({"port": "abc"}, "from 1 to 65535"),
            ({"port": "70000"}, "from 1 to 65535"),
            ({"name": ""}, "is required"),
            ({"secret": ""}, "is required"),
            ({"platform": "telnet"}, "Choose a platform"),
            ({"url": "not a url"}, "not a valid address"),
            ({"login": "x" * 100_000}, "too long"),
        ]
        for data, message in cases:
            with self.subTest(data=str(data)[:40]):
                response = self._post("/my/credentials/new", {**valid, **data})
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
        self.assertFalse(self.env["res.partner.credential"].search([("partner_id", "=", self.client_a.id)]))

    def test_other_clients_credential_is_not_found(self):
        self._login(self.user_a)
        url = f"/my/credentials/{self.credential_b.id}"
        self.assertEqual(self.url_open(url).status_code, 404)
        response = self._post(url, {"name": "Hijacked", "platform": "ftp", "secret": "stolen"})
        self.assertEqual(response.status_code, 404)
        self.credential_b.invalidate_recordset()
        self.assertEqual(self.credential_b.name, "B hosting")
        self.assertEqual(self.credential_b.reveal_secret(), "b-secret-value")
        self.assertEqual(self.url_open("/my/credentials/999999").status_code, 404)

    def test_replace_a_secret(self):
        self._login(self.user_b)
        response = self._post(
            f"/my/credentials/{self.credential_b.id}",
            {"name": "B hosting", "platform": "hosting", "secret": "b-new-secret"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.credential_b.reveal_secret(), "b-new-secret")
        self.assertEqual(
            self.credential_b.log_ids.filtered(lambda e: e.action == "update").user_id, self.user_b
        )
        # An empty secret keeps the stored one.
        self._post(
            f"/my/credentials/{self.credential_b.id}",
            {"name": "B panel", "platform": "hosting", "secret": ""},
        )
        self.assertEqual(self.credential_b.name, "B panel")
        self.assertEqual(self.credential_b.reveal_secret(), "b-new-secret")

    # ---------------------------------------------------------------- satisfaction
    def test_rate_and_see_own_ratings(self):
        self._login(self.user_a)
        response = self._post("/my/satisfaction", {"score": "5", "comment": "Great job"})
        self.assertIn("Great job", response.text)
        rating = self.client_a.satisfaction_ids
        self.assertEqual(
            (rating.rating, rating.channel, rating.partner_id), (5, "portal", self.user_a.partner_id)
        )
        self._login(self.user_b)
        self.assertNotIn("Great job", self.url_open("/my/satisfaction").text)

    def test_bad_rating_changes_nothing(self):
        self._login(self.user_a)
        for score in ("0", "6", "abc", ""):
            with self.subTest(score=score):
                response = self._post("/my/satisfaction", {"score": score, "comment": "x"})
                self.assertIn("from 1 to 5", response.text)
        self.assertFalse(self.client_a.satisfaction_ids)

    # ---------------------------------------------------------------- addresses
    def _address_form(self, **values):
        country = self.env.ref("base.pl")
        return {
            "name": "A Plant",
            "email": "plant@example.com",
            "phone": "+48 5",
            "street": "ul. Fabryczna 1",
            "city": "Łódź",
            "zip": "90-001",
            "country_id": str(country.id),
            "address_type": "delivery",
            **values,
        }

    def test_add_a_typed_address(self):
        self._login(self.user_a)
        workplace = self.env.ref("client_hub.address_type_workplace")
        response = self._post(
            "/my/address/submit",
            self._address_form(address_type_id=str(workplace.id), is_default_address="1"),
        )
        self.assertIn("redirectUrl", response.text)
        address = self.env["res.partner"].search(
            [("parent_id", "=", self.client_a.id), ("name", "=", "A Plant")]
        )
        self.assertEqual(address.address_type_id, workplace)
        self.assertTrue(address.is_default_address)
        page = self.url_open("/my/addresses").text
        self.assertIn("Workplace", page)

    def test_address_type_not_editable_in_portal_is_refused(self):
        self._login(self.user_a)
        office = self.env.ref("client_hub.address_type_registered_office")
        for value in (str(office.id), "abc", "999999"):
            with self.subTest(value=value):
                response = self._post("/my/address/submit", self._address_form(address_type_id=value))
                self.assertIn("Choose an address type", response.text)
        self.assertFalse(
            self.env["res.partner"].search([("parent_id", "=", self.client_a.id), ("name", "=", "A Plant")])
        )

    def test_other_clients_address_is_forbidden(self):
        address_b = self.env["res.partner"].create(
            {
                "name": "B Plant",
                "parent_id": self.client_b.id,
                "address_type_id": self.env.ref("client_hub.address_type_workplace").id,
            }
        )
        self._login(self.user_a)
        response = self._post("/my/address/submit", self._address_form(partner_id=str(address_b.id)))
        self.assertEqual(response.status_code, 403)
        self.assertEqual(address_b.name, "B Plant")

    def test_credential_form_has_every_field(self):
        self._login(self.user_a)
        page = self.url_open("/my/credentials/new").text
        for name in ("name", "platform", "url", "port", "login", "secret", "note"):
            self.assertRegex(page, rf'name="{name}"', name)

    def test_home_has_one_addresses_tile(self):
        self._login(self.user_a)
        self.assertEqual(self.url_open("/my").text.count('href="/my/addresses"'), 1)


@tagged("post_install", "-at_install")
class TestPortalPresentation(PortalCase):
    """What the client sees: each address once under its type, honest stars, its own words only."""

    def test_tiles_have_distinct_icons(self):
        self._login(self.user_a)
        page = self.url_open("/my").text
        icons = re.findall(r'src="(/client_hub/static/img/[^"]+)"', page)
        self.assertEqual(len(icons), 3)
        self.assertEqual(len(set(icons)), 3, "one icon per tile")
        for icon in set(icons):
            self.assertEqual(self.url_open(icon).status_code, 200, icon)

    def test_each_address_is_listed_once_under_its_type(self):
        Partner = self.env["res.partner"]
        workplace, invoice = Partner.create(
            [
                {
                    "name": "A Workshop",
                    "parent_id": self.client_a.id,
                    "address_type_id": self.env.ref("client_hub.address_type_workplace").id,
                    "street": "1 Main St",
                    "city": "Kraków",
                },
                {
                    "name": "A Billing",
                    "parent_id": self.client_a.id,
                    "address_type_id": self.env.ref("client_hub.address_type_invoice").id,
                    "street": "2 Main St",
                    "city": "Kraków",
                },
            ]
        )
        self._login(self.user_a)
        page = self.url_open("/my/addresses").text
        cards = re.findall(r'name="address_card"[^>]*data-partner-id="(\d+)"', page)
        self.assertEqual(cards.count(str(workplace.id)), 1, "not under Delivery and Billing")
        self.assertEqual(cards.count(str(invoice.id)), 1)
        section = page.index('data-address-type-code="workplace"')
        self.assertGreater(page.index(f'data-partner-id="{workplace.id}"'), section, "under its own heading")
        form = self.url_open("/my/address?address_type=delivery&client_hub_type=workplace").text
        self.assertRegex(form, r'o_client_hub_address_form_title">\s*Workplace')
        self.assertNotIn("Delivery address</h3>", form)

    def test_past_ratings_show_empty_stars_and_no_internal_rating(self):
        Rating = self.env["rating.rating"]
        Rating.create(
            {"client_id": self.client_a.id, "rating": 3, "channel": "phone", "feedback": "Staff: grumpy call"}
        )
        Rating.sudo()._client_hub_answer(self.client_a, self.user_a.partner_id, 4, "Fine work", "portal")
        self._login(self.user_a)
        page = self.url_open("/my/satisfaction").text
        ratings = page[page.index("o_client_hub_ratings") :]
        self.assertNotIn("grumpy", page)
        self.assertIn("Fine work", ratings)
        stars = re.findall(r'title="(\d) / 5"[^>]*>(.*?)</span>', ratings, re.S)
        # The team's ratings (phone, e-mail…) stay internal: the page lists the client's own.
        self.assertEqual(
            sorted((score, block.count("fa-star "), block.count("fa-star-o")) for score, block in stars),
            [("4", 4, 1)],
        )

    def test_credential_form_says_the_secret_was_emptied(self):
        self._login(self.user_a)
        page = self._post(
            "/my/credentials/new",
            {"name": "Bad port", "platform": "ftp", "port": "abc", "secret": "typed-secret"},
        ).text
        self.assertIn("o_client_hub_secret_emptied", page)
        self.assertNotIn("typed-secret", page)
