"""The client's money (amount due, overdue) is read by Billing users and auditors only (the fields'
groups). Odoo checks a field's groups on search only when the condition becomes SQL: a field with a
search method turns it into another domain first, so the module must check the groups itself."""

from odoo.addons.account.tests.common import AccountTestInvoicingHttpCommon
from odoo.tests import tagged

from .common import FinanceSetup, json_rpc


@tagged("post_install", "-at_install", "security")
class TestFinanceFiguresNotSearchableWithoutInvoicingRights(FinanceSetup, AccountTestInvoicingHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_finance()
        cls.users = {
            "internal": cls._company_user("ch_fin_internal", "base.group_user"),
            "client_hub": cls._company_user("ch_fin_hub", "client_hub.group_client_hub_user"),
        }

    def _count(self, field, operator, amount):
        result, error = json_rpc(
            self,
            "res.partner",
            "search_count",
            [[("id", "=", self.client_a.id), (field, operator, amount)]],
        )
        return result, error

    def test_amounts_cannot_be_found_by_searching(self):
        """Client A owes 1,050.00 (700.00 overdue). A user without invoicing rights may not read the
        figures (read() refuses), but search_count([("id", "=", A), ("client_amount_due", ">", X)])
        answers 1 or 0, and halving X finds the exact amount in ~30 calls. The search must be refused."""
        for role, user in self.users.items():
            self.authenticate(user.login, f"{user.login}_pw")
            for field, below, above in (
                ("client_amount_due", 1049.0, 1051.0),
                ("client_amount_overdue", 699.0, 701.0),
                ("credit", 1049.0, 1051.0),  # Odoo's own Total Receivable: the same hole, closed too
            ):
                with self.subTest(role=role, field=field):
                    _result, read_error = json_rpc(self, "res.partner", "read", [self.client_a.ids, [field]])
                    self.assertEqual(read_error.get("name"), "odoo.exceptions.AccessError")
                    answers = [self._count(field, ">", amount) for amount in (below, above)]
                    for _result, error in answers:
                        self.assertTrue(
                            error,
                            f"{role} searched {field} without invoicing rights: "
                            f"> {below} gave {answers[0][0]}, > {above} gave {answers[1][0]}",
                        )
                        self.assertEqual(
                            error.get("name"), "odoo.exceptions.AccessError", error.get("message")
                        )
