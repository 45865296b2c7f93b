from odoo.tests import tagged

from .common import ClientHubHttpCase


@tagged("post_install", "-at_install")
class TestJourneyTour(ClientHubHttpCase):
    def test_user_opens_the_journey_analysis_from_the_menu(self):
        self._create_user("ch_tour_journey", "client_hub.group_client_hub_user")
        client = self._create_client(
            "Journey Tour Ltd", client_status_id=self.env.ref("client_hub.client_status_tracking").id
        )
        client.client_status_id = self.env.ref("client_hub.client_status_prospect")
        self.start_tour("/odoo", "client_hub_journey_analysis", login="ch_tour_journey")
