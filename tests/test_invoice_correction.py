from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .correction_common import CorrectionSetup


@tagged("post_install", "-at_install")
class TestInvoiceCorrection(CorrectionSetup, AccountTestInvoicingCommon):
    """The modes of the dialog, saved through the Form helper as the web client saves them:
    the invoice is Chairs 10 x 100 - 10 % + 23 % and Cushions 5 x 40 + 8 % = 1,323.00."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_correction()

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
        self.assertEqual(self._amounts(self.invoice), (1100.0, 223.0, 1323.0))

    def test_the_form_sends_the_lines(self):
        """The lines' invoice line is readonly and hidden: the view must force-save it."""
        wizard = self._form(mode="partial", edits={"Chairs": {"quantity": 8}})
        chairs, cushions = self._lines(wizard)
        self.assertEqual(chairs.move_line_id.name, "Chairs")
        self.assertEqual((chairs.quantity, chairs.price_unit, chairs.discount), (8, 100, 10))
        self.assertEqual((cushions.quantity, cushions.price_unit, cushions.discount), (5, 40, 0))

    def test_lines_are_built_in_line_mode(self):
        """Opened from the invoice in full mode, the dialog builds no lines (it shows none); line mode
        builds them, and what was typed in them survives a trip to another mode."""
        form = Form(
            self.env["account.move.correction"].with_context(
                **self.invoice.action_open_correction_wizard()["context"]
            )
        )
        self.assertEqual((form.mode, form.move_id, len(form.line_ids)), ("full", self.invoice, 0))
        form.mode = "partial"
        self.assertEqual(len(form.line_ids), 2)
        with form.line_ids.edit(0) as line:
            self.assertEqual(line.name, "Chairs")
            line.quantity = 8
        form.mode = "full"
        form.mode = "partial"
        with form.line_ids.edit(0) as line:
            self.assertEqual(line.quantity, 8)
        form.move_id = self._make_invoice(
            self.client, [{"name": "Lamp", "quantity": 1, "price_unit": 50, "tax_ids": self.tax_23}]
        )
        # Another invoice: its own lines.
        self.assertEqual(len(form.line_ids), 1)
        with form.line_ids.edit(0) as line:
            self.assertEqual(line.name, "Lamp")

    def test_full_correction(self):
        credit_note = self._correct(mode="full")
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.reversed_entry_id, self.invoice)
        self.assertEqual(credit_note.correction_of_move_id, self.invoice)
        self.assertEqual(credit_note.correction_reason, "Test correction")
        self.assertEqual(self._amounts(credit_note), (1100.0, 223.0, 1323.0))
        credit_note.action_post()
        self.assertEqual(self.invoice.amount_residual, 0.0)
        self.assertEqual(self.client.correction_count, 1)

    def test_partial_correction(self):
        wizard = self._form(
            mode="partial",
            # 2 chairs returned: 900 -> 720; cushions cost more: 200 -> 225.
            edits={"Chairs": {"quantity": 8}, "Cushions": {"price_unit": 45}},
        )
        chairs, cushions = self._lines(wizard)
        self.assertEqual((chairs.original_quantity, chairs.original_price_unit), (10, 100))
        self.assertEqual((chairs.difference, cushions.difference), (-180.0, 25.0))
        # 720 + 165.60 - (900 + 207); 225 + 18 - (200 + 16)
        self.assertEqual((chairs.difference_total, cushions.difference_total), (-221.4, 27.0))
        action = wizard.action_confirm()
        documents = self.env["account.move"].search(action["domain"])
        credit_note = documents.filtered(lambda move: move.move_type == "out_refund")
        debit_note = documents.filtered(lambda move: move.move_type == "out_invoice")
        # 180 + 23 % = 221.40
        self.assertEqual(self._amounts(credit_note), (180.0, 41.40, 221.40))
        self.assertEqual(credit_note.invoice_line_ids.tax_ids, self.tax_23)
        self.assertEqual(credit_note.reversed_entry_id, self.invoice)
        # 25 + 8 % = 27.00, an Odoo debit note of the invoice
        self.assertEqual((debit_note.state, *self._amounts(debit_note)), ("draft", 25.0, 2.0, 27.0))
        self.assertEqual(debit_note.invoice_line_ids.tax_ids, self.tax_8)
        self.assertEqual(debit_note.debit_origin_id, self.invoice)
        self.assertEqual(debit_note.correction_of_move_id, self.invoice)
        self.assertEqual(self.invoice.debit_note_ids, debit_note)
        credit_note.action_post()
        self.assertAlmostEqual(self.invoice.amount_residual, 1101.60)  # 1,323.00 - 221.40

    def test_replace_correction(self):
        documents = self._correct(mode="replace")
        credit_note = documents.filtered(lambda move: move.move_type == "out_refund")
        new_invoice = documents.filtered(lambda move: move.move_type == "out_invoice")
        self.assertEqual(credit_note.amount_total, 1323.0)
        self.assertEqual(credit_note.reversed_entry_id, self.invoice)
        self.assertEqual(new_invoice.state, "draft")
        self.assertEqual(new_invoice.amount_total, 1323.0)
        self.assertEqual(new_invoice.invoice_line_ids.mapped("name"), ["Chairs", "Cushions"])

    def test_second_correction_starts_from_the_corrected_state(self):
        self._correct(edits={"Chairs": {"quantity": 8}}).action_post()
        wizard = self._form(mode="partial")
        chairs, cushions = self._lines(wizard)
        # Before is now 8 chairs at 720.00 (885.60 with VAT), not the invoice's 10.
        self.assertEqual((chairs.original_quantity, chairs.original_subtotal), (8, 720.0))
        self.assertEqual((chairs.quantity, chairs.original_total), (8, 885.6))
        self.assertEqual(cushions.original_quantity, 5)
        # 3 more returned: 8 -> 5, 720 -> 450, credit 270 + 23 % = 332.10
        second = self._correct(edits={"Chairs": {"quantity": 5}})
        self.assertEqual(self._amounts(second), (270.0, 62.1, 332.1))
        # A full correction now credits what is left: 450 + 103.50 + 200 + 16 = 769.50
        rest = self._correct(mode="full")
        self.assertEqual(self._amounts(rest), (650.0, 119.5, 769.5))
        self.assertEqual(rest.reversed_entry_id, self.invoice)

    def test_a_result_below_zero_is_refused(self):
        self._correct(edits={"Chairs": {"quantity": 2}}).action_post()
        with self.assertRaisesRegex(ValidationError, "below zero"):
            self._form(mode="partial", edits={"Chairs": {"quantity": -1}})
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._form(mode="partial", edits={"Cushions": {"price_unit": -40}})

    def test_cancelled_corrections_do_not_count(self):
        self._correct(edits={"Chairs": {"quantity": 8}}).button_cancel()
        chairs, _cushions = self._lines(self._form(mode="partial"))
        self.assertEqual(chairs.original_quantity, 10)

    def test_report_of_a_partial_correction(self):
        credit_note = self._correct(edits={"Chairs": {"quantity": 8}})
        credit_note.action_post()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("account.report_invoice", credit_note.ids)[0]
            .decode()
        )
        self.assertIn("Corrective invoice", html)
        self.assertIn(self.invoice.name, html)
        self.assertIn("Test correction", html)
        self.assertIn("o_client_hub_correction_table", html)
        self.assertRegex(html, r'(?s)o_before">.*?oe_currency_value">900\.00<')
        self.assertRegex(html, r'(?s)o_after">.*?oe_currency_value">720\.00<')
        self.assertRegex(html, r'(?s)o_difference">.*?oe_currency_value">-\W?180\.00<')

    def test_errors(self):
        with self.assertRaisesRegex(UserError, "changes nothing"):
            self._wizard("partial").action_confirm()
        other = self._create_company_partner("Other Client")
        other_invoice = self._make_invoice(
            other, [{"name": "Desk", "quantity": 1, "price_unit": 10, "tax_ids": self.tax_23}]
        )
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
        user = self._create_user("ch_no_invoicing", "client_hub.group_client_hub_user")
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
        self._correct(mode="full").action_post()
        with self.assertRaisesRegex(UserError, "already fully reversed"):
            self._wizard("full").action_confirm()

    def test_the_button_shows_only_with_an_invoice_to_correct(self):
        self.assertTrue(self.client.has_correctable_invoice)
        other = self._create_client("Other Client")
        self.assertFalse(other.has_correctable_invoice, "no invoice")
        draft = self._make_invoice(
            other, [{"name": "Desk", "quantity": 1, "price_unit": 10, "tax_ids": self.tax_23}], post=False
        )
        other.invalidate_recordset(["has_correctable_invoice"])
        self.assertFalse(other.has_correctable_invoice, "a draft invoice only")
        draft.action_post()
        other.invalidate_recordset(["has_correctable_invoice"])
        self.assertTrue(other.has_correctable_invoice)
        self._correct(draft, mode="full").action_post()
        other.invalidate_recordset(["has_correctable_invoice"])
        self.assertFalse(other.has_correctable_invoice, "fully reversed")

    def test_the_dialog_is_extra_large(self):
        self.assertEqual(self.client.action_open_correction_wizard()["context"]["dialog_size"], "extra-large")
