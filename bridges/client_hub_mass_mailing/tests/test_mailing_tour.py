from odoo.tests import HttpCase, tagged

from .common import MARKETING, MailingFixtures


@tagged("post_install", "-at_install")
class TestMailingTour(MailingFixtures, HttpCase):
    def test_send_a_mailing_to_the_prospects_selected_in_the_clients_list(self):
        self._create_user("ch_mailing_tour", f"client_hub.group_client_hub_user,{MARKETING}")
        first = self._create_prospect("Tour Prospect Alpha", email="office@alpha.example.com")
        alice = self._create_contact(first, "Alice Alpha", email="alice@alpha.example.com")
        self._create_contact(first, "Alpha Deliveries", type="delivery", email="docks@alpha.example.com")
        second = self._create_prospect("Tour Prospect Beta")
        bruno = self._create_contact(second, "Bruno Beta", email="bruno@beta.example.com")
        self._create_prospect("Tour Prospect Gamma", email="office@gamma.example.com")  # not selected
        self._create_client("Tour Active Delta", email="office@delta.example.com")
        self.start_tour("/odoo", "client_hub_mass_mailing_prospects", login="ch_mailing_tour")
        mailing = self.env["mailing.mailing"].search([("subject", "=", "News for our prospects")])
        self.assertEqual(len(mailing), 1)
        self.assertEqual(mailing.mailing_model_real, "res.partner")
        self.assertEqual(self._recipients(mailing), first | alice | bruno)
