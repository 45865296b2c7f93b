"""Only the client answers in the portal or to an e-mail survey: staff record ratings of their own
channels, in their own name. rating.rating.create() recognises a client's rating from the values
sent; a user's personal defaults (ir.default, which any internal user sets for himself on any
field) fill the values not sent, after that check."""

from odoo import fields
from odoo.tests import tagged

from .common import SecurityCase


@tagged("post_install", "-at_install", "security")
class TestClientRatingFromDefaults(SecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls._create_contact(cls.client, "Dora Default", email="dora@client.example.com")

    def test_personal_defaults_do_not_make_a_client_s_own_answer(self):
        """A Client Hub user (not a manager) sets personal defaults on rating.rating — res_model_id
        (res.partner), client_id, partner_id (a contact of the client), channel "email", rating 1,
        consumed, rating_date — over JSON-RPC, then creates a rating sending only res_id. The rating
        must not come out as the contact's own e-mail answer (channel email, recorded by nobody),
        which the client's portal and the analysis take for the client's word."""
        values = {
            "res_model_id": self.env["ir.model"]._get_id("res.partner"),
            "client_id": self.client.id,
            "partner_id": self.contact.id,
            "channel": "email",
            "rating": 1,
            "consumed": True,
            "rating_date": fields.Date.to_string(fields.Date.today()),
            "feedback": "forged through defaults",
        }
        for name, value in values.items():
            _result, error = self.call_kw("user", "ir.default", "set", ["rating.rating", name, value, True])
            self.assertFalse(error, error)
        self.call_kw("user", "rating.rating", "create", [{"res_id": self.client.id}])
        forged = self.env["rating.rating"].search(
            [("client_id", "=", self.client.id), ("channel", "in", ["email", "portal"])]
        )
        self.assertFalse(
            forged.read(["rating", "feedback", "channel", "partner_id", "recorded_by_id"]),
            "a Client Hub user recorded a client's own answer through personal defaults",
        )
