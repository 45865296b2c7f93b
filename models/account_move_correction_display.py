from odoo import api, fields, models
from odoo.tools import format_date


class AccountMove(models.Model):
    """How corrective documents are told apart: their type (credit or debit note), a draft debit
    note named as such, and the invoices the correction dialog offers shown with their date,
    amount and payment state."""

    _inherit = "account.move"

    correction_document_type = fields.Selection(
        [("credit_note", "Credit Note"), ("debit_note", "Debit Note")],
        string="Document Type",
        compute="_compute_correction_document_type",
        help="A credit note lowers what the client owes, a debit note raises it.",
    )

    def _compute_correction_document_type(self):
        for move in self:
            if move.move_type == "out_refund":
                move.correction_document_type = "credit_note"
            elif move.move_type == "out_invoice" and move.debit_origin_id:
                move.correction_document_type = "debit_note"
            else:
                move.correction_document_type = False

    @api.depends_context("client_hub_invoice_details")
    def _compute_display_name(self):
        super()._compute_display_name()
        if not self.env.context.get("client_hub_invoice_details"):
            return
        # The correction dialog's invoice picker: which invoice is which, without opening it.
        payment_states = dict(self._fields["payment_state"]._description_selection(self.env))
        for move in self.filtered("invoice_date"):
            move.display_name = " · ".join(
                (
                    move.display_name,
                    format_date(self.env, move.invoice_date),
                    move.currency_id.format(move.amount_total),
                    payment_states.get(move.payment_state, ""),
                )
            )

    def _get_move_display_name(self, show_ref=False):
        name = super()._get_move_display_name(show_ref=show_ref)
        # Odoo names a draft debit note "Draft Invoice": named by its type, as a credit note is.
        if (
            self.state == "draft"
            and self.move_type == "out_invoice"
            and self.debit_origin_id
            and not self.env.context.get("name_as_amount_total")
        ):
            draft_invoice = self.new({"move_type": "out_invoice"})._get_move_display_name()
            name = self.env._("Draft Debit Note") + name.removeprefix(draft_invoice)
        return name
