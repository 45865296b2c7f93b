from collections import defaultdict

from odoo import Command
from odoo.tests import Form

from .common import ClientHubFixtures


class CorrectionSetup(ClientHubFixtures):
    """A client and its two-line invoice, 23 % and 8 % VAT, a 10 % discount:
    Chairs 10 x 100 - 10 % = 900 + 207 and Cushions 5 x 40 = 200 + 16, in all 1,100 + 223 = 1,323.00."""

    @classmethod
    def _setup_correction(cls):
        cls.tax_23, cls.tax_8 = cls.env["account.tax"].create(
            [
                {
                    "name": f"VAT {rate} (test)",
                    "amount": rate,
                    "type_tax_use": "sale",
                    # The report prints the difference per group: one group per rate.
                    "tax_group_id": cls.env["account.tax.group"].create({"name": f"VAT {rate}%"}).id,
                }
                for rate in (23, 8)
            ]
        )
        cls.client = cls._create_client("Corrected Client")
        cls.invoice = cls._make_invoice(
            cls.client,
            [
                {"name": "Chairs", "quantity": 10, "price_unit": 100, "discount": 10, "tax_ids": cls.tax_23},
                {"name": "Cushions", "quantity": 5, "price_unit": 40, "tax_ids": cls.tax_8},
            ],
        )

    @classmethod
    def _make_accountant(cls, login, **values):
        """An invoicing user of the company, who works with clients (the tours log in as one)."""
        return cls._create_user(
            login,
            "account.group_account_invoice,client_hub.group_client_hub_user",
            company_id=cls.env.company.id,
            company_ids=cls.env.company.ids,
            **values,
        )

    @classmethod
    def _setup_polish(cls):
        """Polish active, with the module's Polish terms."""
        cls.env["res.lang"]._activate_lang("pl_PL")
        cls.env["ir.module.module"]._load_module_terms(["client_hub"], ["pl_PL"], overwrite=True)

    def _form(self, invoice=None, reason="Test correction", mode="full", edits=None, **values):
        """The dialog through the Form helper (what the web client sends), saved; edits maps a
        line's name to the values typed in it."""
        form = Form(
            self.env["account.move.correction"].with_context(
                default_partner_id=(invoice or self.invoice).commercial_partner_id.id
            )
        )
        form.move_id = invoice or self.invoice
        form.reason = reason
        form.mode = mode
        for field, value in values.items():
            setattr(form, field, value)
        for index in range(len(form.line_ids) if edits else 0):
            with form.line_ids.edit(index) as line:
                for field, value in (edits or {}).get(line.name, {}).items():
                    setattr(line, field, value)
        return form.save()

    def _correct(self, invoice=None, mode="partial", edits=None, reason="Test correction", **values):
        """The documents a correction saved through the Form helper creates."""
        action = self._form(invoice, reason, mode, edits, **values).action_confirm()
        if action.get("res_id"):
            return self.env["account.move"].browse(action["res_id"])
        return self.env["account.move"].search(action["domain"])

    def _amounts(self, move):
        return (move.amount_untaxed, move.amount_tax, move.amount_total)

    def _figures(self, moves):
        """Per tax, untaxed, total and still owed of these documents together, a credit note
        counting negative, each (in the invoice's currency, in the company's)."""
        amounts = defaultdict(lambda: [0.0, 0.0])
        for line in moves.line_ids.filtered("tax_line_id"):
            amounts[f"tax {line.tax_line_id.name}"][0] -= line.amount_currency
            amounts[f"tax {line.tax_line_id.name}"][1] -= line.balance
        for move in moves:
            sign = -1 if move.move_type == "out_refund" else 1
            for key, field in (
                ("untaxed", "amount_untaxed"),
                ("total", "amount_total"),
                ("owed", "amount_residual"),
            ):
                amounts[key][0] += sign * move[field]
                amounts[key][1] += move[f"{field}_signed"]
        # To 6 decimals: amounts in 0, 2 or 3 decimals (JPY, CHF, KWD) differ by a unit of theirs.
        return {
            key: (round(value[0], 6), round(value[1], 6))
            for key, value in amounts.items()
            if round(value[0], 6) or round(value[1], 6)
        }

    def _assert_rule(self, invoice, edits, documents=None, exchange_difference=0.0):
        """Post the corrections (all of the invoice's by default) and compare with a fresh invoice.
        exchange_difference: what Odoo's reconciliation of a partial credit in a currency whose
        amounts convert to fractions of a cent posts as an exchange difference (it converts the
        credited part at the invoice's own rate), owed in the company's currency beside it."""
        documents = documents or self.env["account.move"].search([("correction_of_move_id", "=", invoice.id)])
        documents.filtered(lambda move: move.state == "draft").action_post()
        fresh = invoice.copy({"invoice_date": invoice.invoice_date})
        for line in fresh.invoice_line_ids:
            line.write(edits.get(line.name, {}))
        fresh.action_post()
        self.assertEqual(fresh.invoice_currency_rate, invoice.invoice_currency_rate)
        booked, expected = self._figures(invoice | documents), self._figures(fresh)
        if exchange_difference:
            owed_currency, owed = expected.pop("owed")
            self.assertEqual(booked.pop("owed"), (owed_currency, round(owed + exchange_difference, 6)))
            exchange = invoice.line_ids.matched_credit_ids.exchange_move_id
            self.assertEqual(exchange.line_ids.mapped("amount_currency"), [0.0, 0.0])
            self.assertEqual(
                sorted(exchange.line_ids.mapped("balance")),
                sorted([exchange_difference, -exchange_difference]),
            )
        self.assertEqual(booked, expected)

    def _reverse(self, document, post=False):
        """Odoo's own Reverse (Add Credit Note) of a document."""
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=document.ids)
            .create(
                {
                    "move_ids": [Command.set(document.ids)],
                    "reason": "Undo",
                    "journal_id": document.journal_id.id,
                }
            )
        )
        reversal.refund_moves()
        if post:
            reversal.new_move_ids.action_post()
        return reversal.new_move_ids
