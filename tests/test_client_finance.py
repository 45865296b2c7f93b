from odoo import Command
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ClientHubCase, FinanceSetup

FINANCE_FIELDS = [
    "client_amount_due",
    "client_amount_overdue",
    "client_last_payment_date",
    "client_payment_ids",
]


@tagged("post_install", "-at_install")
class TestClientFinance(FinanceSetup, AccountTestInvoicingCommon):
    """The client's money on its page: amount due, of which overdue, its last payments (figures of
    FinanceSetup, worked out there by hand)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_finance()
        cls.accountant = cls._company_user(
            "ch_fin_billing", "account.group_account_invoice,client_hub.group_client_hub_user"
        )
        cls.client_hub_user = cls._company_user("ch_fin_user", "client_hub.group_client_hub_user")

    def test_amount_due_overdue_and_last_payments(self):
        client = self.client_a.with_user(self.accountant)
        self.assertEqual(client.client_finance_currency_id, self.env.ref("base.USD"))
        self.assertAlmostEqual(client.client_amount_due, 1050.0)
        self.assertAlmostEqual(client.client_amount_overdue, 700.0)
        self.assertEqual(client.client_payment_ids, self.full_payment | self.partial_payment)
        self.assertEqual(client.client_payment_ids[:1], self.full_payment, "the latest first")
        self.assertEqual(client.client_last_payment_date, self.full_payment.date)
        # Odoo's own receivable of the client says the same.
        self.assertAlmostEqual(client.client_amount_due, client.credit)

    def test_contacts_show_their_clients_figures(self):
        ann = self.ann.with_user(self.accountant)
        self.assertAlmostEqual(ann.client_amount_due, 1050.0)
        self.assertAlmostEqual(ann.client_amount_overdue, 700.0)

    def test_other_client_is_apart(self):
        client = self.client_b.with_user(self.accountant)
        self.assertAlmostEqual(client.client_amount_due, 999.0)
        self.assertAlmostEqual(client.client_amount_overdue, 0.0)
        self.assertFalse(client.client_payment_ids)
        self.assertFalse(client.client_last_payment_date)

    def test_other_company_counts_in_its_own_currency(self):
        """An invoice of A in a second company (in EUR) is in that company's figures only."""
        company_2 = self.setup_other_company(currency_id=self.eur.id)["company"]
        self.env["account.move"].with_company(company_2).create(
            {
                "move_type": "out_invoice",
                "partner_id": self.client_a.id,
                "invoice_date": self.today,
                "invoice_line_ids": [Command.create({"name": "Audit", "price_unit": 777.0, "tax_ids": []})],
            }
        ).action_post()
        self.assertAlmostEqual(self.client_a.client_amount_due, 1050.0)
        other = self.client_a.with_company(company_2)
        self.assertEqual(other.client_finance_currency_id, self.eur)
        self.assertAlmostEqual(other.client_amount_due, 777.0)
        self.assertAlmostEqual(other.client_amount_overdue, 0.0)
        self.assertFalse(other.client_payment_ids)

    def test_links_open_odoos_lists_of_the_client(self):
        client = self.client_a.with_user(self.accountant)
        Line = self.env["account.move.line"].with_user(self.accountant)
        action = client.action_open_client_receivables()
        self.assertEqual(action["res_model"], "account.move.line")
        lines = Line.search(action["domain"])
        self.assertAlmostEqual(sum(lines.mapped("amount_residual")), 1050.0)
        overdue = Line.search(client.action_open_client_overdue()["domain"])
        self.assertAlmostEqual(sum(overdue.mapped("amount_residual")), 700.0)
        self.assertEqual(overdue.move_id, self.overdue_invoice | self.eur_invoice)
        action = client.action_open_client_payments()
        self.assertEqual(action["res_model"], "account.payment")
        payments = self.env["account.payment"].with_user(self.accountant).search(action["domain"])
        self.assertEqual(payments, self.partial_payment | self.full_payment)

    def test_user_without_invoicing_rights_cannot_read_them(self):
        client = self.client_a.with_user(self.client_hub_user)
        for name in FINANCE_FIELDS:
            with self.subTest(field=name), self.assertRaises(AccessError):
                client.read([name])
        self.assertFalse(set(FINANCE_FIELDS) & set(client.fields_get()))

    def test_form_shows_finance_page_to_invoicing_users_only(self):
        def page_fields(user):
            views = self.env["res.partner"].with_user(user).get_views([(False, "form")])
            return set(views["models"]["res.partner"]["fields"])

        self.assertTrue(set(FINANCE_FIELDS) <= page_fields(self.accountant))
        self.assertFalse(set(FINANCE_FIELDS) & page_fields(self.client_hub_user))


@tagged("post_install", "-at_install")
class TestFinanceDemo(ClientHubCase):
    """The demo clients show money: Mazowsze owes an overdue invoice (800.00 of it paid) and one not
    yet due; Kowalski paid its invoice in full."""

    def test_demo_clients_show_due_overdue_and_payments(self):
        overdue = self.env.ref("client_hub.invoice_mazowsze_overdue")
        current = self.env.ref("client_hub.invoice_mazowsze_current")
        mazowsze = self.env.ref("client_hub.client_mazowsze")
        self.assertAlmostEqual(overdue.amount_residual, overdue.amount_total - 800.0)
        self.assertAlmostEqual(mazowsze.client_amount_overdue, overdue.amount_residual)
        self.assertAlmostEqual(mazowsze.client_amount_due, overdue.amount_residual + current.amount_total)
        self.assertEqual(len(mazowsze.client_payment_ids), 1)
        kowalski = self.env.ref("client_hub.client_kowalski")
        self.assertEqual(self.env.ref("client_hub.invoice_kowalski_paid").payment_state, "paid")
        self.assertAlmostEqual(kowalski.client_amount_due, 0.0)
        self.assertTrue(kowalski.client_last_payment_date)
