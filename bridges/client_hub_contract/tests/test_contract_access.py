from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import ContractFixtures


@tagged("post_install", "-at_install")
class TestContractAccess(ContractFixtures, TransactionCase):
    """Client Hub users see how many contracts a client has; the contracts and their money are for
    OCA's and Odoo's invoicing groups."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_contracts()
        cls.client = cls._create_client("Access Client")
        cls.contract = cls._create_contract(cls.client, {"date_start": cls._days(-1)})
        cls.hub = cls._create_user("ch_contract_hub", "client_hub.group_client_hub_user")
        cls.billing = cls._create_user(
            "ch_contract_billing", "client_hub.group_client_hub_user,account.group_account_invoice"
        )
        cls.accountant = cls._create_user(
            "ch_contract_manager", "client_hub.group_client_hub_user,account.group_account_manager"
        )

    def test_a_client_hub_user_reads_counts_not_contracts(self):
        client = self.client.with_user(self.hub)
        self.assertEqual(client.client_contract_active_count, 1)
        with self.assertRaises(AccessError):
            self.contract.with_user(self.hub).read(["name"])
        with self.assertRaises(AccessError):
            client.action_open_client_contracts()

    def test_billing_opens_the_contracts_of_the_client(self):
        action = self.client.with_user(self.billing).action_open_client_contracts()
        contracts = self.env["contract.contract"].with_user(self.billing).search(action["domain"])
        self.assertEqual(contracts, self.contract)
        self.assertEqual(action["context"]["default_partner_id"], self.client.id)

    def test_new_contract_is_for_the_client_and_its_invoice_address(self):
        invoice_address = self.env["res.partner"].create(
            {"name": "Billing dept", "parent_id": self.client.id, "type": "invoice"}
        )
        action = (
            self.client.with_user(self.accountant)
            .with_context(
                default_client_status_id=self.env.ref("client_hub.client_status_prospect").id,
                default_is_company=True,
            )
            .action_new_client_contract()
        )
        self.assertEqual(action["context"]["default_partner_id"], self.client.id)
        self.assertEqual(action["context"]["default_invoice_partner_id"], invoice_address.id)
        self.assertFalse(
            [key for key in action["context"] if key.startswith("default_") and "client" in key],
            "no default of the Clients action reaches the contract",
        )
        contract = (
            self.env["contract.contract"]
            .with_user(self.accountant)
            .with_context(**action["context"])
            .create({"name": "From the client"})
        )
        self.assertEqual(contract.partner_id, self.client)
        self.assertEqual(contract.invoice_partner_id, invoice_address)
        self.assertEqual(contract.contract_type, "sale")

    def test_the_analysis_money_is_for_invoicing_users(self):
        Report = self.env["res.partner.client.report"]
        self.assertTrue(Report.with_user(self.hub).search_count([("partner_id", "=", self.client.id)]))
        with self.assertRaises(AccessError):
            Report.with_user(self.hub).search([("partner_id", "=", self.client.id)]).read(
                ["recurring_revenue"]
            )
        rows = Report.with_user(self.billing).search(
            [("partner_id", "=", self.client.id), ("kind", "=", "client")]
        )
        self.assertEqual(rows.recurring_revenue, 100.0)
        self.assertEqual(rows.with_user(self.hub).contract_count, 1)
