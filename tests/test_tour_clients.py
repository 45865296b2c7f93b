from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestClientsTour(HttpCase):
    def test_user_opens_clients_app(self):
        user = new_test_user(self.env, login="ch_tour_user", groups="client_hub.group_client_hub_user")
        self.env["res.partner"].create(
            {
                "name": "Tour Client Ltd",
                "is_company": True,
                "client_status_id": self.env.ref("client_hub.client_status_active").id,
                "user_id": user.id,
            }
        )
        self.start_tour("/odoo", "client_hub_open_clients", login="ch_tour_user")

    def test_status_bar_changes_the_status(self):
        new_test_user(self.env, login="ch_tour_status", groups="client_hub.group_client_hub_user")
        client = self.env["res.partner"].create(
            {
                "name": "Status Bar Ltd",
                "is_company": True,
                "client_status_id": self.env.ref("client_hub.client_status_prospect").id,
            }
        )
        self.start_tour("/odoo", "client_hub_status_bar", login="ch_tour_status")
        self.assertEqual(client.client_status_id, self.env.ref("client_hub.client_status_active"))
