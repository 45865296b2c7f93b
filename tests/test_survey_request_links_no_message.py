"""Sending a survey creates rating requests in sudo under the sender's uid: the sender's personal
defaults (ir.default, which any internal user sets for himself on any field) must not link a request
to a message of the sender's choice, whose internal flag the request then writes (a related field,
written in sudo)."""

from odoo.tests import tagged

from .common import SecurityCase


@tagged("post_install", "-at_install", "security")
class TestSurveyRequestLinksNoMessage(SecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls._create_contact(cls.client, "Sam Survey", email="sam@client.example.com")
        cls.client.survey_contact_ids = cls.contact

    def test_a_personal_default_does_not_publish_an_internal_note(self):
        """A manager's employee-only note on the other client; a Client Hub user sets a personal default on
        rating.rating.message_id (that note's id) over JSON-RPC, then clicks Send Survey: the request
        is created with is_internal False, written through to the note. The note must stay internal
        and stay unlinked from the request."""
        note = self.other_client.with_user(self.users["manager"]).message_post(
            body="internal: price floor 1000", subtype_xmlid="mail.mt_note"
        )
        note.sudo().is_internal = True  # "Employee Only": hidden from the portal and the public
        _result, error = self.call_kw(
            "user", "ir.default", "set", ["rating.rating", "message_id", note.id, True]
        )
        self.assertFalse(error, error)
        _result, error = self.call_kw(
            "user", "res.partner", "action_send_satisfaction_survey", [self.client.ids]
        )
        self.assertFalse(error, error)
        self.env.invalidate_all()
        requests = self.env["rating.rating"].sudo().search([("client_id", "=", self.client.id)])
        self.assertTrue(requests, "the survey was not sent")
        self.assertFalse(requests.message_id, "a survey request was linked to a message the sender chose")
        self.assertTrue(
            note.sudo().is_internal, "sending a survey made another record's internal note public"
        )
