from odoo.tests import tagged

from .common import ClientHubHttpCase, new_vault_key, vault_keys


@tagged("post_install", "-at_install")
class TestVaultTour(ClientHubHttpCase):
    def test_allowed_user_reveals_in_the_dialog(self):
        user = self._create_user("ch_tour_vault", "client_hub.group_client_hub_credentials")
        client = self._create_client("Tour Vault Client")
        with vault_keys(new_vault_key()):
            credential = self.env["res.partner.credential"].create(
                {
                    "partner_id": client.id,
                    "name": "Tour SFTP",
                    "platform": "sftp",
                    "secret": "tour-Secret-42",
                    "user_ids": [(4, user.id)],
                }
            )
            self.start_tour("/odoo", "client_hub_reveal_secret", login="ch_tour_vault")
        self.assertEqual(credential.reveal_count, 1)
        self.assertEqual(credential.log_ids.filtered(lambda log: log.action == "reveal").user_id, user)

    def test_user_without_credentials_group_follows_a_credential_link(self):
        self._create_user("ch_tour_no_vault", "client_hub.group_client_hub_user")
        client = self._create_client("Tour Refused Client")
        with vault_keys(new_vault_key()):
            credential = self.env["res.partner.credential"].create(
                {"partner_id": client.id, "name": "Tour Hidden", "secret": "tour-Hidden-7"}
            )
        self.start_tour(
            f"/odoo/res.partner.credential/{credential.id}",
            "client_hub_credential_url_refused",
            login="ch_tour_no_vault",
        )
        self.assertFalse(credential.log_ids.filtered(lambda log: log.action == "reveal"))
