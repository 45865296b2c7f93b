from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestSatisfactionRateRoute(HttpCase):
    """A client survey's token answers on /client_hub/rate only: Odoo's generic /rate pages do not
    find it, whatever the rate in the address (Odoo raises a 500 on a rate other than 1, 3, 5)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls.env["res.partner"].create(
            {
                "name": "Rate Route Client",
                "is_company": True,
                "client_status_id": cls.env.ref("client_hub.client_status_active").id,
                "email": "rate-route@example.com",
            }
        )

    def test_odoos_rate_pages_do_not_find_a_client_survey_token(self):
        request = self.client._client_hub_send_surveys()
        token = request.access_token
        self.assertEqual(self.url_open(f"/client_hub/rate/{token}/2").status_code, 200)
        for url in (f"/rate/{token}/2", f"/rate/{token}/5", f"/rate/{token}/submit_feedback"):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 404)
        self.assertFalse(request.consumed)
