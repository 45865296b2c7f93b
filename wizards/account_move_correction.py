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
    currency_id = fields.Many2one(related="move_id.currency_id")
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
            wizard.journal_id = wizard.move_id.journal_id

    @api.depends("move_id")
    def _compute_line_ids(self):
        for wizard in self:
            wizard.line_ids = [Command.clear()] + [
                Command.create(
                    {
                        "move_line_id": line.id,
                        "quantity": line.quantity,
                        "price_unit": line.price_unit,
                        "discount": line.discount,
                    }
                )
                for line in wizard.move_id.invoice_line_ids.filtered(
                    lambda line: line.display_type == "product"
                )
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
    def _action_open(self, partner, move=None):
        """The wizard for a client (and one of its invoices), from the client or the invoice form."""
        context = {"default_partner_id": partner.commercial_partner_id.id}
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
        reversal = self._reversal()
        reversal.refund_moves()
        return reversal.new_move_ids

    def _correct_replace(self):
        credit_note = self._correct_full()
        new_invoice = self.move_id.copy({"invoice_date": self.date, "journal_id": self.journal_id.id})
        return credit_note | new_invoice

    def _correct_partial(self):
        changed = self.line_ids.filtered("is_changed")
        if not changed:
            raise UserError(self.env._("Change at least one line: this correction changes nothing."))
        down = changed.filtered(lambda line: line.difference < 0)
        up = changed - down
        documents = self.env["account.move"]
        if down:
            documents |= self._create_document("out_refund", down, reversed_entry_id=self.move_id.id)
        if up:
            documents |= self._create_document("out_invoice", up)
        return documents

    def _create_document(self, move_type, correction_lines, **values):
        """A credit note or supplementary invoice carrying the differences of the given lines."""
        move = self.move_id
        return self.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": move.partner_id.id,
                "partner_shipping_id": move.partner_shipping_id.id,
                "currency_id": move.currency_id.id,
                "fiscal_position_id": move.fiscal_position_id.id,
                "journal_id": self.journal_id.id,
                "invoice_date": self.date,
                "invoice_origin": move.name,
                "ref": self.env._(
                    "Correction of %(invoice)s: %(reason)s", invoice=move.name, reason=self.reason
                ),
                "invoice_line_ids": [
                    Command.create(line._document_line_values()) for line in correction_lines
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
            return {**action, "view_mode": "form", "res_id": documents.id}
        return {**action, "view_mode": "list,form", "domain": [("id", "in", documents.ids)]}


class AccountMoveCorrectionLine(models.TransientModel):
    _name = "account.move.correction.line"
    _description = "Corrective Invoice Line"

    correction_id = fields.Many2one("account.move.correction", required=True, ondelete="cascade")
    move_line_id = fields.Many2one("account.move.line", string="Invoice Line", required=True, readonly=True)
    currency_id = fields.Many2one(related="move_line_id.currency_id")
    name = fields.Char(related="move_line_id.name")
    original_quantity = fields.Float(related="move_line_id.quantity", string="Quantity Before")
    original_price_unit = fields.Float(related="move_line_id.price_unit", string="Unit Price Before")
    original_discount = fields.Float(related="move_line_id.discount", string="Discount Before (%)")
    original_subtotal = fields.Monetary(related="move_line_id.price_subtotal", string="Subtotal Before")
    quantity = fields.Float(string="Quantity After", digits="Product Unit")
    price_unit = fields.Float(string="Unit Price After", digits="Product Price")
    discount = fields.Float(string="Discount After (%)", digits="Discount")
    subtotal = fields.Monetary(string="Subtotal After", compute="_compute_amounts")
    difference = fields.Monetary(compute="_compute_amounts")
    is_changed = fields.Boolean(compute="_compute_amounts")

    @api.depends("quantity", "price_unit", "discount")
    def _compute_amounts(self):
        for line in self:
            line.subtotal = line._subtotal(line.quantity, line.price_unit, line.discount)
            line.difference = line.subtotal - line.original_subtotal
            line.is_changed = bool(line.currency_id) and not line.currency_id.is_zero(line.difference)

    @api.constrains("quantity", "discount", "price_unit")
    def _check_values(self):
        for line in self:
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

    def _subtotal(self, quantity, price_unit, discount):
        return self.currency_id.round(quantity * price_unit * (1 - discount / 100.0))

    def _document_line_values(self):
        """One line for the difference, with the original line's product, account and taxes."""
        original = self.move_line_id
        return {
            "product_id": original.product_id.id,
            "name": self.env._("Correction: %(line)s", line=original.name),
            "account_id": original.account_id.id,
            "quantity": 1.0,
            "price_unit": abs(self.difference),
            "tax_ids": [Command.set(original.tax_ids.ids)],
            "analytic_distribution": original.analytic_distribution,
            "corrected_line_id": original.id,
            "correction_quantity": self.quantity,
            "correction_price_unit": self.price_unit,
            "correction_discount": self.discount,
        }
