from odoo.tests import tagged

from .common import KsefCorrectionCase


@tagged("post_install", "-at_install")
class TestKsefCashBasis(KsefCorrectionCase):
    """Cash-basis VAT (metoda kasowa, P_16 1): Odoo tags a cash-basis tax's lines on the entry it
    makes at payment, not on the invoice, and its export reads the invoice's tags: the rows and
    P_13_1/P_14_1 were missing, only P_15 was written. An invoice and its correction declare them.

    Invoice: Biurko 4 x 250.00 = 1,000.00 + 23 % 230.00 = 1,230.00."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.tax_exigibility = True
        transition = cls.env["account.account"].create(
            {
                "code": "221099",
                "name": "VAT due on payment (test)",
                "account_type": "liability_current",
                "reconcile": True,
            }
        )
        cls.tax_23_cash = cls.tax_23.copy(
            {
                "name": "23% metoda kasowa (test)",
                "tax_exigibility": "on_payment",
                "cash_basis_transition_account_id": transition.id,
            }
        )
        cls.desks = cls._make_invoice(
            cls.client, [{"name": "Biurko", "quantity": 4, "price_unit": 250, "tax_ids": cls.tax_23_cash}]
        )

    def test_invoice_declares_its_rows_and_rate_sums(self):
        self.assertEqual(self._amounts(self.desks), (1000.0, 230.0, 1230.0))
        root = self._fa3(self.desks)
        self.assertEqual(self._text(root, "fa:Adnotacje/fa:P_16"), "1")
        self.assertEqual(self._rows(root), [("Biurko", "4", "250.00", None, "1000.00", "23", None)])
        self.assertEqual(self._totals(root, "P_13_1", "P_14_1", "P_15"), ("1000.00", "230.00", "1230.00"))

    def test_correction_declares_its_rows_and_rate_sums(self):
        # 4 -> 3: 750.00 + 172.50 = 922.50; the credit note -250.00 - 57.50 = -307.50.
        credit_note = self._correct(self.desks, edits={"Biurko": {"quantity": 3}})
        self.assertEqual(self._amounts(credit_note), (250.0, 57.5, 307.5))
        root = self._fa3(credit_note)
        self.assertEqual(self._text(root, "fa:Adnotacje/fa:P_16"), "1")
        self.assertEqual(
            self._rows(root),
            [
                ("Biurko", "4", "250.00", None, "1000.00", "23", "1"),
                ("Biurko", "3", "250.00", None, "750.00", "23", None),
            ],
        )
        self.assertEqual(self._totals(root, "P_13_1", "P_14_1", "P_15"), ("-250.00", "-57.50", "-307.50"))
