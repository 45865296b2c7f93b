from lxml import etree

from odoo import api, fields, models

# Fields of optional Odoo modules shown on the Client page when those modules are installed.
OPTIONAL_INVOICING_FIELDS = ("peppol_eas", "peppol_endpoint", "global_location_number")


class ResPartner(models.Model):
    """A client's invoicing: its credit notes, the corrective invoices and the e-invoicing fields."""

    _inherit = "res.partner"

    credit_note_count = fields.Integer(compute="_compute_credit_note_count")
    has_correctable_invoice = fields.Boolean(
        compute="_compute_has_correctable_invoice",
        help="Whether the client has a posted customer invoice of the current company to correct.",
    )

    def _compute_credit_note_count(self):
        counts = dict(
            self.env["account.move"]._read_group(
                [("move_type", "=", "out_refund"), ("commercial_partner_id", "in", self.ids)],
                ["commercial_partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.credit_note_count = counts.get(partner._origin, 0)

    def _compute_has_correctable_invoice(self):
        correctable = {
            partner
            for [partner] in self.env["account.move"]._read_group(
                self.env["account.move.correction"]._correctable_invoice_domain(self),
                ["commercial_partner_id"],
            )
        }
        for partner in self:
            partner.has_correctable_invoice = partner._origin in correctable

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        arch, view = super()._get_view(view_id, view_type, **options)
        if view_type == "form":
            group = arch.find(".//group[@name='client_hub_einvoicing']")
            if group is not None:
                for field_name in OPTIONAL_INVOICING_FIELDS:
                    if field_name in self._fields:
                        etree.SubElement(group, "field", name=field_name)
                if not len(group):
                    group.getparent().remove(group)
        return arch, view

    def action_open_credit_notes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_move_out_refund_type")
        action["domain"] = [("move_type", "=", "out_refund"), ("commercial_partner_id", "=", self.id)]
        action["context"] = {"default_move_type": "out_refund", "default_partner_id": self.id}
        return action

    def action_open_correction_wizard(self):
        self.ensure_one()
        return self.env["account.move.correction"]._action_open(self)
