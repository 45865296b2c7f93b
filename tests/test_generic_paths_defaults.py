"""Odoo's personal defaults (ir.default) are set by any internal user for himself, on any field,
and create() applies them without the field's groups or the model's checks on the values sent:
what the module keeps from a role must be kept from that role's defaults too."""

from odoo.tests import tagged

from .common import SecurityCase


@tagged("post_install", "-at_install", "security")
class TestPersonalDefaultsGrantNoRight(SecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls._create_contact(cls.client, "Cora Contact", email="cora@client.example.com")

    def _set_default(self, role, model, field, value):
        result, error = self.call_kw(role, "ir.default", "set", [model, field, value, True])
        self.assertFalse(error, error)
        self.assertTrue(result)

    def test_a_personal_default_does_not_give_the_portal_vault_right(self):
        """A Client Hub user (not a manager) sets personal defaults (ir.default.set, accepted whatever
        the field's groups) on the partner's vault-right fields — the Boolean it reads, the grants'
        one2many with a grant to create — then creates a contact of a client. The contact must not get
        the portal vault right, which only managers give (a later portal login opens the client's
        credentials): no grant of it exists, whether the defaults were refused or ignored."""
        Grant = self.env["res.partner.vault.grant"].sudo().with_context(active_test=False)
        for role in ("user", "credentials"):
            for field, value in (
                ("client_hub_vault_granted", True),
                ("client_hub_vault_grant_ids", [(0, 0, {"note": "by default"})]),
            ):
                with self.subTest(role=role, field=field):
                    self.call_kw(role, "ir.default", "set", ["res.partner", field, value, True])
                    result, _error = self.call_kw(
                        role,
                        "res.partner",
                        "create",
                        [
                            {
                                "name": f"Mallory {role} {field}",
                                "parent_id": self.client.id,
                                "email": f"m-{role}@evil.example",
                            }
                        ],
                    )
                    created = self.env["res.partner"].browse(result or [])
                    self.assertFalse(
                        Grant.search([("partner_id", "in", created.ids)]),
                        f"a {role} gave a new contact the portal vault right through a personal default",
                    )
                    self.assertFalse(created.sudo().client_hub_vault_granted)

    def test_a_personal_default_does_not_forge_a_survey_answer(self):
        """A Client Hub user sets personal defaults on rating.rating: survey_sent True and
        access_token "chosen-token-1234" (a field only administrators read), then creates a rating
        of a client for one of its contacts without a score. That makes a survey request whose token
        the user chose: posting a score to the public /client_hub/rate/chosen-token-1234 then records
        an answer "by e-mail" in the contact's name (and deletes the contact's earlier answer of the
        period). No rating of the e-mail channel must come out of it."""
        token = "chosen-token-1234"
        self._set_default("user", "rating.rating", "survey_sent", True)
        self._set_default("user", "rating.rating", "access_token", token)
        self.call_kw(
            "user", "rating.rating", "create", [{"client_id": self.client.id, "partner_id": self.contact.id}]
        )
        self.login("public")
        self.url_open(f"/client_hub/rate/{token}", data={"score": "1", "comment": "forged"}, method="POST")
        self.env.invalidate_all()
        forged = self.env["rating.rating"].search(
            [("client_id", "=", self.client.id), ("channel", "in", ["email", "portal"])]
        )
        self.assertFalse(
            forged.read(["rating", "feedback", "channel", "partner_id"]),
            "a Client Hub user recorded a client's own answer through a survey token it chose",
        )
