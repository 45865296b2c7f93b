"""Deleting a partner deletes, by the database's cascade, what points to it with ondelete="cascade"
without the access rights or checks of those records' own unlink(). The module routes a client's
credentials through their own unlink() for that reason; the portal vault grants (deleted by
managers only, kept when revoked: the record of who gave the right and when) and the client's
ratings (deleted by managers only; the client's own answers changed by nobody) must not vanish
either when a Client Hub user, who may delete partners, deletes the contact or the client."""

from odoo.tests import tagged

from .common import SecurityCase


@tagged("post_install", "-at_install", "security")
class TestPartnerDeletionKeepsWhatTheRoleMayNotDelete(SecurityCase):
    def test_deleting_a_contact_does_not_delete_its_portal_vault_grant(self):
        """A manager gave a contact of the client (no portal login yet) the portal vault right. A
        Client Hub user deletes the contact over JSON-RPC: the manager's grant must not be deleted
        with it (only managers delete grants; the grants list keeps revoked ones too)."""
        contact = self._create_contact(self.client, "Gina Granted", email="gina@client.example.com")
        grant = contact._client_hub_grant_vault(note="given by a manager")
        self.assertTrue(grant)
        # The role may not delete the grant itself.
        self.assertRefused("user", "res.partner.vault.grant", "unlink", [grant.ids])
        self.call_kw("user", "res.partner", "unlink", [contact.ids])
        self.env.invalidate_all()
        self.assertTrue(
            grant.exists(),
            "a Client Hub user deleted a manager's portal vault grant by deleting its contact",
        )

    def test_deleting_a_client_does_not_delete_the_clients_own_answers(self):
        """A client's contact answered the satisfaction question in the portal (channel Portal, a
        rating nobody on the team may change or delete). A Client Hub user deletes the client over
        JSON-RPC: the client's answer must not be deleted with it."""
        client = self._create_client("Doomed Client")
        contact = self._create_contact(client, "Rita Rater", email="rita@doomed.example.com")
        answer = self.env["rating.rating"]._client_hub_answer(client, contact, 5, "very good", "portal")
        self.assertEqual(answer.channel, "portal")
        # The role may not delete the rating itself.
        self.assertRefused("user", "rating.rating", "unlink", [answer.ids])
        self.call_kw("user", "res.partner", "unlink", [(client | contact).ids])
        self.env.invalidate_all()
        self.assertTrue(
            answer.exists(),
            "a Client Hub user deleted the client's own satisfaction answer by deleting the client",
        )
