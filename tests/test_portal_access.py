from .common import ClientHubCase


class TestPortalAccess(ClientHubCase):
    def test_client_shows_its_portal_users(self):
        client = self._create_client("Portal Access Client")
        contact = self._create_contact(client, "Paula Portal", email="p@x.com")
        self.assertFalse(client.portal_user_ids)
        user = self._create_user("ch_paula", "base.group_portal", partner_id=contact.id)
        client.invalidate_recordset(["portal_user_ids"])
        self.assertEqual(client.portal_user_ids, user)

    def test_portal_wizard_offers_the_clients_contacts(self):
        # Odoo's portal wizard is Contact Creation's (a Client Hub user does not have it by default).
        partner_manager = self._create_user(
            "ch_partner_manager", "client_hub.group_client_hub_user,base.group_partner_manager"
        )
        client = self._create_client("Wizard Client")
        contact = self._create_contact(client, "Walter Wizard", email="w@x.com")
        form_view = self.env.ref("client_hub.res_partner_view_form")
        # Odoo's server action (Contacts > Action > Grant portal access), which saves the wizard's rows.
        wizard_action = self.env.ref("portal.partner_wizard_action_create_and_open")
        self.assertIn(f'name="{wizard_action.id}" type="action"', form_view.arch_db)
        wizard = (
            self.env["portal.wizard"]
            .with_user(partner_manager)
            .with_context(active_ids=client.ids, active_model="res.partner")
            .create({})
        )
        self.assertIn(contact, wizard.user_ids.partner_id)
        wizard.user_ids.filtered(lambda line: line.partner_id == contact).action_grant_access()
        self.assertTrue(contact.user_ids.has_group("base.group_portal"))
