import math
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.addons.client_hub.models.input_checks import has_control_characters
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare


class AccountMoveCorrection(models.TransientModel):
    """Correct a posted customer invoice: fully, line by line, or by replacing it."""

    _name = "account.move.correction"
    _description = "Corrective Invoice"

    partner_id = fields.Many2one("res.partner", string="Client", required=True)
    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        # Required in the form; checked with a clear message on confirmation (not a NOT NULL error).
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted'),"
        " ('commercial_partner_id', '=', commercial_partner_id), ('company_id', '=', company_id),"
        " ('payment_state', '!=', 'reversed')]",
    )
    commercial_partner_id = fields.Many2one(related="partner_id.commercial_partner_id")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, required=True)
    reason = fields.Char(required=True, help="Printed on the corrective documents.")
    date = fields.Date(required=True, default=fields.Date.context_today)
    journal_id = fields.Many2one(
        "account.journal",
        compute="_compute_journal_id",
        store=True,
        readonly=False,
        domain="[('type', '=', 'sale'), ('company_id', '=', company_id)]",
    )
    mode = fields.Selection(
        [
            ("full", "Full credit note"),
            ("partial", "Correct some lines"),
            ("replace", "Credit note and a new invoice to edit"),
        ],
        required=True,
        default="full",
    )
    line_ids = fields.One2many(
        "account.move.correction.line",
        "correction_id",
        string="Lines",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )

    @api.depends("move_id")
    def _compute_journal_id(self):
        for wizard in self:
            # Shown from the start: before an invoice is chosen, the company's first sales journal.
            wizard.journal_id = (
                wizard.move_id.journal_id
                or wizard.journal_id
                or self.env["account.journal"].search(
                    [("type", "=", "sale"), ("company_id", "=", wizard.company_id.id)], limit=1
                )
            )

    @api.depends("move_id", "mode")
    def _compute_line_ids(self):
        for wizard in self:
            if wizard.line_ids and wizard.line_ids.move_line_id.move_id == wizard.move_id:
                # Already the invoice's lines: keep what the user typed in them.
                wizard.line_ids = wizard.line_ids
            elif wizard.mode == "partial" and wizard.move_id:
                wizard.line_ids = [Command.clear(), *wizard._line_commands()]
            else:
                # Shown in line mode only: built when it is chosen, not for every invoice picked.
                wizard.line_ids = [Command.clear()]

    def _invoice_lines(self):
        return self.move_id.invoice_line_ids.filtered(lambda line: line.display_type == "product")

    def _line_commands(self):
        """One line per invoice line, "after" starting from the current state: the invoice's values
        after earlier corrections (created in one go, every value given)."""
        return [
            Command.create({"move_line_id": line.id, **state})
            for line, state in self._invoice_lines()._correction_states().items()
        ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_reason(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_reason(vals)
        return super().write(vals)

    @api.model
    def _check_reason(self, vals):
        # Before the database sees it: PostgreSQL would refuse a NUL with an error nobody can read.
        if has_control_characters(vals.get("reason")):
            raise ValidationError(self.env._("The reason contains characters that are not allowed."))

    @api.model
    def _correctable_invoice_domain(self, partners):
        """The invoices of these clients the wizard can correct (as its invoice field offers them)."""
        return [
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("commercial_partner_id", "in", partners.ids),
            ("company_id", "=", self.env.company.id),
            ("payment_state", "!=", "reversed"),
        ]

    @api.model
    def _action_open(self, partner, move=None):
        """The wizard for a client (and one of its invoices), from the client or the invoice form."""
        # Extra-large: every column of the lines, Difference included, fits without scrolling.
        context = {"default_partner_id": partner.commercial_partner_id.id, "dialog_size": "extra-large"}
        if move:
            context["default_move_id"] = move.id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Correct an invoice"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": context,
        }

    @api.model
    def default_get(self, fields):
        defaults = super().default_get(fields)
        move = self.env["account.move"].browse(self.env.context.get("default_move_id"))
        if move and "partner_id" in fields and not defaults.get("partner_id"):
            defaults["partner_id"] = move.commercial_partner_id.id
        partner = self.env["res.partner"].browse(defaults.get("partner_id"))
        if partner and "move_id" in fields and not defaults.get("move_id"):
            # The client's only correctable invoice is the one to correct.
            invoices = self.env["account.move"].search(
                self._correctable_invoice_domain(partner.commercial_partner_id), limit=2
            )
            if len(invoices) == 1:
                defaults["move_id"] = invoices.id
        return defaults

    def action_confirm(self):
        self.ensure_one()
        self._check_correction()
        documents = getattr(self, f"_correct_{self.mode}")()
        documents.write({"correction_of_move_id": self.move_id.id, "correction_reason": self.reason})
        return self._open(documents)

    def _check_correction(self):
        if not self.env.user.has_group("account.group_account_invoice"):
            raise AccessError(self.env._("Only invoicing users may correct invoices."))
        move = self.move_id
        if not move:
            raise UserError(
                self.env._(
                    "%(client)s has no posted customer invoice to correct.",
                    client=self.partner_id.display_name,
                )
            )
        if move.commercial_partner_id != self.partner_id.commercial_partner_id:
            raise UserError(
                self.env._(
                    "Invoice %(invoice)s is not an invoice of %(client)s.",
                    invoice=move.name,
                    client=self.partner_id.commercial_partner_id.display_name,
                )
            )
        if move.move_type != "out_invoice" or move.state != "posted" or move.company_id != self.env.company:
            raise UserError(
                self.env._(
                    "Only posted customer invoices of the current company can be corrected, not %(invoice)s.",
                    invoice=move.display_name,
                )
            )
        if move.payment_state == "reversed":
            raise UserError(self.env._("Invoice %(invoice)s is already fully reversed.", invoice=move.name))

    def _reversal(self):
        return (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=self.move_id.ids)
            .create(
                {
                    "move_ids": [Command.set(self.move_id.ids)],
                    "reason": self.reason,
                    "date": self.date,
                    "journal_id": self.journal_id.id,
                }
            )
        )

    def _correct_full(self):
        if not self.move_id._has_corrections():
            reversal = self._reversal()
            reversal.refund_moves()
            return reversal.new_move_ids
        # Earlier corrections changed the invoice: credit what is left of it, not the original.
        if not self.line_ids:
            self.line_ids = self._line_commands()
        self.line_ids.write({"quantity": 0.0})
        documents = self._correct_partial()
        if not documents:
            raise UserError(
                self.env._("Invoice %(invoice)s has nothing left to credit.", invoice=self.move_id.name)
            )
        return documents

    def _correct_replace(self):
        states = list(self._invoice_lines()._correction_states().values())
        credit_note = self._correct_full()
        new_invoice = self.move_id.copy({"invoice_date": self.date, "journal_id": self.journal_id.id})
        new_lines = new_invoice.invoice_line_ids.filtered(lambda line: line.display_type == "product")
        # The new invoice starts from the current state, earlier corrections included.
        for new_line, state in zip(new_lines, states, strict=True):
            new_line.write(state)
        return credit_note | new_invoice

    def _correct_partial(self):
        changed = self.line_ids.filtered("is_changed")
        if not changed:
            raise UserError(self.env._("Change at least one line: this correction changes nothing."))
        down = changed.filtered(lambda line: line.difference_total < 0)
        up = changed - down
        # The invoice's lines as they are, with the lines going down corrected, then with all corrected.
        current = self._invoice_lines()._correction_states()
        lowered = {**current, **{line.move_line_id: line._after_values() for line in down}}
        corrected = {**lowered, **{line.move_line_id: line._after_values() for line in up}}
        lowered_taxes = self._invoice_taxes(lowered)  # both documents are measured from it
        documents = self.env["account.move"]
        if down:
            credit_note = self._create_document("out_refund", down, reversed_entry_id=self.move_id.id)
            credit_note._set_correction_taxes(
                self._tax_difference(self._invoice_taxes(current), lowered_taxes)
            )
            documents |= credit_note
        if up:
            # An Odoo debit note: the invoice's Debit Notes button and the localizations see it.
            debit_note = self._create_document("out_invoice", up, debit_origin_id=self.move_id.id)
            debit_note._set_correction_taxes(
                self._tax_difference(self._invoice_taxes(corrected), lowered_taxes)
            )
            documents |= debit_note
        return documents

    def _invoice_taxes(self, states):
        """{tax: [amount in the invoice's currency, in the company's]} of the invoice with its lines
        in these states ({invoice line: values}), rounded as Odoo rounds the invoice's tax lines
        (per line or globally): one batch through Odoo's tax engine."""
        AccountTax = self.env["account.tax"]
        base_lines = self.env["account.move.line"]._correction_base_lines(list(states.items()))
        AccountTax._round_base_lines_tax_details(base_lines, self.move_id.company_id)
        amounts = defaultdict(lambda: [0.0, 0.0])
        for base_line in base_lines:
            for tax_data in base_line["tax_details"]["taxes_data"]:
                amounts[tax_data["tax"]][0] += tax_data["tax_amount_currency"]
                amounts[tax_data["tax"]][1] += tax_data["tax_amount"]
        return amounts

    @api.model
    def _tax_difference(self, taxes, other_taxes):
        """What the invoice's tax lines `taxes` exceed `other_taxes` by (both from _invoice_taxes),
        per tax: what a corrective document between the two must carry, to the cent under either
        rounding method (its own lines rounded globally may give a cent more or less)."""
        return {
            tax: [amount - other for amount, other in zip(taxes[tax], other_taxes[tax], strict=True)]
            for tax in taxes.keys() | other_taxes.keys()
        }

    def _create_document(self, move_type, correction_lines, **values):
        """A credit note or debit note carrying, per corrected line, the line before the correction
        and the line after it with opposite signs: Odoo computes their taxes as on the invoice (price
        included or not, fixed amounts, rounding), so the document's totals are the difference."""
        move = self.move_id
        sign = 1 if move_type == "out_refund" else -1
        return self.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": move.partner_id.id,
                "partner_shipping_id": move.partner_shipping_id.id,
                "currency_id": move.currency_id.id,
                # The invoice's rate, not the day's: the correction restates the invoice's amounts.
                "invoice_currency_rate": move.invoice_currency_rate,
                "fiscal_position_id": move.fiscal_position_id.id,
                "journal_id": self.journal_id.id,
                "invoice_date": self.date,
                "invoice_origin": move.name,
                "ref": self.env._(
                    "Correction of %(invoice)s: %(reason)s", invoice=move.name, reason=self.reason
                ),
                "invoice_line_ids": [
                    Command.create(line_values)
                    for line in correction_lines
                    for line_values in line._document_line_values(sign)
                ],
                **values,
            }
        )

    def _open(self, documents):
        action = {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "name": self.env._("Corrective documents"),
            "context": {"create": False},
        }
        if len(documents) == 1:
            return {**action, "view_mode": "form", "views": [(False, "form")], "res_id": documents.id}
        return {
            **action,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", documents.ids)],
        }


class AccountMoveCorrectionLine(models.TransientModel):
    _name = "account.move.correction.line"
    _description = "Corrective Invoice Line"

    correction_id = fields.Many2one("account.move.correction", required=True, ondelete="cascade")
    # Readonly in the dialog: the view force-saves it, else the web client would not send it.
    move_line_id = fields.Many2one("account.move.line", string="Invoice Line", required=True, readonly=True)
    currency_id = fields.Many2one(related="move_line_id.currency_id")
    name = fields.Char(related="move_line_id.name")
    # Before: the invoice line as earlier corrections left it (computed, so nothing to send).
    original_quantity = fields.Float(
        string="Quantity Before", compute="_compute_before", digits="Product Unit"
    )
    original_price_unit = fields.Float(
        string="Unit Price Before", compute="_compute_before", digits="Product Price"
    )
    original_discount = fields.Float(
        string="Discount Before (%)", compute="_compute_before", digits="Discount"
    )
    original_subtotal = fields.Monetary(string="Subtotal Before", compute="_compute_before")
    original_total = fields.Monetary(string="Total Before", compute="_compute_before")
    quantity = fields.Float(string="Quantity After", digits="Product Unit")
    price_unit = fields.Float(string="Unit Price After", digits="Product Price")
    discount = fields.Float(string="Discount After (%)", digits="Discount")
    subtotal = fields.Monetary(string="Subtotal After", compute="_compute_amounts")
    total = fields.Monetary(string="Total After", compute="_compute_amounts")
    difference = fields.Monetary(compute="_compute_amounts", help="Difference without taxes.")
    difference_total = fields.Monetary(string="Difference with Taxes", compute="_compute_amounts")
    is_changed = fields.Boolean(compute="_compute_amounts")

    @api.depends("move_line_id")
    def _compute_before(self):
        # The stored figures of the invoice lines or of their latest corrections' lines after.
        sources = self.move_line_id._correction_sources()
        for line in self:
            source = sources.get(line.move_line_id, line.move_line_id)
            line.original_quantity = abs(source.quantity)
            line.original_price_unit = source.price_unit
            line.original_discount = source.discount
            line.original_subtotal = abs(source.price_subtotal)
            line.original_total = abs(source.price_total)

    @api.depends(
        "quantity", "price_unit", "discount", "original_quantity", "original_price_unit", "original_discount"
    )
    def _compute_amounts(self):
        # Unchanged lines (all of them when the dialog opens) need no tax computation; the changed
        # ones go through Odoo's tax engine together.
        changed = self.filtered(
            lambda line: (
                (line.quantity, line.price_unit, line.discount)
                != (line.original_quantity, line.original_price_unit, line.original_discount)
            )
        )
        totals = dict(
            zip(
                changed,
                self.env["account.move.line"]._correction_totals(
                    [(line.move_line_id, line._after_values()) for line in changed]
                ),
                strict=True,
            )
        )
        for line in self:
            line.subtotal, line.total = totals.get(line, (line.original_subtotal, line.original_total))
            line.difference = line.subtotal - line.original_subtotal
            line.difference_total = line.total - line.original_total
            currency = line.currency_id
            line.is_changed = bool(currency) and not (
                currency.is_zero(line.difference) and currency.is_zero(line.difference_total)
            )

    def _after_values(self):
        return {"quantity": self.quantity, "price_unit": self.price_unit, "discount": self.discount}

    @api.constrains("quantity", "discount", "price_unit")
    def _check_values(self):
        for line in self:
            if not all(math.isfinite(value) for value in (line.quantity, line.price_unit, line.discount)):
                raise ValidationError(
                    self.env._("The corrected figures of “%(line)s” must be numbers.", line=line.name)
                )
            if float_compare(line.quantity, 0.0, precision_digits=6) < 0:
                raise ValidationError(
                    self.env._("The corrected quantity of “%(line)s” cannot be below zero.", line=line.name)
                )
            if not 0 <= line.discount <= 100:
                raise ValidationError(
                    self.env._(
                        "The corrected discount of “%(line)s” must be between 0 and 100%%.", line=line.name
                    )
                )
            if line.price_unit < 0:
                raise ValidationError(
                    self.env._("The corrected unit price of “%(line)s” cannot be negative.", line=line.name)
                )

    def _document_line_values(self, sign):
        """The line before the correction (sign 1: credited) and the line after it (opposite sign)."""
        original = self.move_line_id
        common = {
            "product_id": original.product_id.id,
            "product_uom_id": original.product_uom_id.id,
            "account_id": original.account_id.id,
            "tax_ids": [Command.set(original.tax_ids.ids)],
            "analytic_distribution": original.analytic_distribution,
            "corrected_line_id": original.id,
        }
        before = {
            "quantity": self.original_quantity,
            "price_unit": self.original_price_unit,
            "discount": self.original_discount,
        }
        after = self._after_values()
        return [
            {
                **common,
                **values,
                "quantity": factor * values["quantity"],
                "name": self.env._("%(line)s (before correction)", line=original.name)
                if side == "before"
                else self.env._("%(line)s (after correction)", line=original.name),
                "correction_side": side,
            }
            for side, values, factor in (("before", before, sign), ("after", after, -sign))
        ]
