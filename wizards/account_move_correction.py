from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.addons.client_hub.models.input_checks import has_control_characters
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date, formatLang

from ..models.readable_names import readable_names


def _negate_figures(figures):
    """The figures (as account.move._correction_figures) with the opposite sign."""
    return {
        "taxes": {tax: [-amount for amount in amounts] for tax, amounts in figures["taxes"].items()},
        **{key: [-amount for amount in figures[key]] for key in ("untaxed", "rounding", "total")},
    }


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
        # A reversed invoice is offered again once what reversed it is itself reversed.
        " '|', ('payment_state', '!=', 'reversed'),"
        " ('reversal_move_ids.reversal_move_ids.state', '=', 'posted'),"
        # A credit or debit note made by a correction is corrected through its invoice.
        " '|', ('correction_of_move_id', '=', False), ('debit_origin_id', '=', False)]",
    )
    # Why the dialog shows another invoice than the document it was opened from.
    notice = fields.Char(readonly=True)
    # Which date and rate the new invoice of a replacing correction carries, and why.
    replace_notice = fields.Char(compute="_compute_replace_notice")
    commercial_partner_id = fields.Many2one(related="partner_id.commercial_partner_id")
    # The invoice's company: its lock dates and journals are the ones that matter.
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    reason = fields.Char(required=True, help="Printed on the corrective documents.")
    date = fields.Date(required=True, default=fields.Date.context_today)
    journal_id = fields.Many2one(
        "account.journal",
        compute="_compute_journal_id",
        store=True,
        readonly=False,
        domain="[('type', '=', 'sale'), ('company_id', '=', company_id)]",
    )
    # Decides the period the documents' tax is booked in (their accounting date), and so what
    # their FA(3) declares (TypKorekty): docs/corrections.md, "The tax period".
    cause = fields.Selection(
        [
            ("after_sale", "Arose after the sale (return, discount, price agreed later)"),
            ("at_sale", "Existed at the sale (an error on the invoice)"),
        ],
        required=True,
        default="after_sale",
        help="A cause that arose after the sale is booked on the correction's date (Polish VAT act,"
        " art. 29a ust. 13 for a decrease, ust. 17 for an increase); an error, or a cause that"
        " existed at the sale, in the period of the invoice.",
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
    def _compute_company_id(self):
        for wizard in self:
            wizard.company_id = wizard.move_id.company_id or wizard.company_id or self.env.company

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

    @api.depends("move_id", "mode", "date")
    def _compute_replace_notice(self):
        for wizard in self:
            move = wizard.move_id
            if wizard.mode != "replace" or not move or not wizard.date:
                wizard.replace_notice = False
                continue
            values = {
                "issued": format_date(self.env, wizard.date),
                "supply": format_date(self.env, wizard._supply_date()),
            }
            if move.currency_id == move.company_currency_id:
                wizard.replace_notice = self.env._(
                    "The new invoice is issued on %(issued)s with the supply's date %(supply)s"
                    " (the delivery date of the invoice it replaces): it invoices the same supply.",
                    **values,
                )
            else:
                wizard.replace_notice = self.env._(
                    "The new invoice is issued on %(issued)s with the supply's date %(supply)s"
                    " (the delivery date of the invoice it replaces) and converted at the invoice's"
                    " rate, %(rate)s %(company_currency)s per %(currency)s, the rate of the supply's"
                    " tax point: it invoices the same supply.",
                    rate=formatLang(self.env, 1 / move.invoice_currency_rate, digits=6),
                    company_currency=move.company_currency_id.name,
                    currency=move.currency_id.name,
                    **values,
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
            "|",
            ("payment_state", "!=", "reversed"),
            ("reversal_move_ids.reversal_move_ids.state", "=", "posted"),
            "|",
            ("correction_of_move_id", "=", False),
            ("debit_origin_id", "=", False),
        ]

    @api.model
    def _action_open(self, partner, move=None):
        """The wizard for a client (and one of its invoices), from the client or the invoice form."""
        # Extra-large: every column of the lines, Difference included, fits without scrolling.
        context = {"default_partner_id": partner.commercial_partner_id.id, "dialog_size": "extra-large"}
        if move:
            invoice = move._correction_origin()
            context["default_move_id"] = invoice.id
            if invoice != move:
                context["default_notice"] = self.env._(
                    "%(document)s corrects %(invoice)s: a new correction changes %(invoice)s, so the"
                    " dialog shows it with the corrections made so far.",
                    document=move.display_name,
                    invoice=invoice.display_name,
                )
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
        documents.write(
            {
                "correction_of_move_id": self.move_id.id,
                "correction_reason": self.reason,
                "correction_cause": self.cause,
            }
        )
        return self._open(documents)

    def _check_correction(self):
        """Refuse, in one sentence saying what the user can do, what no correction may book."""
        if not self.env.user.has_group("account.group_account_invoice"):
            raise AccessError(self.env._("Only invoicing users may correct invoices."))
        move = self.move_id
        if not move:
            raise UserError(
                self.env._(
                    "%(client)s has no posted customer invoice to correct: post one first.",
                    client=self.partner_id.display_name,
                )
            )
        if move.commercial_partner_id != self.partner_id.commercial_partner_id:
            raise UserError(
                self.env._(
                    "Invoice %(invoice)s is not an invoice of %(client)s: choose one of its invoices.",
                    invoice=move.display_name,
                    client=self.partner_id.commercial_partner_id.display_name,
                )
            )
        if move.move_type != "out_invoice" or move.company_id != self.env.company:
            raise UserError(
                self.env._(
                    "Only customer invoices of the current company can be corrected: %(document)s is"
                    " not one, choose an invoice or switch to its company.",
                    document=move.display_name,
                )
            )
        if move._is_correction_document():
            raise UserError(
                self.env._(
                    "%(document)s is itself a correction of %(invoice)s: correct %(invoice)s instead.",
                    document=move.display_name,
                    invoice=move.correction_of_move_id.display_name,
                )
            )
        if move.state == "draft":
            raise UserError(
                self.env._(
                    "%(invoice)s is a draft: edit it directly, or post it before correcting it.",
                    invoice=move.display_name,
                )
            )
        if move.state == "cancel":
            raise UserError(
                self.env._(
                    "%(invoice)s is cancelled, so it has nothing to correct: reset it to draft to use it.",
                    invoice=move.display_name,
                )
            )
        current = move._correction_current_figures()["total"]
        if move.payment_state == "reversed" and move.currency_id.is_zero(current[0]):
            raise UserError(
                self.env._(
                    "Invoice %(invoice)s is already fully reversed: issue a new invoice instead.",
                    invoice=move.display_name,
                )
            )
        # A full credit note mirrors the invoice without pointing to its lines: nothing is left.
        credited = move._correction_documents().filtered(
            lambda document: (
                document.move_type == "out_refund" and not document.invoice_line_ids.corrected_line_id
            )
        )
        if credited and move.currency_id.is_zero(current[0]):
            raise UserError(
                self.env._(
                    "Invoice %(invoice)s is already fully credited by %(document)s: cancel or reverse"
                    " that credit note to correct the invoice again.",
                    invoice=move.display_name,
                    document=readable_names(credited[:1]),
                )
            )
        foreign = self.line_ids.move_line_id.filtered(
            lambda line: line.move_id != move or line.display_type != "product"
        )
        if foreign:
            raise UserError(
                self.env._(
                    "The lines to correct must be lines of invoice %(invoice)s, not of %(other)s:"
                    " open the dialog again from the invoice to correct.",
                    invoice=move.display_name,
                    other=readable_names(foreign.move_id[:1]),
                )
            )
        self._check_date()

    def _check_date(self):
        """The corrective documents are dated in an open period: their printed date (sent to the
        tax authorities) is their accounting date, never moved by Odoo behind the user's back."""
        move = self.move_id
        if self.date < move.invoice_date:
            raise UserError(
                self.env._(
                    "A correction cannot be dated before the invoice it corrects (%(date)s): date it"
                    " %(date)s or later.",
                    date=format_date(self.env, move.invoice_date),
                )
            )
        # The wizard's company and journal follow the invoice, whatever the client sent.
        if self.company_id != move.company_id:
            self.company_id = move.company_id
        if self.journal_id.company_id != move.company_id:
            self.journal_id = move.journal_id
        has_tax = bool(move.line_ids.tax_ids)
        if self.cause == "at_sale":
            # Booked in the invoice's period: that period must be open.
            locks = move.company_id._get_violated_lock_dates(move.date, has_tax, self.journal_id)
            if locks:
                raise UserError(
                    self.env._(
                        "A correction of an error is booked in the period of the invoice (%(date)s),"
                        " which is locked (%(locks)s): unlock it to book the correction there.",
                        date=format_date(self.env, move.date),
                        locks=self.env["res.company"]._format_lock_dates(locks),
                    )
                )
        # The invoice's company, whatever the wizard was sent with.
        locks = move.company_id._get_violated_lock_dates(self.date, has_tax, self.journal_id)
        if locks:
            raise UserError(
                self.env._(
                    "%(date)s is in a locked period (%(locks)s): date the correction %(open)s or later.",
                    date=format_date(self.env, self.date),
                    locks=self.env["res.company"]._format_lock_dates(locks),
                    open=format_date(self.env, locks[-1][0] + timedelta(days=1)),
                )
            )

    def _partner_env(self):
        """The wizard in the client's language: what the documents store (reference, line labels)
        is printed and sent to the client."""
        return self.with_context(lang=self.move_id.partner_id.lang or self.env.lang)

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
        move = self.move_id
        if not move._has_corrections():
            # Odoo's reversal mirrors the invoice line by line (taxes, early-payment discount and
            # cash-rounding lines included), which is the rule's difference to an empty invoice.
            reversal = self._reversal()
            reversal.refund_moves()
            credit_note = reversal.new_move_ids
            # At the invoice's rate, not the day's: Odoo then keeps the amounts in the invoice's
            # currency and converts them again (its "reapply currency rate").
            credit_note.invoice_currency_rate = move.invoice_currency_rate
            # ... which rounds otherwise than the invoice did: a full credit note mirrors the
            # invoice's own company-currency amounts, copied, not converted again.
            credit_note._mirror_company_amounts(move)
            credit_note.write(
                {
                    "ref": self._partner_env()._reference(),
                    "correction_of_move_id": move.id,
                    "date": self._booking_date(),
                }
            )
            return credit_note
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
        move = self.move_id
        # The new invoice is issued on the correction's day for the same supply: it keeps the
        # supply's date (art. 106e ust. 1 pkt 6, printed when it differs from the issue date) and
        # the rate of the supply's tax point the invoice was converted at (art. 31a), not the day's.
        new_invoice = move.copy(
            {
                "invoice_date": self.date,
                # In the period of its credit note: the two cancel out where the error is corrected.
                "date": self._booking_date(),
                "journal_id": self.journal_id.id,
                "delivery_date": self._supply_date(),
            }
        )
        if new_invoice.currency_id != new_invoice.company_currency_id:
            new_invoice.invoice_currency_rate = move.invoice_currency_rate
        new_lines = new_invoice.invoice_line_ids.filtered(lambda line: line.display_type == "product")
        # The new invoice starts from the current state, earlier corrections included.
        for new_line, state in zip(new_lines, states, strict=True):
            new_line.write(state)
        return credit_note | new_invoice

    def _booking_date(self):
        """The accounting date of the corrective documents, the period their tax is booked in: the
        correction's date for a cause that arose after the sale (art. 29a ust. 13 and 17), the
        invoice's for an error or a cause that existed at the sale."""
        return self.move_id.date if self.cause == "at_sale" else self.date

    def _supply_date(self):
        """The date of the supply the invoice and a replacing invoice are for: the invoice's
        delivery date, else its issue date."""
        return self.move_id.delivery_date or self.move_id.invoice_date

    def _correct_partial(self):
        changed = self.line_ids.filtered("is_changed")
        if not changed:
            raise UserError(self.env._("Change at least one line: this correction changes nothing."))
        down = changed.filtered(lambda line: line.difference_total < 0)
        up = changed - down
        # The invoice's lines as they are, with the lines going down corrected, then with all corrected:
        # the credit note takes the invoice to the first state, the debit note on to the second.
        current = self._invoice_lines()._correction_states()
        lowered = {**current, **{line.move_line_id: line._after_values() for line in down}}
        corrected = {**lowered, **{line.move_line_id: line._after_values() for line in up}}
        steps = [(lines, states) for lines, states in ((down, lowered), (up, corrected)) if lines]
        differences = self.move_id._correction_differences([states for _lines, states in steps])
        if differences is None:
            # Odoo cannot build the invoice in between: one document carries every changed line.
            differences = self.move_id._correction_differences([corrected])
            down = changed if differences[0]["total"][0] < 0 else self.env["account.move.correction.line"]
            steps = [(down or changed, corrected)]
        documents = self.env["account.move"]
        # Checked once complete: Odoo's early-payment discount lines in a foreign currency may not
        # balance by a cent on the way (account.move._balance_early_payment_lines).
        wizard = self.with_context(check_move_validity=False)
        for (lines, _states), difference in zip(steps, differences, strict=True):
            if lines is down:
                document = wizard._create_document("out_refund", lines, reversed_entry_id=self.move_id.id)
                document._set_correction_figures(_negate_figures(difference))
            else:
                # An Odoo debit note: the invoice's Debit Notes button and the localizations see it.
                document = wizard._create_document("out_invoice", lines, debit_origin_id=self.move_id.id)
                document._set_correction_figures(difference)
            document._balance_early_payment_lines()
            documents |= document.with_env(self.env)
        with documents._check_balanced({"records": documents}):
            pass
        return documents

    def _reference(self):
        return self.env._(
            "Correction of %(invoice)s: %(reason)s", invoice=self.move_id.name, reason=self.reason
        )

    def _create_document(self, move_type, correction_lines, **values):
        """A credit note or debit note carrying, per corrected line, the line before the correction
        and the line after it with opposite signs (their difference is the untaxed difference); its
        taxes and rounding are then set to the rule's (account.move._set_correction_figures)."""
        move = self.move_id
        wizard = self._partner_env()
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
                "invoice_payment_term_id": move.invoice_payment_term_id.id,
                "invoice_cash_rounding_id": move.invoice_cash_rounding_id.id,
                "journal_id": self.journal_id.id,
                "invoice_date": self.date,
                "date": self._booking_date(),
                "invoice_origin": move.name,
                "ref": wizard._reference(),
                "correction_of_move_id": move.id,
                "invoice_line_ids": [
                    Command.create(line_values)
                    for line in correction_lines.with_context(lang=wizard.env.lang)
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
