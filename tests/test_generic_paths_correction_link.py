"""The link from a corrective document to the invoice it corrects (account.move's correction_of_move_id,
with its reason) is made by the correction wizard. The field is only read-only in the views: a plain
`write` over JSON-RPC is a generic path an invoicing user has to every customer document it may
write, posted ones included. What the link does must not be reachable that way: the printed page of
the client's invoice says which invoice it corrects, and posting a credit note settles the invoice it
is linked to."""

from odoo.tests import tagged

from .common import SecurityCase


@tagged("post_install", "-at_install", "security")
class TestCorrectionLinkGenericWrite(SecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # An invoicing user of the main company only (no Client Hub group).
        company = cls.env.company
        cls.users["invoicing"] = cls._create_security_user("invoicing", "account.group_account_invoice")
        cls.users["invoicing"].write({"company_id": company.id, "company_ids": company.ids})
        line = {"name": "Consulting", "quantity": 1, "price_unit": 100.0}
        cls.invoice = cls._make_invoice(cls.client, [line])
        cls.other_invoice = cls._make_invoice(cls.other_client, [{**line, "price_unit": 500.0}])

    def _another_companys_invoice(self):
        invoice = (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("company_id", "!=", self.env.company.id),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                ],
                limit=1,
            )
        )
        self.assertTrue(invoice, "the demo data has a posted invoice of another company")
        return invoice

    def test_a_posted_invoice_does_not_become_a_correction_of_another_companys_invoice(self):
        """An invoicing user of one company writes, over JSON-RPC, correction_of_move_id (an invoice
        of a company it has no access to) and a correction reason on a posted invoice of a client.
        The posted invoice must keep no such link: else the client's portal page of that invoice
        prints "Corrects invoice <the other company's number> of <its date>, Reason: …", a posted
        legal document changed after posting and another company's invoice named to the client."""
        foreign = self._another_companys_invoice()
        self.call_kw(
            "invoicing",
            "account.move",
            "write",
            [self.invoice.ids, {"correction_of_move_id": foreign.id, "correction_reason": "forged"}],
        )
        self.env.invalidate_all()
        self.assertFalse(
            self.invoice.correction_of_move_id,
            "an invoicing user linked a posted invoice to another company's invoice with a plain write",
        )
        self.assertFalse(self.invoice.correction_reason)
        self.login("portal")
        page = self.url_open(f"/my/invoices/{self.invoice.id}?report_type=html")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("forged", page.text)

    def test_a_credit_note_of_one_client_does_not_settle_another_clients_invoice(self):
        """An invoicing user makes a draft credit note of 30.00 to the first client, writes its
        correction_of_move_id to the second client's open invoice (500.00) over JSON-RPC and posts
        it. The second client's invoice must still be owed in full: posting a correction settles the
        invoice it corrects, and no correction wizard ever made this one."""
        self.assertEqual(self.other_invoice.amount_residual, self.other_invoice.amount_total)
        owed = self.other_invoice.amount_residual
        refund, error = self.call_kw(
            "invoicing",
            "account.move",
            "create",
            [
                {
                    "move_type": "out_refund",
                    "partner_id": self.client.id,
                    "invoice_date": "2026-10-01",
                    "invoice_line_ids": [
                        (
                            0,
                            0,
                            {"name": "Goodwill", "quantity": 1, "price_unit": 30.0, "tax_ids": [(6, 0, [])]},
                        )
                    ],
                }
            ],
        )
        self.assertFalse(error, error)
        self.call_kw(
            "invoicing", "account.move", "write", [[refund], {"correction_of_move_id": self.other_invoice.id}]
        )
        self.call_kw("invoicing", "account.move", "action_post", [[refund]])
        self.env.invalidate_all()
        self.assertEqual(
            self.other_invoice.amount_residual,
            owed,
            "a credit note to one client settled part of another client's invoice",
        )

    def test_a_posted_invoice_line_does_not_become_a_correction_of_another_companys_line(self):
        """The same on the lines: an invoicing user writes corrected_line_id (a line of another
        company's invoice) and correction_side on a line of a posted invoice over JSON-RPC. The line
        must keep no such link: the corrections of an invoice count the lines that point to it, and
        the link's name shows the other company's product and label to whoever reads the line."""
        foreign_line = self._another_companys_invoice().invoice_line_ids[:1]
        line = self.invoice.invoice_line_ids[:1]
        self.call_kw(
            "invoicing",
            "account.move.line",
            "write",
            [line.ids, {"corrected_line_id": foreign_line.id, "correction_side": "after"}],
        )
        self.env.invalidate_all()
        self.assertFalse(
            line.corrected_line_id,
            "an invoicing user linked a posted invoice's line to another company's invoice line",
        )
        self.assertFalse(line.correction_side)
