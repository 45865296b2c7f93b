from odoo import Command
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged


@tagged("post_install", "-at_install")
class TestInvoiceCorrection(AccountTestInvoicingCommon):
    """A two-line invoice, 23 % and 8 % VAT, a 10 % discount: 900 + 207 and 200 + 16 = 1,323.00."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tax_23, cls.tax_8 = cls.env["account.tax"].create(
            [{"name": f"VAT {rate} (test)", "amount": rate, "type_tax_use": "sale"} for rate in (23, 8)]
        )
        cls.client = cls.env["res.partner"].create(
            {
                "name": "Corrected Client",
                "is_company": True,
                "client_status_id": cls.env.ref("client_hub.client_status_active").id,
            }
        )
        cls.invoice = cls._make_invoice(cls.client)

    @classmethod
    def _make_invoice(cls, partner):
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": "2026-10-01",
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": cls.product_a.id,
                            "name": "Chairs",
                            "quantity": 10,
                            "price_unit": 100,
                            "discount": 10,
                            "tax_ids": [Command.set(cls.tax_23.ids)],
                        }
                    ),
                    Command.create(
                        {
                            "product_id": cls.product_b.id,
                            "name": "Cushions",
                            "quantity": 5,
                            "price_unit": 40,
                            "tax_ids": [Command.set(cls.tax_8.ids)],
                        }
                    ),
                ],
            }
        )
        invoice.action_post()
        return invoice

    def _wizard(self, mode, **values):
        return self.env["account.move.correction"].create(
            {
                "partner_id": self.client.id,
                "move_id": self.invoice.id,
                "reason": "Test correction",
                "mode": mode,
                **values,
            }
        )

    def _lines(self, wizard):
        chairs = wizard.line_ids.filtered(lambda line: line.name == "Chairs")
        cushions = wizard.line_ids.filtered(lambda line: line.name == "Cushions")
        return chairs, cushions

    def test_invoice_amounts(self):
        self.assertEqual(
            (self.invoice.amount_untaxed, self.invoice.amount_tax, self.invoice.amount_total),
            (1100.0, 223.0, 1323.0),
        )

    def test_full_correction(self):
        action = self._wizard("full").action_confirm()
        credit_note = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.reversed_entry_id, self.invoice)
        self.assertEqual(credit_note.correction_of_move_id, self.invoice)
        self.assertEqual(credit_note.correction_reason, "Test correction")
        self.assertEqual(
            (credit_note.amount_untaxed, credit_note.amount_tax, credit_note.amount_total),
            (1100.0, 223.0, 1323.0),
        )
        credit_note.action_post()
        self.assertEqual(self.invoice.amount_residual, 0.0)
        self.assertEqual(self.client.credit_note_count, 1)

    def test_partial_correction(self):
        wizard = self._wizard("partial")
        chairs, cushions = self._lines(wizard)
        self.assertEqual((chairs.quantity, chairs.price_unit, chairs.discount), (10, 100, 10), "defaults")
        chairs.quantity = 8  # 2 chairs returned: 900 -> 720
        cushions.price_unit = 45  # cushions cost more: 200 -> 225
        self.assertEqual((chairs.difference, cushions.difference), (-180.0, 25.0))
        action = wizard.action_confirm()
        documents = self.env["account.move"].search(action["domain"])
        credit_note = documents.filtered(lambda move: move.move_type == "out_refund")
        supplement = documents.filtered(lambda move: move.move_type == "out_invoice")
        self.assertEqual(
            (credit_note.amount_untaxed, credit_note.amount_tax, credit_note.amount_total),
            (180.0, 41.40, 221.40),
        )
        self.assertEqual(credit_note.invoice_line_ids.tax_ids, self.tax_23)
        self.assertEqual(credit_note.reversed_entry_id, self.invoice)
        self.assertEqual(
            (supplement.state, supplement.amount_untaxed, supplement.amount_tax, supplement.amount_total),
            ("draft", 25.0, 2.0, 27.0),
        )
        self.assertEqual(supplement.invoice_line_ids.tax_ids, self.tax_8)
        self.assertEqual(supplement.correction_of_move_id, self.invoice)
        credit_note.action_post()
        self.assertAlmostEqual(self.invoice.amount_residual, 1101.60)

    def test_replace_correction(self):
        action = self._wizard("replace").action_confirm()
        documents = self.env["account.move"].search(action["domain"])
        credit_note = documents.filtered(lambda move: move.move_type == "out_refund")
        new_invoice = documents.filtered(lambda move: move.move_type == "out_invoice")
        self.assertEqual(credit_note.amount_total, 1323.0)
        self.assertEqual(credit_note.reversed_entry_id, self.invoice)
        self.assertEqual(new_invoice.state, "draft")
        self.assertEqual(new_invoice.amount_total, 1323.0)
        self.assertEqual(new_invoice.invoice_line_ids.mapped("name"), ["Chairs", "Cushions"])

    def test_report_of_a_partial_correction(self):
        wizard = self._wizard("partial")
        chairs, _cushions = self._lines(wizard)
        chairs.quantity = 8
        credit_note = self.env["account.move"].browse(wizard.action_confirm()["res_id"])
        credit_note.action_post()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("account.report_invoice", credit_note.ids)[0]
            .decode()
        )
        self.assertIn(self.invoice.name, html)
        self.assertIn("Test correction", html)
        self.assertIn("o_client_hub_correction_table", html)
        self.assertRegex(html, r'o_before"><span>[^<]*<span class="oe_currency_value">900\.00<')
        self.assertRegex(html, r'o_after"><span>[^<]*<span class="oe_currency_value">720\.00<')
        self.assertRegex(html, r'(?s)o_difference">.*?oe_currency_value">-\W?180\.00<')

    def test_errors(self):
        with self.assertRaisesRegex(UserError, "changes nothing"):
            self._wizard("partial").action_confirm()
        other = self.env["res.partner"].create({"name": "Other Client", "is_company": True})
        other_invoice = self._make_invoice(other)
        with self.assertRaisesRegex(UserError, "not an invoice of"):
            self._wizard("full", move_id=other_invoice.id).action_confirm()
        wizard = self._wizard("partial")
        with self.assertRaisesRegex(ValidationError, "below zero"):
            self._lines(wizard)[0].quantity = -1
        no_invoice = self.env["account.move.correction"].new(
            {"partner_id": other.id, "reason": "x", "mode": "full"}
        )
        with self.assertRaisesRegex(UserError, "no posted customer invoice"):
            no_invoice._check_correction()

    def test_user_without_invoicing_rights(self):
        user = new_test_user(self.env, login="ch_no_invoicing", groups="client_hub.group_client_hub_user")
        with self.assertRaises(AccessError):
            self.env["account.move.correction"].with_user(user).create(
                {"partner_id": self.client.id, "move_id": self.invoice.id, "reason": "x", "mode": "full"}
            )

    def test_only_current_company_invoices(self):
        wizard = self._wizard("full")
        domain = wizard._fields["move_id"].domain
        self.assertIn("company_id", domain)
        other_company = self.setup_other_company()["company"]
        self.env.user.company_ids |= other_company
        with self.assertRaisesRegex(UserError, "current company"):
            # Both companies readable, the other one current.
            companies = [other_company.id, self.env.company.id]
            self._wizard("full").with_context(allowed_company_ids=companies).action_confirm()

    def test_fully_reversed_invoice_cannot_be_corrected_again(self):
        credit_note = self.env["account.move"].browse(self._wizard("full").action_confirm()["res_id"])
        credit_note.action_post()
        with self.assertRaisesRegex(UserError, "already fully reversed"):
            self._wizard("full").action_confirm()

    def test_correction_in_the_invoice_currency(self):
        currency = self.setup_other_currency("CHF")
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.client.id,
                "currency_id": currency.id,
                "invoice_date": "2026-10-01",
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.product_a.id,
                            "name": "Desk",
                            "quantity": 2,
                            "price_unit": 500,
                            "tax_ids": [Command.set(self.tax_23.ids)],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        wizard = self._wizard("partial", move_id=invoice.id)
        wizard.line_ids.price_unit = 450
        credit_note = self.env["account.move"].browse(wizard.action_confirm()["res_id"])
        self.assertEqual(credit_note.currency_id, currency)
        self.assertEqual(credit_note.amount_total, 123.0)  # 2 x 50 + 23 %
