"""Outside review of the client's money (r28): each test fails on the code reviewed and says why."""

from datetime import timedelta

from lxml import etree

from odoo import Command
from odoo.addons.account.tests.common import AccountTestInvoicingCommon, AccountTestInvoicingHttpCommon
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import FinanceSetup, VaultCase, json_rpc


@tagged("post_install", "-at_install")
class TestReviewFinance(FinanceSetup, AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_finance()
        cls.accountant = cls._company_user(
            "ch_rev_billing", "account.group_account_invoice,client_hub.group_client_hub_user"
        )
        cls.client_c = cls.env["res.partner"].create(
            {
                "name": "Money Client C",
                "is_company": True,
                "client_status_id": cls.env.ref("client_hub.client_status_active").id,
            }
        )

    def _invoice(self, partner, amount, invoice_days, due_days, move_type="out_invoice"):
        return self._create_invoice_one_line(
            move_type=move_type,
            price_unit=amount,
            tax_ids=[],
            partner_id=partner.id,
            invoice_date=self.today + timedelta(days=invoice_days),
            invoice_date_due=self.today + timedelta(days=due_days),
            post=True,
        )

    def test_unapplied_credit_note_does_not_make_overdue_negative(self):
        """Client C: invoice 1,000.00 due in 30 days (nothing is past due) and a credit note 200.00
        dated 10 days ago, not applied to the invoice.
        Amount due = 1,000 - 200 = 800.00 (right). Overdue: no invoice is past its due date, so an
        accountant reads 0.00; the code subtracts the credit note's line (its due date is in the
        past) from the overdue sum and shows -200.00, a negative "Of which overdue"."""
        self._invoice(self.client_c, 1000.0, -5, 30)
        self._invoice(self.client_c, 200.0, -10, -10, move_type="out_refund")
        client = self.client_c.with_user(self.accountant)
        self.assertAlmostEqual(client.client_amount_due, 800.0)
        self.assertAlmostEqual(client.client_amount_overdue, 0.0)

    def test_payment_booked_in_the_bank_journal_is_a_last_payment(self):
        """Client C: invoice 300.00 due 10 days ago, paid by a bank booking 3 days ago (a journal
        entry in the bank journal: bank 300 debit / receivable 300 credit on C), reconciled with the
        invoice, as when a bank statement is matched without an account.payment (Odoo 19's bank
        reconciliation creates none).
        Amount due 0.00 (right). "Last Payment" should be that day (today - 3); the code only
        reads account.payment records and shows no last payment at all."""
        invoice = self._invoice(self.client_c, 300.0, -40, -10)
        bank_journal = self.company_data["default_journal_bank"]
        receivable = invoice.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        paid_on = self.today - timedelta(days=3)
        entry = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": bank_journal.id,
                "date": paid_on,
                "line_ids": [
                    Command.create(
                        {
                            "account_id": bank_journal.default_account_id.id,
                            "debit": 300.0,
                            "partner_id": self.client_c.id,
                        }
                    ),
                    Command.create(
                        {
                            "account_id": receivable.account_id.id,
                            "credit": 300.0,
                            "partner_id": self.client_c.id,
                        }
                    ),
                ],
            }
        )
        entry.action_post()
        (
            receivable | entry.line_ids.filtered(lambda line: line.account_id == receivable.account_id)
        ).reconcile()
        self.assertEqual(invoice.payment_state, "paid")
        client = self.client_c.with_user(self.accountant)
        self.assertAlmostEqual(client.client_amount_due, 0.0)
        self.assertEqual(client.client_last_payment_date, paid_on)

    def test_branch_user_sees_only_what_its_items_link_shows(self):
        """A Billing user working in a branch of the test company only (company_ids = the branch):
        client A's invoices are all in the parent company (amount due 1,050.00 there, FinanceSetup),
        lines this user may not read. The "Open items" link lists no line for this user (its record
        rules), yet the figure shows 1,050.00: the user reads the parent company's receivable.
        The figure should be the sum of the lines the link shows, here 0.00."""
        branch = self.env["res.company"].create({"name": "Money Branch", "parent_id": self.env.company.id})
        user = new_test_user(
            self.env,
            login="ch_rev_branch",
            groups="account.group_account_invoice,client_hub.group_client_hub_user",
            company_id=branch.id,
            company_ids=branch.ids,
        )
        client = self.client_a.with_user(user).with_company(branch)
        lines = (
            self.env["account.move.line"]
            .with_user(user)
            .with_company(branch)
            .search(client.action_open_client_receivables()["domain"])
        )
        self.assertAlmostEqual(client.client_amount_due, sum(lines.mapped("amount_residual")))

    def test_all_payments_link_matches_the_last_payments(self):
        """Client C: a customer payment of 70.00 left in draft, and one of 80.00 cancelled. Neither is
        money received: the Last Payments list and Last Payment date ignore them (right). The "All
        payments" link opens Odoo's Customer Payments on a domain without state (nor company): it
        lists the draft and the cancelled payment as the client's payments. It should list only the
        payments received (in process / paid) of the companies of the figures."""
        Payment = self.env["account.payment"]
        values = {
            "payment_type": "inbound",
            "partner_type": "customer",
            "partner_id": self.client_c.id,
            "journal_id": self.company_data["default_journal_bank"].id,
        }
        draft = Payment.create({**values, "amount": 70.0})
        cancelled = Payment.create({**values, "amount": 80.0})
        cancelled.action_cancel()
        client = self.client_c.with_user(self.accountant)
        self.assertFalse(client.client_payment_ids)
        listed = Payment.with_user(self.accountant).search(client.action_open_client_payments()["domain"])
        self.assertFalse(listed & (draft | cancelled), "the link lists payments never received")


@tagged("post_install", "-at_install")
class TestReviewFinanceRpc(FinanceSetup, AccountTestInvoicingHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_finance()
        cls.accountant = cls._company_user(
            "ch_rev_rpc_billing", "account.group_account_invoice,client_hub.group_client_hub_user"
        )

    def test_search_and_sort_on_the_figures_answer_or_refuse_clearly(self):
        """A Billing user asks over JSON-RPC (/web/dataset/call_kw) for the clients with something
        overdue, search_read([("client_amount_overdue", ">", 0)]), and for clients A and B sorted by
        amount due (order "client_amount_due desc"). Expected: A only (700.00 overdue, B none), and
        A (1,050.00) before B (999.00); or a clear UserError. The fields are computed, not stored,
        without a search method: both calls end in a server traceback (builtins.ValueError "Cannot
        convert res.partner.client_amount_overdue to SQL because it is not stored")."""
        self.authenticate("ch_rev_rpc_billing", "ch_rev_rpc_billing_pw")
        clients = self.client_a | self.client_b
        for domain, order, expected in (
            ([("client_amount_overdue", ">", 0), ("id", "in", clients.ids)], None, self.client_a.ids),
            ([("id", "in", clients.ids)], "client_amount_due desc", clients.ids),
        ):
            with self.subTest(domain=domain, order=order):
                kwargs = {"order": order} if order else {}
                result, error = json_rpc(self, "res.partner", "search_read", [domain, ["id"]], kwargs)
                if error:
                    self.assertEqual(error.get("name"), "odoo.exceptions.UserError", error.get("message"))
                else:
                    self.assertEqual([row["id"] for row in result], expected)


@tagged("post_install", "-at_install")
class TestReviewCredentialCanEdit(VaultCase):
    def test_form_does_not_offer_a_client_change_the_model_refuses(self):
        """A Credentials user listed on a credential opens its form: can_edit is True, so every
        field, the client (partner_id) included, is editable ("readonly": "not can_edit"). Saving a
        new client is refused by write() (partner_id is a managers' field: AccessError "Only Client
        Hub managers may ... move a credential to another client"). The form offers a change that
        can never be saved: for this user the client field should be read-only, as user_ids and
        reveal_reprompt are."""
        credential = self._credential()
        as_allowed = credential.with_user(self.user_allowed)
        self.assertTrue(as_allowed.can_edit)
        other_client = self._create_client("Other Vault Client")
        with self.assertRaises(AccessError):
            as_allowed.write({"partner_id": other_client.id})
        arch = self.env["res.partner.credential"].with_user(self.user_allowed).get_views([(False, "form")])
        form = etree.fromstring(arch["views"]["form"]["arch"])
        nodes = form.xpath("//field[@name='partner_id']")
        self.assertTrue(nodes)
        for node in nodes:
            readonly = node.get("readonly", "False")
            self.assertTrue(
                safe_eval(readonly, {"can_edit": as_allowed.can_edit, "id": as_allowed.id}),
                f"partner_id editable for a user write() refuses (readonly={readonly!r})",
            )
