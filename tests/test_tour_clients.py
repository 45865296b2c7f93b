from odoo.tests import tagged

from .common import ClientHubHttpCase


@tagged("post_install", "-at_install")
class TestClientsTour(ClientHubHttpCase):
    def test_user_opens_clients_app(self):
        user = self._create_user("ch_tour_user", "client_hub.group_client_hub_user")
        self._create_client("Tour Client Ltd", user_id=user.id)
        self.start_tour("/odoo", "client_hub_open_clients", login="ch_tour_user")

    def test_status_bar_changes_the_status(self):
        self._create_user("ch_tour_status", "client_hub.group_client_hub_user")
        client = self._create_client(
            "Status Bar Ltd", client_status_id=self.env.ref("client_hub.client_status_prospect").id
        )
        self.start_tour("/odoo", "client_hub_status_bar", login="ch_tour_status")
        self.assertEqual(client.client_status_id, self.env.ref("client_hub.client_status_active"))
        # The status history has the click: Prospect → Active, by the user.
        change = self.env["res.partner.status.history"].search([("partner_id", "=", client.id)], limit=1)
        self.assertEqual(change.to_status_id, client.client_status_id)
        self.assertEqual(change.user_id.login, "ch_tour_status")
