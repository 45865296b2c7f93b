from odoo.tests import HttpCase, tagged

from .common import ContractFixtures


@tagged("post_install", "-at_install")
class TestContractPortal(ContractFixtures, HttpCase):
    """The Company Profile leads to OCA's contracts page, which lists the client's contracts to its
    people, and only them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_contracts()
        cls.client, cls.rival = cls._create_clients("Portal Contract Client", "Rival Contract Client")
        cls.contract = cls._create_contract(cls.client, {"date_start": cls._days(-1)}, name="Our hosting")
        cls.rival_contract = cls._create_contract(
            cls.rival, {"date_start": cls._days(-1)}, name="Rival hosting"
        )
        cls.portal = cls._create_client_portal_user("ch_contract_portal", cls.client)

    def test_the_profile_links_to_the_clients_contracts(self):
        self.authenticate("ch_contract_portal", "ch_contract_portal")
        profile = self.url_open("/my/client")
        self.assertEqual(profile.status_code, 200)
        self.assertIn('href="/my/contracts"', profile.text)
        contracts = self.url_open("/my/contracts")
        self.assertEqual(contracts.status_code, 200)
        self.assertIn("Our hosting", contracts.text)
        self.assertNotIn("Rival hosting", contracts.text)
        rival = self.url_open(f"/my/contracts/{self.rival_contract.id}")
        self.assertNotIn("Rival hosting", rival.text)
