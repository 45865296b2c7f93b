"""A survey e-mail's token is the answering person's only credential: whoever sends the survey must
not choose it, nor learn it. Sending runs in sudo but with the sender's uid, so the sender's own
personal defaults (ir.default, which any internal user sets for himself on any field) reach the
rating requests it creates."""

from odoo.tests import tagged

from .common import SecurityCase


@tagged("post_install", "-at_install", "security")
class TestSurveyTokenNotChosenBySender(SecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls._create_contact(cls.client, "Sally Survey", email="sally@client.example.com")
        cls.client.survey_contact_ids = cls.contact

    def test_a_personal_default_token_does_not_reach_the_survey_requests(self):
        """A Client Hub user (not a manager) sets a personal default on rating.rating.access_token
        ("chosen-by-sender-1234") over JSON-RPC, then clicks Send Survey on the client. The request is
        created in sudo without a token value, so Odoo fills it from the sender's ir.default: the
        sender then posts a score to the public /client_hub/rate/chosen-by-sender-1234 and records an
        answer "by e-mail" in the contact's name. The request's token must be a fresh random one."""
        token = "chosen-by-sender-1234"
        _result, error = self.call_kw(
            "user", "ir.default", "set", ["rating.rating", "access_token", token, True]
        )
        self.assertFalse(error, error)
        _result, error = self.call_kw(
            "user", "res.partner", "action_send_satisfaction_survey", [self.client.ids]
        )
        self.assertFalse(error, error)
        requests = (
            self.env["rating.rating"]
            .sudo()
            .search([("client_id", "=", self.client.id), ("survey_sent", "=", True)])
        )
        self.assertTrue(requests, "the survey was not sent")
        self.login("public")
        self.url_open(f"/client_hub/rate/{token}", data={"score": "1", "comment": "forged"}, method="POST")
        self.env.invalidate_all()
        forged = self.env["rating.rating"].search(
            [("client_id", "=", self.client.id), ("channel", "=", "email"), ("consumed", "=", True)]
        )
        self.assertFalse(
            forged.read(["rating", "feedback", "partner_id"]),
            "the sender of a survey answered it in the contact's name with a token it chose",
        )
        self.assertNotIn(token, requests.mapped("access_token"))
