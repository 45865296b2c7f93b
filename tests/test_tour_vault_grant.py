from odoo.tests import tagged

from .common import ClientHubHttpCase

GRANT = "res.partner.vault.grant"


@tagged("post_install", "-at_install")
class TestVaultGrantTour(ClientHubHttpCase):
    """A manager gives and revokes the portal vault right from the client's form (Clients menu)."""

    def setUp(self):
        super().setUp()
        self.manager = self._create_user(
            "ch_tour_vault_manager", "client_hub.group_client_hub_manager", name="Vault Grant Manager"
        )
        self.client = self._create_client("Vault Grant Ltd")
        self.portal = self._create_client_portal_user(
            "ch_tour_vault_portal", self.client, name="Vault Grant Contact"
        )

    def test_manager_grants_then_revokes_from_the_client_form(self):
        self.start_tour("/odoo", "client_hub_vault_grant", login="ch_tour_vault_manager")
        grant = self.env[GRANT].search([("partner_id", "=", self.portal.partner_id.id)])
        self.assertEqual(grant.user_id, self.portal, "bound to the contact's portal login")
        self.assertEqual(grant.create_uid, self.manager)
        self.assertTrue(self.env["res.partner"].with_user(self.portal)._client_hub_portal_has_vault())

        self.start_tour("/odoo", "client_hub_vault_revoke", login="ch_tour_vault_manager")
        self.assertFalse(grant.active)
        self.assertEqual(grant.revoked_by_id, self.manager)
        self.assertFalse(self.env["res.partner"].with_user(self.portal)._client_hub_portal_has_vault())
