from odoo.tests import HttpCase, tagged

from .common import ContractFixtures


@tagged("post_install", "-at_install")
class TestContractTour(ContractFixtures, HttpCase):
    def test_new_contract_from_the_client(self):
        self._create_user(
            "ch_contract_tour", "client_hub.group_client_hub_user,account.group_account_manager"
        )
        client = self._create_client("Contract Tour Ltd")
        billing = self.env["res.partner"].create(
            {"name": "Tour Billing", "parent_id": client.id, "type": "invoice"}
        )
        self.start_tour("/odoo", "client_hub_contract_new", login="ch_contract_tour")
        contract = self.env["contract.contract"].search([("name", "=", "Hosting 2027")])
        self.assertEqual(
            contract.partner_id, client, "the client, not a partner the Clients menu's context made"
        )
        self.assertEqual(contract.invoice_partner_id, billing)
        self.assertEqual(contract.contract_type, "sale")
        self.assertFalse(client.child_ids.filtered("is_client"), "no address became a client")
