import json

from odoo.tests import tagged

from .common import SecurityCase

WIZARD = "base.partner.merge.automatic.wizard"


@tagged("post_install", "-at_install", "security")
class TestSecurityVaultContact(SecurityCase):
    """A contact with the portal vault right keeps its client (commercial partner) and its e-mail
    unless a Client Hub manager changes them, whatever the path; the portal's rules follow a
    manager's change at once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users["merger"] = cls._create_security_user(
            "merger", "client_hub.group_client_hub_user,base.group_partner_manager"
        )
        # A client with no credentials (the merge guard for credentials does not apply), whose contact
        # has the vault right.
        cls.quiet_client = cls._create_company_partner("Quiet Client")
        cls.quiet_contact = cls._create_contact(cls.quiet_client, "Quiet Contact")
        cls.quiet_contact._client_hub_grant_vault()

    def _portal_credentials(self):
        found, failure = self.call_kw(
            "portal", "res.partner.credential", "search_read", [[]], {"fields": ["partner_id"]}
        )
        self.assertFalse(failure, failure)
        return {row["partner_id"][0] for row in found}

    def test_merge_moving_a_flagged_contact_is_for_managers(self):
        wizard, error = self.call_kw(
            "merger",
            WIZARD,
            "create",
            [
                {
                    "partner_ids": [(6, 0, (self.quiet_client + self.other_client).ids)],
                    "dst_partner_id": self.other_client.id,
                    "state": "selection",
                }
            ],
        )
        self.assertFalse(error, error)
        _result, error = self.call_kw("merger", WIZARD, "action_merge", [[wizard]])
        self.assertEqual(error.get("name"), "odoo.exceptions.AccessError", error)
        self.assertEqual(self.quiet_contact.commercial_partner_id, self.quiet_client)

    def test_linking_a_flagged_contact_under_another_client_is_refused(self):
        self.assertRefused(
            "user",
            "res.partner",
            "write",
            [[self.other_client.id], {"child_ids": [(4, self.quiet_contact.id)]}],
        )
        self.assertEqual(self.quiet_contact.commercial_partner_id, self.quiet_client)

    def test_commercial_partner_is_not_set_from_outside(self):
        self.assertRefused(
            "user",
            "res.partner",
            "create",
            [{"name": "Shadow", "commercial_partner_id": self.other_client.id}],
            error="odoo.exceptions.UserError",
        )

    def test_portal_form_refuses_a_new_email_for_a_vault_contact(self):
        contact = self.users["portal"].partner_id
        before = contact.email
        response = self.post_form(
            "portal",
            "/my/address/submit",
            self.address_form(partner_id=str(contact.id), name=contact.name, email="taken@evil.example.com"),
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        answer = json.loads(response.text)
        self.assertIn("email", answer.get("invalid_fields", []), answer)
        self.assertIn("contact us to change its e-mail", " ".join(answer.get("messages", [])))
        contact.invalidate_recordset(["email"])
        self.assertEqual(contact.email, before)

    def test_manager_moves_a_flagged_contact_and_the_portal_follows(self):
        self.assertEqual(self._portal_credentials(), {self.client.id})
        result, failure = self.call_kw(
            "manager",
            "res.partner",
            "write",
            [[self.users["portal"].partner_id.id], {"parent_id": self.quiet_client.id}],
        )
        self.assertTrue(result, failure)
        self.assertFalse(self._portal_credentials(), "the portal rule still reads the contact's old client")
