"""The bridge's portal rule on OCA's contracts reads the portal user's client from
`user.commercial_partner_id`: a domain evaluated in Python, which ir.rule caches per user. Client Hub's
own portal rules (credentials, ratings) go from the record to its client's people in SQL at query
time, so that a person moved to another client, or out of the client, stops reading the old client's
records at once. The contracts must follow the person the same way."""

from odoo.addons.client_hub.tests.common import json_rpc
from odoo.tests import HttpCase, tagged

from .common import ContractFixtures


@tagged("post_install", "-at_install")
class TestContractPortalRuleFollowsThePerson(ContractFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_contracts()
        cls.client, cls.new_employer = cls._create_clients("Former Employer", "New Employer")
        cls.contract = cls._create_contract(
            cls.client, {"date_start": cls._days(-1), "price_unit": 4321}, name="Former employer's hosting"
        )
        cls.portal = cls._create_client_portal_user("ch_contract_mover", cls.client)

    def _visible_contracts(self):
        result, error = json_rpc(self, "contract.contract", "search_read", [[]], {"fields": ["name"]})
        self.assertFalse(error, error)
        return [contract["id"] for contract in result]

    def _visible_lines(self):
        result, error = json_rpc(self, "contract.line", "search_read", [[]], {"fields": ["price_unit"]})
        self.assertFalse(error, error)
        return [line["id"] for line in result]

    def test_a_person_moved_to_another_client_no_longer_reads_the_former_clients_contracts(self):
        """The portal user of a client reads its contract over JSON-RPC; staff move its contact to
        another client (the person changed employer). Its next request must not list the former
        client's contract nor its lines (prices), as the credentials and ratings do not."""
        self.authenticate("ch_contract_mover", "ch_contract_mover")
        self.assertEqual(self._visible_contracts(), self.contract.ids)
        self.assertEqual(self._visible_lines(), self.contract.contract_line_ids.ids)
        self.portal.partner_id.parent_id = self.new_employer
        self.env.flush_all()
        self.assertNotIn(
            self.contract.id,
            self._visible_contracts(),
            "a person moved to another client still reads the former client's contracts",
        )
        self.assertFalse(
            set(self.contract.contract_line_ids.ids) & set(self._visible_lines()),
            "a person moved to another client still reads the former client's contract lines",
        )
