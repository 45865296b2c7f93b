"""Deleting a partner deletes, by the database's cascade, what points to it with ondelete="cascade"
without the access rights or checks of those records' own unlink(). The module routes a client's
credentials through their own unlink() for that reason; the portal vault grants (deleted by
managers only, kept when revoked: the record of who gave the right and when) and the client's
ratings (deleted by managers only; the client's own answers changed by nobody) must not vanish
either when a Client Hub user, who may delete partners, deletes the contact or the client."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ClientHubCase, SecurityCase

HISTORY = "res.partner.status.history"


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


@tagged("post_install", "-at_install")
class TestPartnerDeletionByWhoMayDeleteWhatGoesWithIt(ClientHubCase):
    """A partner goes with what the database deletes with it when the user may delete that too:
    managers delete a client with its ratings and a contact with its grant, a Client Hub user a
    client holding neither (its status history goes with it); the client's people's task ratings
    stay with their tasks."""

    def _client_with_answer_and_grant(self, name):
        client = self._create_client(name)
        contact = self._create_contact(client, f"{name} Contact", email="contact@deleted.example.com")
        grant = contact._client_hub_grant_vault(note="given by a manager")
        answer = self.env["rating.rating"]._client_hub_answer(client, contact, 4, "fine", "portal")
        return client, contact, grant, answer

    def test_a_client_hub_user_is_asked_to_archive_instead(self):
        client, contact, grant, answer = self._client_with_answer_and_grant("Kept Client")
        for partners in (contact, client):
            with (
                self.subTest(partner=partners.name),
                self.assertRaisesRegex(UserError, "archive them instead"),
            ):
                partners.with_user(self.user_client_hub).unlink()
        self.assertTrue(client.exists() and contact.exists() and grant.exists() and answer.exists())

    def test_a_manager_deletes_the_client_with_its_answers_grants_and_history(self):
        client, contact, grant, answer = self._client_with_answer_and_grant("Closed Client")
        history = self.env[HISTORY].search([("partner_id", "=", client.id)])
        self.assertTrue(history)
        (client | contact).with_user(self.user_manager).unlink()
        self.assertFalse(client.exists() or contact.exists())
        self.assertFalse(grant.exists() or answer.exists() or history.exists())

    def test_a_client_hub_user_deletes_a_client_holding_none_with_its_history(self):
        client = self._create_client("Mistaken Client")
        history = self.env[HISTORY].search([("partner_id", "=", client.id)])
        self.assertTrue(history)
        client.with_user(self.user_client_hub).unlink()
        self.assertFalse(client.exists() or history.exists())

    def test_code_in_sudo_does_not_delete_a_client_for_a_user_who_may_not(self):
        """A generic path deleting partners in sudo for a plain internal user (who may not delete
        partners) does not take the client's status history with it."""
        client = self._create_client("Sudo Client")
        self.assertFalse(client.with_user(self.user_internal).has_access("unlink"))
        with self.assertRaisesRegex(UserError, "status history"):
            client.with_user(self.user_internal).sudo().unlink()
        self.assertTrue(self.env[HISTORY].search([("partner_id", "=", client.id)]))

    def test_the_task_ratings_of_a_deleted_client_stay_with_their_tasks(self):
        client = self._create_client("Project Client")
        contact = self._create_contact(client, "Tom Task", email="tom@project.example.com")
        project = self.env["project.project"].create({"name": "Client Project", "partner_id": client.id})
        task = self.env["project.task"].create(
            {"name": "Client Task", "project_id": project.id, "partner_id": contact.id}
        )
        task.rating_apply(5, token=task._rating_get_access_token())
        rating = self.env["rating.rating"].search(
            [("res_model", "=", "project.task"), ("res_id", "=", task.id)]
        )
        self.assertEqual((rating.client_id, rating.channel), (client, "task"))
        client.with_user(self.user_client_hub).unlink()
        self.assertTrue(rating.exists())
        self.assertEqual(
            (rating.res_id, rating.rating, rating.client_id, rating.channel),
            (task.id, 5, rating.client_id.browse(), False),
        )

    def test_odoos_merge_still_deletes_the_merged_client_after_moving_what_it_holds(self):
        """A Client Hub user merging two clients: Odoo moves the answers and the status history to
        the kept client, then deletes the merged one, which holds nothing any more."""
        merger = self._create_user(
            "ch_unlink_merger", "client_hub.group_client_hub_user,base.group_partner_manager"
        )
        merged, kept = self._create_clients("Twin Client", "Twin Client Kept", email="twins@example.com")
        contact = self._create_contact(merged, "Mia Merged", email="mia@twins.example.com")
        answer = self.env["rating.rating"]._client_hub_answer(merged, contact, 3, "so-so", "portal")
        history = self.env[HISTORY].search([("partner_id", "=", merged.id)])
        self.assertTrue(history)
        wizard = (
            self.env["base.partner.merge.automatic.wizard"]
            .with_user(merger)
            .create(
                {
                    "partner_ids": [(6, 0, (merged | kept).ids)],
                    "dst_partner_id": kept.id,
                    "state": "selection",
                }
            )
        )
        wizard.action_merge()
        self.assertFalse(merged.exists())
        self.assertEqual((answer.client_id, answer.res_id), (kept, kept.id))
        self.assertEqual(history.partner_id, kept)
