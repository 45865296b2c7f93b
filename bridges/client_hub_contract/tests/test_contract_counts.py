from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .common import ContractFixtures


@tagged("post_install", "-at_install")
class TestContractCounts(ContractFixtures, TransactionCase):
    """A client's contracts: its own and its contacts', running today or starting later; a cancelled
    line does not make a contract, and an ended one is no longer active."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_contracts()
        cls.client, cls.other = cls._create_clients("Contract Client", "Other Client")
        cls.contact = cls._create_contact(cls.client, "Carl Contact")
        cls.ending_today = cls._create_contract(
            cls.client, {"date_start": cls._days(-90), "date_end": cls.today}
        )
        cls.contacts_contract = cls._create_contract(cls.contact, {"date_start": cls._days(-10)})
        cls.tomorrow = cls._create_contract(cls.client, {"date_start": cls._days(1)})
        cls.next_month = cls._create_contract(cls.client, {"date_start": cls._days(31)})
        cls.cancelled = cls._create_contract(cls.client, {"date_start": cls._days(-5), "is_canceled": True})
        cls.ended = cls._create_contract(
            cls.client, {"date_start": cls._days(-60), "date_end": cls._days(-1)}
        )

    def test_counts_include_contacts_and_the_day_a_contract_ends(self):
        # Running: the one ending today and the contact's; future: tomorrow's and next month's.
        for partner in (self.client, self.contact):
            self.assertEqual(partner.client_contract_active_count, 2, partner.name)
            self.assertEqual(partner.client_contract_future_count, 2, partner.name)
            self.assertEqual(partner.client_contract_next_start, self._days(1), partner.name)
            self.assertEqual(partner.client_contract_count, 4, "the smart button: running and future")
        self.assertEqual(self.other.client_contract_active_count, 0)
        self.assertFalse(self.other.client_contract_next_start)

    def test_a_contract_cancelled_or_archived_counts_no_more(self):
        self.ending_today.contract_line_ids.is_canceled = True
        self.tomorrow.active = False
        self.env.invalidate_all()
        self.assertEqual(self.client.client_contract_active_count, 1)
        self.assertEqual(self.client.client_contract_future_count, 1)
        self.assertEqual(self.client.client_contract_next_start, self._days(31))

    def test_a_purchase_contract_is_not_the_clients(self):
        self._create_contract(self.other, {"date_start": self._days(-1)}, contract_type="purchase")
        self.assertEqual(self.other.client_contract_active_count, 0)

    def test_filters_of_the_clients_search(self):
        Partner = self.env["res.partner"]
        clients = self.client | self.other
        with_active = Partner.search([("id", "in", clients.ids), ("client_contract_active_count", ">", 0)])
        self.assertEqual(with_active, self.client)
        without = Partner.search([("id", "in", clients.ids), ("client_contract_active_count", "=", 0)])
        self.assertEqual(without, self.other)
        # Ends within 30 days: the contract ending today does.
        ending = Partner.search([("id", "in", clients.ids), ("client_contract_ends_soon", "=", True)])
        self.assertEqual(ending, self.client)
        self.ending_today.contract_line_ids.date_end = self._days(31)
        ending = Partner.search([("id", "in", clients.ids), ("client_contract_ends_soon", "=", True)])
        self.assertFalse(ending, "an end in 31 days is not within 30 days")

    def test_a_contract_with_an_open_ended_line_does_not_end_soon(self):
        self._create_contract(
            self.other,
            {"date_start": self._days(-3), "date_end": self._days(5)},
            {"date_start": self._days(-3)},
        )
        self.assertEqual(self.other.client_contract_active_count, 1)
        self.assertFalse(self.other.client_contract_ends_soon)

    def test_a_bad_count_value_is_refused_clearly(self):
        with self.assertRaisesRegex(UserError, "compared with a number"):
            self.env["res.partner"].search([("client_contract_active_count", ">", "many")])

    def test_the_columns_cost_the_same_queries_for_ten_times_the_rows(self):
        few = self._create_clients(*(f"Few {n}" for n in range(3)))
        many = self._create_clients(*(f"Many {n}" for n in range(30)))
        for client in few | many:
            self._create_contract(client, {"date_start": self._days(-1)}, {"date_start": self._days(3)})
        fields_read = [
            "client_contract_active_count",
            "client_contract_future_count",
            "client_contract_next_start",
        ]
        self.other.read(fields_read)  # the user's companies, read once per environment
        counts = []
        for clients in (few, many):
            self.env.invalidate_all()
            queries_before = self.cr.sql_log_count
            clients.read(fields_read)
            counts.append(self.cr.sql_log_count - queries_before)
        self.assertEqual(counts[0], counts[1], "one query per list, whatever its length")
        self.assertEqual(many.mapped("client_contract_active_count"), [1] * 30)

    def test_a_contract_of_a_template_gives_a_client_without_one_its_type(self):
        retainer = self.env.ref("client_hub.contract_type_retainer")
        support = self.env.ref("client_hub.contract_type_support")
        template = self.env["contract.template"].create(
            {"name": "Retainer", "client_contract_type_id": retainer.id}
        )
        self._create_contract(self.other, {"date_start": self.today}, contract_template_id=template.id)
        self.assertEqual(self.other.contract_type_id, retainer)
        self.client.contract_type_id = support
        self._create_contract(self.client, {"date_start": self.today}, contract_template_id=template.id)
        self.assertEqual(self.client.contract_type_id, support, "a type chosen on the client stays")
