from odoo.tests import HttpCase, tagged

from .common import new_vault_key, vault_keys


@tagged("post_install", "-at_install")
class TestPortalTour(HttpCase):
    def test_portal_user_updates_everything(self):
        portal_user = self.env.ref("base.demo_user0")
        client = portal_user.partner_id.commercial_partner_id
        self.assertTrue(client.is_client, "the demo portal user works for a demo client")
        with vault_keys(new_vault_key()):
            self.start_tour("/my", "client_hub_portal", login="portal")
            # The back end shows all four changes.
            self.assertEqual(client.phone, "+1 201-555-0199")
            workplace = client.child_ids.filtered(lambda child: child.name == "Newark workshop")
            self.assertEqual(workplace.address_type_id, self.env.ref("client_hub.address_type_workplace"))
            credential = client.credential_ids.filtered(lambda c: c.name == "Shop FTP")
            self.assertEqual((credential.platform, credential.login), ("ftp", "willis-ftp"))
            rating = client.satisfaction_ids[:1]
            self.assertEqual((rating.rating, rating.channel, rating.feedback), (5, "portal", "Keep it up!"))
            # Allowed to nobody but the managers until a manager allows someone; the salesperson
            # gets a to-do.
            self.assertFalse(credential.user_ids)
            self.assertEqual(credential.activity_ids.user_id, client.user_id)
            self.assertEqual(credential.reveal_secret(), "portal-Tour-Secret-7")
