from unittest.mock import patch

from odoo import Command
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from ..hooks import uninstall_hook
from .common import ClientHubCase, ClientHubFixtures, migration_script

HISTORY = "res.partner.status.history"
TRACKING_MODULE = "odoo.addons.client_hub.models.res_partner_status_tracking"


@tagged("post_install", "-at_install")
class TestStatusHistoryPaths(ClientHubCase):
    """Every way a client's status changes writes one history row: from, to, who, company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.status_tracking = cls.env.ref("client_hub.client_status_tracking")
        cls.status_inactive = cls.env.ref("client_hub.client_status_inactive")

    def _rows(self, partners):
        return self.env[HISTORY].sudo().search([("partner_id", "in", partners.ids)], order="id")

    def _changes(self, partners):
        return [(row.partner_id, row.from_status_id, row.to_status_id) for row in self._rows(partners)]

    def test_new_client_with_a_status_writes_its_first_row(self):
        client = (
            self.env["res.partner"]
            .with_user(self.user_client_hub)
            .create(
                {"name": "New Status Ltd", "is_company": True, "client_status_id": self.status_prospect.id}
            )
        )
        row = self._rows(client)
        self.assertEqual(len(row), 1)
        self.assertFalse(row.from_status_id)
        self.assertEqual(row.to_status_id, self.status_prospect)
        self.assertEqual(row.user_id, self.user_client_hub)
        self.assertEqual(row.company_id, client.company_id)

    def test_status_from_the_clients_menu_default_writes_a_row(self):
        Partner = self.env["res.partner"].with_context(default_client_status_id=self.status_tracking.id)
        client = Partner.create({"name": "Defaulted Ltd", "is_company": True})
        self.assertEqual(
            self._changes(client), [(client, self.env["res.partner.client.status"], self.status_tracking)]
        )

    def test_partner_without_status_writes_no_row(self):
        partner = self._create_company_partner("No Client Ltd")
        self.assertFalse(self._rows(partner))

    def test_form_and_status_bar_change_write_one_row(self):
        client = self._create_client("Form Ltd")
        with Form(client.with_user(self.user_client_hub)) as form:
            form.client_status_id = self.status_inactive
        self.assertEqual(self._changes(client)[1:], [(client, self.status_active, self.status_inactive)])
        self.assertEqual(self._rows(client)[-1].user_id, self.user_client_hub)

    def test_same_status_or_other_fields_write_no_row(self):
        client = self._create_client("Same Ltd")
        client.write({"client_status_id": self.status_active.id, "name": "Same Again Ltd"})
        client.write({"is_company": True, "comment": "x"})
        self.assertEqual(len(self._rows(client)), 1)

    def _queries(self, clients, status):
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        clients.write({"client_status_id": status.id})
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_batch_write_costs_two_queries_whatever_the_batch(self):
        few = self._create_clients(*(f"Few {i}" for i in range(3)))
        many = self._create_clients(*(f"Many {i}" for i in range(30)))
        self._queries(few | many, self.status_prospect)  # warm the caches
        self.assertEqual(self._queries(few, self.status_inactive), self._queries(many, self.status_inactive))
        with patch(f"{TRACKING_MODULE}.STATUS_DECIDING_FIELDS", frozenset()):
            without = self._queries(many, self.status_tracking)
        # The status before, read in one query, and the rows, inserted in one.
        self.assertEqual(self._queries(many, self.status_active), without + 2)
        rows = self._rows(many).filtered(lambda row: row.to_status_id == self.status_inactive)
        self.assertEqual(rows.partner_id, many)
        self.assertEqual(len(rows), 30)

    def test_contacts_following_their_company_write_no_row(self):
        client = self._create_client("Company Ltd")
        contact = self._create_contact(client, "Ann Person")
        client.client_status_id = self.status_prospect
        self.assertEqual(contact.client_status_id, self.status_prospect)
        self.assertFalse(self._rows(contact))
        self.assertEqual(len(self._rows(client)), 2)

    def test_contact_becoming_its_own_client_and_back(self):
        client = self._create_client("Parent Ltd")
        contact = self._create_contact(client, "Leaving Person")
        contact.parent_id = False
        self.assertTrue(contact.is_client)
        self.assertEqual(
            self._changes(contact), [(contact, self.env["res.partner.client.status"], self.status_active)]
        )
        contact.parent_id = client
        self.assertEqual(
            self._changes(contact)[1:], [(contact, self.status_active, self.env["res.partner.client.status"])]
        )

    def test_removing_the_status_ends_the_journey(self):
        client = self._create_client("Removed Ltd")
        client.client_status_id = False
        self.assertEqual(
            self._changes(client)[1:], [(client, self.status_active, self.env["res.partner.client.status"])]
        )

    def test_import_writes_rows(self):
        Partner = self.env["res.partner"]
        fields_ = ["id", "name", "is_company", "client_status_id/id"]
        result = Partner.load(
            fields_, [["__import__.imported_ltd", "Imported Ltd", "1", "client_hub.client_status_prospect"]]
        )
        self.assertFalse(result["messages"])
        client = Partner.browse(result["ids"])
        none = self.env["res.partner.client.status"]
        self.assertEqual(self._changes(client), [(client, none, self.status_prospect)])
        # Importing the file again, with a new status: an update of the same client.
        result = Partner.load(
            fields_, [["__import__.imported_ltd", "Imported Ltd", "1", "client_hub.client_status_active"]]
        )
        self.assertEqual(result["ids"], client.ids)
        self.assertEqual(
            self._changes(client),
            [(client, none, self.status_prospect), (client, self.status_prospect, self.status_active)],
        )

    def test_merge_keeps_the_merged_clients_past_and_logs_the_new_status(self):
        kept = self._create_company_partner("Kept Ltd")
        merged = self._create_client("Merged Ltd", client_status_id=self.status_prospect.id)
        merged.client_status_id = self.status_active
        merged.ref = False  # the kept partner takes the merged one's values: not its client number
        wizard = self.env["base.partner.merge.automatic.wizard"].create({})
        wizard._merge((kept | merged).ids, dst_partner=kept)
        self.assertFalse(merged.exists())
        changes = self._changes(kept)
        # The merged client's two rows now belong to the kept one, which became a client too.
        self.assertEqual(len(changes), 3)
        self.assertEqual(changes[-1], (kept, self.env["res.partner.client.status"], self.status_active))

    def test_status_changes_button_counts_the_rows(self):
        client = self._create_client("Button Ltd")
        client.client_status_id = self.status_prospect
        self.assertEqual(client.with_user(self.user_client_hub).client_status_change_count, 2)
        action = client.action_open_status_history()
        self.assertEqual(
            self.env[HISTORY].with_user(self.user_client_hub).search(action["domain"]), self._rows(client)
        )

    def test_uninstall_frees_the_statuses_the_history_holds(self):
        client = self._create_client("Uninstalled Ltd")
        client.client_status_id = self.status_prospect
        uninstall_hook(self.env)
        self.env.invalidate_all()
        self.assertFalse(self._rows(client))
        (self.status_prospect | self.status_active).unlink()  # what Odoo's uninstall does next


@tagged("post_install", "-at_install")
class TestStatusHistoryAccess(ClientHubCase):
    """Client Hub users read the history; nobody writes it through the ORM; internal users see nothing."""

    def test_client_hub_users_read_only(self):
        client = self._create_client("Access Ltd")
        row = self.env[HISTORY].sudo().search([("partner_id", "=", client.id)])
        self.assertEqual(row.with_user(self.user_client_hub).to_status_id, self.status_active)
        for user in (self.user_client_hub, self.user_manager):
            with self.subTest(user=user.login):
                History = self.env[HISTORY].with_user(user)
                with self.assertRaises(AccessError):
                    History.create({"partner_id": client.id, "to_status_id": self.status_prospect.id})
                with self.assertRaises(AccessError):
                    row.with_user(user).write({"to_status_id": self.status_prospect.id})
                with self.assertRaises(AccessError):
                    row.with_user(user).unlink()

    def test_internal_users_without_client_hub_see_nothing(self):
        client = self._create_client("Hidden Ltd")
        with self.assertRaises(AccessError):
            self.env[HISTORY].with_user(self.user_internal).search([("partner_id", "=", client.id)])
        with self.assertRaises(AccessError):
            self.env["res.partner.journey.report"].with_user(self.user_internal).search([])


@tagged("post_install", "-at_install")
class TestStatusHistoryMultiCompany(ClientHubFixtures, AccountTestInvoicingCommon):
    def test_rows_stay_in_their_company(self):
        company_a = self.env.company
        company_b = self.setup_other_company()["company"]
        client_a = self._create_client("History of A", company_id=company_a.id)
        client_b = self._create_client("History of B", company_id=company_b.id)
        user_b = self._create_user(
            "ch_history_b",
            "client_hub.group_client_hub_user",
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        for model in (HISTORY, "res.partner.journey.report"):
            with self.subTest(model=model):
                seen = (
                    self.env[model]
                    .with_user(user_b)
                    .search([("partner_id", "in", (client_a | client_b).ids)])
                )
                self.assertEqual(seen.partner_id, client_b)


@tagged("post_install", "-at_install")
class TestStatusHistoryMigration(ClientHubCase):
    """Updating from 19.0.1.5.0: each client's past statuses are rebuilt from the chatter's tracking."""

    def test_rebuilt_from_tracking_values(self):
        tracking = self.env.ref("client_hub.client_status_tracking")
        inactive = self.env.ref("client_hub.client_status_inactive")
        client = self._create_client("Tracked Ltd", client_status_id=tracking.id, client_since="2025-03-01")
        contact = self._create_contact(client, "Tracked Contact")
        untouched = self._create_client("Untouched Ltd", client_since="2025-05-01")
        self.env.cr.flush()  # changes are tracked after the creating transaction, as a user's
        for status in (self.status_prospect, tracking, self.status_active, inactive):
            client.client_status_id = status
            self.env.cr.flush()
        partners = client | contact | untouched
        self.env.cr.execute(
            "DELETE FROM res_partner_status_history WHERE partner_id IN %s", [tuple(partners.ids)]
        )
        self.env.invalidate_all()

        migration_script("19.0.1.6.0", "post-status-history").migrate(self.env.cr, "19.0.1.5.0")
        none = self.env["res.partner.client.status"]
        rows = self.env[HISTORY].search([("partner_id", "in", partners.ids)], order="partner_id, date, id")
        self.assertEqual(
            [(row.partner_id, row.from_status_id, row.to_status_id) for row in rows],
            [
                (client, none, tracking),
                (client, tracking, self.status_prospect),
                (client, self.status_prospect, tracking),
                (client, tracking, self.status_active),
                (client, self.status_active, inactive),
                (untouched, none, self.status_active),
            ],
        )
        self.assertEqual(rows[0].date.date().isoformat(), "2025-03-01")
        self.assertEqual(rows[-1].date.date().isoformat(), "2025-05-01")
        self.assertEqual(rows.filtered(lambda row: row.partner_id == client)[1].user_id, self.env.user)

        migration_script("19.0.1.6.0", "post-status-history").migrate(self.env.cr, "19.0.1.5.0")
        self.assertEqual(self.env[HISTORY].search_count([("partner_id", "in", partners.ids)]), 6)
