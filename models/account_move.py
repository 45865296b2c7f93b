from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from .readable_names import readable_names

# A corrective document's link to the invoice it corrects: made by the correction wizard on its
# drafts, printed on the document and settled with the invoice on posting.
CORRECTION_LINK_FIELDS = ("correction_of_move_id", "correction_reason", "correction_cause")


def _tax_lines_add_up(tax):
    """Whether the tax lines of `tax` add up to the tax amount, on invoices and on refunds."""
    return all(
        float_compare(sum(lines.filtered(lambda r: r.repartition_type == "tax").mapped("factor")), 1.0, 6)
        == 0
        for lines in (tax.invoice_repartition_line_ids, tax.refund_repartition_line_ids)
    )


class AccountMove(models.Model):
    """Corrective documents: the link to the invoice they correct and the amounts they book."""

    _inherit = "account.move"

    correction_of_move_id = fields.Many2one(
        "account.move",
        string="Corrected Invoice",
        index="btree_not_null",
        readonly=True,
        copy=False,
        check_company=True,
        help="The invoice this corrective document corrects.",
    )
    correction_reason = fields.Char(readonly=True, copy=False)
    correction_cause = fields.Selection(
        [
            ("after_sale", "Arose after the sale"),
            ("at_sale", "Existed at the sale (an error)"),
        ],
        readonly=True,
        copy=False,
        help="Why the invoice was corrected, which decides the tax period of the correction: after"
        " the sale, on the correction's date; an error, in the invoice's period.",
    )

    @api.constrains("correction_of_move_id", "partner_id", "company_id", "move_type")
    def _check_correction_of_move_id(self):
        """A corrective document corrects a customer invoice of its own client and company: the
        link is printed to the client and posting settles the invoice with the document."""
        for move in self.filtered("correction_of_move_id"):
            invoice = move.correction_of_move_id
            if (
                invoice == move
                or invoice.move_type != "out_invoice"
                or move.move_type not in ("out_invoice", "out_refund")
                or not move._is_of_client_and_company(invoice)
            ):
                raise ValidationError(
                    self.env._(
                        "%(document)s cannot correct %(invoice)s: a correction corrects a customer"
                        " invoice of the same client and company, and is made with the invoice's"
                        " Correct button.",
                        document=readable_names(move),
                        invoice=readable_names(invoice),
                    )
                )

    def write(self, vals):
        self._check_correction_link_kept(vals)
        return super().write(vals)

    def _check_correction_link_kept(self, vals):
        """The correction wizard links its documents while they are drafts: a posted (or
        cancelled) document's link stays as it was posted, as Odoo keeps its other printed fields."""
        if not vals.keys() & set(CORRECTION_LINK_FIELDS):
            return
        Move = self.env["account.move"]
        for move in self:
            if (move.state != "draft" or vals.get("state", "draft") != "draft") and any(
                Move._field_will_change(move, vals, name) for name in CORRECTION_LINK_FIELDS
            ):
                raise UserError(
                    self.env._(
                        "%(document)s is no longer a draft: which invoice it corrects, and why, is"
                        " set by the invoice's Correct button on the draft and kept once posted.",
                        document=readable_names(move),
                    )
                )

    def _post(self, soft=True):
        posted = super()._post(soft)
        posted._reconcile_with_corrections()
        return posted

    def action_open_correction_wizard(self):
        self.ensure_one()
        return self.env["account.move.correction"]._action_open(self.commercial_partner_id, self)

    def _has_corrections(self):
        """Whether documents that count (see _correction_documents) changed the invoice."""
        self.ensure_one()
        return bool(self._correction_documents())

    def _correction_documents(self):
        """The documents that count for this invoice: its credit and debit notes made by a
        correction (drafts included) and Odoo's own posted credit and debit notes of it (Add Credit
        Note, Debit Note), but neither cancelled ones nor those a posted document reverses (Odoo's
        Reverse of a credit note, a credit note of a debit note). The new invoice of a replacing
        correction is an invoice of its own, not a correction of this one."""
        self.ensure_one()
        documents = self.search(
            [
                ("state", "!=", "cancel"),
                "|",
                "|",
                ("correction_of_move_id", "=", self.id),
                ("reversed_entry_id", "=", self.id),
                ("debit_origin_id", "=", self.id),
            ]
        )
        return documents.filtered(
            lambda document: (
                (document.move_type == "out_refund" or document.debit_origin_id)
                and (document.correction_of_move_id == self or document.state == "posted")
                and not any(reversal.state == "posted" for reversal in document.reversal_move_ids)
            )
        )

    def _reconcile_with_corrections(self):
        """Settle the invoices of these posted correction documents among their corrections. Odoo
        reconciles a credit note with its invoice only: the part of a credit note the invoice did
        not take (a full credit after a debit note) stayed open beside the debit note it pays, and
        in a foreign currency the two left a few cents owed in the company's currency (open in
        each, converted at each one's rate). Reconciled, Odoo books that difference as an exchange
        difference, as for any payment."""
        documents = self.filtered(
            lambda move: (
                move._is_correction_document() and move._is_of_client_and_company(move.correction_of_move_id)
            )
        )
        for invoice in documents.correction_of_move_id:
            # Only the invoice's own client's and company's documents settle it.
            moves = invoice | invoice._correction_documents().filtered(
                lambda move, invoice=invoice: (
                    move.state == "posted" and move._is_of_client_and_company(invoice)
                )
            )
            lines = moves.line_ids.filtered(
                lambda line: line.account_type == "asset_receivable" and not line.reconciled
            )
            for group in lines.grouped(lambda line: (line.account_id, line.currency_id)).values():
                residuals = group.mapped("amount_residual_currency")
                if any(amount > 0 for amount in residuals) and any(amount < 0 for amount in residuals):
                    group.reconcile()

    def _is_correction_document(self):
        """A credit or debit note made by a correction: it is corrected through its invoice."""
        self.ensure_one()
        return bool(self.correction_of_move_id) and (
            self.move_type == "out_refund" or bool(self.debit_origin_id)
        )

    def _is_of_client_and_company(self, other):
        """Whether this document and `other` are of the same client (commercial partner) and company."""
        self.ensure_one()
        return (
            self.company_id == other.company_id and self.commercial_partner_id == other.commercial_partner_id
        )

    def _set_correction_figures(self, figures):
        """Bring this draft corrective document to `figures` (as _correction_differences gives
        them, in the document's direction: positive amounts): its lines to the untaxed difference,
        its tax lines to the taxes, as an accountant edits an amount by hand (Odoo keeps such
        amounts and balances the receivable with them), and a cash-rounding line for the invoice's
        cash rounding only."""
        self.ensure_one()
        sign = self.direction_sign
        lines = self.line_ids.filtered(lambda line: line.display_type == "product")
        untaxed_currency, untaxed = figures["untaxed"]
        # Odoo 19 spreads the rounding of a tax's base over the lines that share it (the "before"
        # and "after" lines of a document): 12,345.6 - 9,876.48 JPY = 2,469 where the invoice and
        # the fresh invoice differ by 12,346 - 9,876 = 2,470. The lines carry the rule's untaxed
        # difference, never a rounding line the invoice does not have (the biggest line takes it,
        # as Odoo puts its own delta there).
        delta_currency = self.currency_id.round(
            untaxed_currency - sign * sum(lines.mapped("amount_currency"))
        )
        delta = self.company_currency_id.round(untaxed - sign * sum(lines.mapped("balance")))
        if lines and not (
            self.currency_id.is_zero(delta_currency) and self.company_currency_id.is_zero(delta)
        ):
            line = max(lines, key=lambda line: abs(line.amount_currency))
            self._write_protected_amounts(
                {
                    line: {
                        "amount_currency": line.amount_currency + sign * delta_currency,
                        "balance": line.balance + sign * delta,
                    }
                }
            )
        rounding_currency, rounding = (
            self.currency_id.round(figures["rounding"][0]),
            self.company_currency_id.round(figures["rounding"][1]),
        )
        if not (self.currency_id.is_zero(rounding_currency) and self.company_currency_id.is_zero(rounding)):
            cash_rounding = (
                self.invoice_cash_rounding_id or self.correction_of_move_id.invoice_cash_rounding_id
            )
            # As Odoo books a rounding: a debit is a loss, a credit a profit.
            account = cash_rounding.profit_account_id
            if sign * rounding > 0 and cash_rounding.loss_account_id:
                account = cash_rounding.loss_account_id
            self.write(
                {
                    "line_ids": [
                        Command.create(
                            {
                                "display_type": "rounding",
                                "name": cash_rounding.name or self.env._("Rounding"),
                                "account_id": (account or lines[:1].account_id).id,
                                "partner_id": self.partner_id.id,
                                "currency_id": self.currency_id.id,
                                "amount_currency": sign * rounding_currency,
                                "balance": sign * rounding,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ]
                }
            )
            # Odoo converts a new line's amount at the rate when its company-currency amount is
            # nought (account.move.line._sync_invoice): the rule's amount is kept as it is.
            line = self.line_ids.filtered(lambda line: line.display_type == "rounding")[-1:]
            if line and not self.company_currency_id.is_zero(line.balance - sign * rounding):
                self._write_protected_amounts({line: {"balance": sign * rounding}})
        self._set_correction_taxes(figures["taxes"])

    def _balance_early_payment_lines(self):
        """Odoo converts each early-payment discount line of a foreign-currency document on its own:
        for some amounts the pairs do not add up to nothing in the company's currency, and Odoo
        then refuses its own document as not balanced. The cent goes to one of these lines."""
        self.ensure_one()
        epd_lines = self.line_ids.filtered(lambda line: line.display_type == "epd")
        unbalanced = self.company_currency_id.round(sum(self.line_ids.mapped("balance")))
        if epd_lines and not self.company_currency_id.is_zero(unbalanced):
            line = epd_lines[-1]
            self._write_protected_amounts({line: {"balance": line.balance - unbalanced}})

    def _write_protected_amounts(self, values):
        """Write amounts on lines of this draft document ({line: values}) as an accountant edits
        them by hand: Odoo then keeps them and balances the receivable with them, instead of
        converting the amounts in the document's currency again at the rate."""
        lines = self.env["account.move.line"].concat(*values)
        fields = lines._fields
        with self.env.protecting([fields["balance"], fields["amount_currency"]], lines):
            self.write({"line_ids": [Command.update(line.id, vals) for line, vals in values.items()]})

    def _set_correction_taxes(self, taxes):
        """Bring this draft corrective document's tax lines to `taxes` ({tax: [amount in the
        document's currency, in the company's]})."""
        self.ensure_one()
        sign = self.direction_sign
        creates, updates = [], {}
        for tax, (amount_currency, amount) in taxes.items():
            tax_lines = self.line_ids.filtered(
                lambda line, tax=tax: line.tax_line_id == tax and line.display_type == "tax"
            )
            # Reverse charge (+100 % and -100 %): the tax lines' sum is no tax amount; Odoo's stays.
            if not _tax_lines_add_up(tax):
                continue
            if not tax_lines:
                # The document's own lines round this tax to nothing, the invoice's moves by a cent.
                creates += self._correction_tax_line_commands(tax, amount_currency, amount)
                continue
            booked_currency = sign * sum(tax_lines.mapped("amount_currency"))
            delta_currency = self.currency_id.round(amount_currency - booked_currency)
            delta = self.company_currency_id.round(amount - sign * sum(tax_lines.mapped("balance")))
            if not (self.currency_id.is_zero(delta_currency) and self.company_currency_id.is_zero(delta)):
                line = tax_lines[0]
                updates[line] = {
                    "amount_currency": line.amount_currency + sign * delta_currency,
                    "balance": line.balance + sign * delta,
                }
        if creates:
            # Created, then brought to the amounts like the others (Odoo converts a new line's
            # amount when its company-currency amount is nought).
            self.write({"line_ids": creates})
            return self._set_correction_taxes(taxes)
        if updates:
            # Else the company-currency VAT would be the converted difference, not the difference
            # of the company-currency figures.
            self._write_protected_amounts(updates)

    def _mirror_company_amounts(self, invoice):
        """Give this draft credit note, Odoo's reversal of `invoice`, the opposite of the invoice's
        amounts per kind of line (products, taxes per repartition line, early-payment discount,
        rounding, payment terms), in the document's currency and the company's, as written."""
        self.ensure_one()

        def key(line):
            # A credit note books its taxes on the refund repartition lines of the same taxes.
            return (
                line.display_type,
                line.account_id,
                line.tax_line_id,
                line.tax_repartition_line_id.factor_percent,
                line.tax_ids,
                line.name if line.display_type == "product" else "",
            )

        invoice_groups = invoice.line_ids.grouped(key)
        updates = {}
        for group_key, lines in self.line_ids.grouped(key).items():
            mirrored = invoice_groups.get(group_key)
            if not mirrored:
                continue
            delta_currency = -sum(mirrored.mapped("amount_currency")) - sum(lines.mapped("amount_currency"))
            delta = -sum(mirrored.mapped("balance")) - sum(lines.mapped("balance"))
            if not (self.currency_id.is_zero(delta_currency) and self.company_currency_id.is_zero(delta)):
                line = lines[0]
                updates[line] = {
                    "amount_currency": self.currency_id.round(line.amount_currency + delta_currency),
                    "balance": self.company_currency_id.round(line.balance + delta),
                }
        if updates:
            self._write_protected_amounts(updates)

    def _correction_tax_line_commands(self, tax, amount_currency, amount):
        """Tax lines of `tax` for these amounts (in the document's direction), when the document's
        own lines gave it none: one per repartition line, as Odoo books them."""
        sign = self.direction_sign
        repartition = (
            tax.refund_repartition_line_ids
            if self.move_type == "out_refund"
            else tax.invoice_repartition_line_ids
        ).filtered(lambda line: line.repartition_type == "tax")
        base_line = self.invoice_line_ids.filtered(lambda line: tax in line.tax_ids)[:1]
        if self.currency_id.is_zero(amount_currency) and self.company_currency_id.is_zero(amount):
            return []
        return [
            Command.create(
                {
                    "display_type": "tax",
                    "name": tax.name,
                    "tax_repartition_line_id": line.id,
                    # As Odoo books a tax without account: on its base line's account, else (the
                    # tax moves here from another line by a biggest-tax cash rounding) the document's.
                    "account_id": (
                        line.account_id or base_line.account_id or self.invoice_line_ids[:1].account_id
                    ).id,
                    "partner_id": self.commercial_partner_id.id,
                    "currency_id": self.currency_id.id,
                    "tax_tag_ids": [Command.set(line.tag_ids.ids)],
                    "amount_currency": sign * self.currency_id.round(amount_currency * line.factor),
                    "balance": sign * self.company_currency_id.round(amount * line.factor),
                }
            )
            for line in repartition
        ]

    def _recompute_cash_rounding_lines(self):
        # A document made line by line by a correction carries the rounding difference between the
        # invoice and the invoice as it should have been (_set_correction_figures), not its own.
        if self.invoice_line_ids.corrected_line_id:
            return
        return super()._recompute_cash_rounding_lines()

    def _correction_origin(self):
        """The invoice a correction started from this document changes: a credit or debit note
        leads to the invoice it corrects, anything else is its own invoice."""
        self.ensure_one()
        if self._is_correction_document():
            return self.correction_of_move_id
        if self.move_type == "out_refund" and self.reversed_entry_id:
            return self.reversed_entry_id
        return self.debit_origin_id or self
