import re

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from .common import ClientHubHttpCase

LINK = re.compile(r"/client_hub/rate/([0-9a-f]+)/(\d)")


@tagged("post_install", "-at_install")
class TestSatisfactionSurvey(ClientHubHttpCase):
    """Surveys by e-mail: the e-mail's stars open a page reached by the rating's token; GET records
    nothing, POST records the answer once and a second POST changes it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.active = cls.env.ref("client_hub.client_status_active")
        cls.client = cls._create_client("Survey Client")
        cls.invoice_contact = cls.env["res.partner"].create(
            {"name": "Ivo Invoice", "parent_id": cls.client.id, "type": "invoice", "email": "ivo@example.com"}
        )

    def _send(self, clients=None):
        (clients or self.client).action_send_satisfaction_survey()
        return self.env["rating.rating"].search(
            [("client_id", "=", self.client.id), ("survey_sent", "=", True)], order="id desc", limit=1
        )

    def _mails(self, contact):
        return self.env["mail.mail"].search([("recipient_ids", "in", contact.ids)])

    def _post(self, token, **data):
        return self.url_open(f"/client_hub/rate/{token}", data=data, method="POST")

    def test_send_survey_mails_the_invoice_contact_five_star_links(self):
        request = self._send()
        self.assertEqual(
            (request.partner_id, request.consumed, request.channel), (self.invoice_contact, False, "email")
        )
        mail = self._mails(self.invoice_contact)
        self.assertEqual(len(mail), 1, "through the mail queue, once")
        self.assertEqual(mail.state, "outgoing")
        links = LINK.findall(mail.body_html)
        self.assertEqual(links, [(request.access_token, str(star)) for star in range(1, 6)])
        self.assertEqual(self.client.satisfaction_count, 0, "a request is no rating")

    def test_get_records_nothing_post_records_once_then_updates(self):
        request = self._send()
        token = request.access_token
        page = self.url_open(f"/client_hub/rate/{token}/4")
        self.assertEqual(page.status_code, 200)
        self.assertRegex(page.text, r'value="4"\s+checked')
        self.env.invalidate_all()
        self.assertFalse(request.consumed, "opening the link (a mail scanner) records nothing")
        self.assertEqual(self.client.satisfaction_count, 0)

        self.assertEqual(self._post(token, score="4", comment="Good").status_code, 200)
        self.env.invalidate_all()
        self.assertEqual((self.client.satisfaction_count, self.client.satisfaction_score), (1, 4))
        self.assertEqual((request.rating, request.feedback, request.consumed), (4, "Good", True))

        self.assertEqual(self._post(token, score="2", comment="Second thoughts").status_code, 200)
        self.env.invalidate_all()
        self.assertEqual((self.client.satisfaction_count, self.client.satisfaction_score), (1, 2))
        self.assertEqual(request.feedback, "Second thoughts")

    def test_bad_answers_and_tokens(self):
        token = self._send().access_token
        for score in ("0", "6", "abc", ""):
            with self.subTest(score=score):
                response = self._post(token, score=score)
                self.assertEqual(response.status_code, 400)
                self.assertIn("from 1 to 5", response.text)
        self.assertEqual(self.client.satisfaction_count, 0)
        for url in ("/client_hub/rate/unknown/5", "/client_hub/rate/" + "f" * 32):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 404)
                self.assertIn("not valid", response.text)
        self.assertEqual(self._post("f" * 32, score="5").status_code, 404)

    def test_an_expired_link_records_nothing(self):
        request = self._send()
        self.env.cr.execute(
            "UPDATE rating_rating SET create_date = now() - interval '31 days' WHERE id = %s", [request.id]
        )
        self.env.invalidate_all()
        response = self._post(request.access_token, score="5")
        self.assertEqual(response.status_code, 404)
        self.assertIn("not valid", response.text)
        self.assertEqual(self.client.satisfaction_count, 0)

    def test_cron_sends_each_due_contact_once(self):
        prospect = self._create_client(
            "Never Asked",
            email="never@example.com",
            client_status_id=self.env.ref("client_hub.client_status_prospect").id,
        )
        Partner = self.env["res.partner"]
        Partner._cron_send_satisfaction_surveys()
        Partner._cron_send_satisfaction_surveys()
        self.assertEqual(len(self._mails(self.invoice_contact)), 1, "due once a period")
        self.assertFalse(self._mails(prospect), "Prospect: never asked")
        # A period later, the contact still has an open request: no second one.
        self.client.sudo().satisfaction_survey_date = fields.Date.today() - relativedelta(months=4)
        Partner._cron_send_satisfaction_surveys()
        self.assertEqual(len(self._mails(self.invoice_contact)), 1)
        requests = self.env["rating.rating"].search([("client_id", "=", self.client.id)])
        self.assertEqual(len(requests), 1)

    def test_survey_contacts_chosen_on_the_client(self):
        chosen = self.env["res.partner"].create(
            {"name": "Cleo Chosen", "parent_id": self.client.id, "email": "cleo@example.com"}
        )
        self.client.survey_contact_ids = chosen
        self._send()
        self.assertTrue(self._mails(chosen))
        self.assertFalse(self._mails(self.invoice_contact))

    def test_a_survey_to_the_client_itself_names_it_once(self):
        """Without survey contacts nor invoice contact, the client's own address is asked: the page
        does not read "<Company>, for <Company>"."""
        solo = self._create_client("Solo Company", email="solo@example.com")
        solo.action_send_satisfaction_survey()
        request = self.env["rating.rating"].search([("client_id", "=", solo.id)])
        self.assertEqual(request.partner_id, solo)
        page = self.url_open(f"/client_hub/rate/{request.access_token}").text
        self.assertIn("Solo Company", page)
        self.assertNotIn("Solo Company, for", page)

    def _page_queries(self, url):
        self.url_open(url)  # warm up caches and assets
        before = self.env.cr.sql_log_count
        self.assertEqual(self.url_open(url).status_code, 200)
        return self.env.cr.sql_log_count - before

    def test_token_page_in_constant_queries(self):
        token = self._send().access_token
        url = f"/client_hub/rate/{token}/4"
        queries = self._page_queries(url)
        self.assertGreater(queries, 0, "the request's queries are counted")
        other = self._create_client("Other Rated")
        self.env["rating.rating"].create(
            [
                {"client_id": client.id, "rating": 1 + i % 5, "channel": "phone"}
                for i in range(50)
                for client in (self.client, other)
            ]
        )
        self.assertEqual(self._page_queries(url), queries, "whatever the number of ratings")
