"""A survey request's token is the answering person's credential: read by the code (in sudo) and
the administrators only (the field's groups). The e-mail queued with it must not hand it to the team
through the e-mail's message."""

from odoo.tests import tagged

from .common import SecurityCase


@tagged("post_install", "-at_install", "security")
class TestSurveyTokenNotReadInMessages(SecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls._create_contact(
            cls.client, "Petra Payables", type="invoice", email="petra@client.example.com"
        )

    def test_team_members_do_not_read_the_token_in_the_queued_email(self):
        """A manager sends the satisfaction survey to the Attacked Client (action_send_satisfaction_survey):
        the e-mail waits in the mail queue. Any Client Hub user then calls mail.message.search_read
        ([("model", "=", "rating.rating")], ["body"]) and reads the e-mail's body with the five
        /client_hub/rate/<token>/<n> links: posting to one records an answer "by e-mail" in Petra's
        name. The token must be found in no message body the user can read."""
        self.client.with_user(self.users["manager"]).action_send_satisfaction_survey()
        request = self.env["rating.rating"].search(
            [
                ("client_id", "=", self.client.id),
                ("survey_sent", "=", True),
                ("partner_id", "=", self.contact.id),
            ]
        )
        self.assertEqual(len(request), 1)
        token = request.sudo().access_token
        self.assertTrue(token)
        for role in ("user", "credentials"):
            with self.subTest(role=role):
                _result, cannot_read = self.call_kw(
                    role, "rating.rating", "read", [request.ids, ["access_token"]]
                )
                self.assertTrue(cannot_read, "the token field itself is refused")
                result, error = self.call_kw(
                    role, "mail.message", "search_read", [[("body", "ilike", token)], ["model", "body"]]
                )
                self.assertFalse(error, error)
                self.assertFalse(
                    [message["model"] for message in result],
                    f"a {role} read the survey token of {self.contact.name} in a message",
                )
