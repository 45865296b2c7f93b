import re

from lxml import html

from odoo.tests import tagged

from .common import ClientHubHttpCase

PASSWORD = "ch_request_portal_pw"


@tagged("post_install", "-at_install")
class TestPortalTaxRequest(ClientHubHttpCase):
    """A tax condition asked for on the portal shows as pending on the Company Profile, from the
    open request itself, until staff apply or refuse it; the home tile counts the ratings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = cls._create_user("ch_request_sales", "client_hub.group_client_hub_user")
        cls.registered = cls.env.ref("client_hub.tax_condition_vat_registered")
        cls.final_consumer = cls.env.ref("client_hub.tax_condition_final_consumer")
        cls.client = cls._create_client(
            "Request Client",
            vat="BE0477472701",
            tax_condition_id=cls.registered.id,
            user_id=cls.salesperson.id,
        )
        cls.portal_user = cls._create_client_portal_user("ch_request_portal", cls.client, password=PASSWORD)

    def setUp(self):
        super().setUp()
        self.authenticate(self.portal_user.login, PASSWORD)

    def _request(self, condition):
        page = self.url_open("/my/client").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = self.url_open(
            "/my/client",
            data={
                "csrf_token": token,
                "phone": "",
                "email": "",
                "website": "",
                "vat": self.client.vat,
                "tax_condition_id": str(condition.id),
            },
        )
        self.assertEqual(response.status_code, 200)

    def _pending(self):
        """The pending request as the profile shows it, on a fresh GET (no banner of the POST)."""
        page = html.fromstring(self.url_open("/my/client").text)
        return " ".join(
            " ".join(node.itertext())
            for node in page.xpath("//*[contains(@class, 'o_client_hub_tax_request')]")
        )

    def test_request_stays_pending_until_staff_apply_it(self):
        self._request(self.final_consumer)
        pending = self._pending()
        self.assertIn(self.final_consumer.name, pending)
        self.assertIn("pending", pending.lower())
        self.assertEqual(self._pending(), pending, "still there on the next visit")
        self.client.with_user(self.salesperson).tax_condition_id = self.final_consumer
        self.assertFalse(self._pending(), "applied: no longer pending")
        self.assertFalse(self.client.activity_ids, "the salesperson's to-do is done")

    def test_request_disappears_when_staff_refuse_it(self):
        self._request(self.final_consumer)
        self.assertIn(self.final_consumer.name, self._pending())
        self.client.activity_ids.with_user(self.salesperson).action_feedback(feedback="Not eligible")
        self.assertFalse(self._pending())
        self.assertEqual(self.client.tax_condition_id, self.registered)

    def test_request_without_salesperson_is_pending_too(self):
        self.client.user_id = False
        self._request(self.final_consumer)
        self.assertIn(self.final_consumer.name, self._pending())
        self.client.activity_ids.action_cancel()
        self.assertFalse(self._pending())

    def test_a_new_request_replaces_the_pending_one(self):
        consumer = self.final_consumer
        other = self.client._client_hub_tax_conditions() - consumer - self.registered
        self._request(consumer)
        self._request(other[0])
        self.assertEqual(len(self.client.activity_ids), 1)
        pending = self._pending()
        self.assertIn(other[0].name, pending)
        self.assertNotIn(consumer.name, pending)

    def _tile(self):
        page = html.fromstring(self.url_open("/my").text)
        (tile,) = page.xpath("//a[@href='/my/satisfaction']")
        return " ".join(tile.xpath(".//div[contains(@class, 'fs-5')]")[0].text_content().split())

    def test_home_tile_counts_ratings(self):
        # Answers the client's people gave on the portal (those the portal shows).
        colleague = self.env["res.partner"].create({"name": "Colleague", "parent_id": self.client.id})
        Rating = self.env["rating.rating"]
        answer = {"client_id": self.client.id, "channel": "portal", "consumed": True}
        # No "0": the team's ratings of the client are not counted, "0 Ratings" read as none at all.
        Rating.create({"client_id": self.client.id, "channel": "phone", "rating": 3})
        self.assertEqual(self._tile(), "Ratings")
        Rating.create(dict(answer, partner_id=colleague.id, rating=4))
        self.assertEqual(self._tile(), "1 Rating")
        Rating.create(dict(answer, partner_id=self.portal_user.partner_id.id, rating=5))
        self.assertEqual(self._tile(), "2 Ratings")

    def test_request_needing_a_tax_id_says_what_to_fix_and_keeps_the_form(self):
        # A client without a tax ID, on a condition that needs none, asks for "VAT registered"
        # (which needs one) and changes its phone in the same form: told at the tax condition
        # what to do, the phone typed still in the form, nothing saved; with a tax ID both go through.
        client = self._create_client("No VAT Client", tax_condition_id=self.final_consumer.id, phone="+48 1")
        user = self._create_client_portal_user("ch_request_novat", client, password=PASSWORD)
        self.authenticate(user.login, PASSWORD)
        page = self.url_open("/my/client").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        form = {
            "csrf_token": token,
            "phone": "+48 600 111 222",
            "email": "",
            "website": "",
            "vat": "",
            "tax_condition_id": str(self.registered.id),
        }
        page = html.fromstring(self.url_open("/my/client", data=form).text)
        [error] = page.xpath(
            "//select[@name='tax_condition_id']/following-sibling::*[contains(@class, 'invalid-feedback')]"
        )
        self.assertIn(f"“{self.registered.name}” requires a tax ID", error.text_content())
        self.assertNotIn("has the tax condition", page.text_content())
        self.assertEqual(page.xpath("//input[@name='phone']/@value"), ["+48 600 111 222"])
        self.assertEqual(page.xpath("//input[@name='vat']/@class")[0].split()[-1], "is-invalid")
        client.invalidate_recordset()
        self.assertEqual((client.phone, client.tax_condition_id), ("+48 1", self.final_consumer))
        self.assertFalse(client.activity_ids)
        self.url_open("/my/client", data={**form, "vat": "BE0477472701"})
        client.invalidate_recordset()
        self.assertEqual((client.phone, client.vat), ("+48 600 111 222", "BE0477472701"))
        self.assertIn(self.registered.name, self._pending_of(client))

    def _pending_of(self, client):
        return " ".join(client.activity_ids.mapped("note"))
