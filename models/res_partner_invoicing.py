from lxml import etree

from odoo import api, fields, models

# Fields of optional Odoo modules shown on the Client page when those modules are installed.
OPTIONAL_INVOICING_FIELDS = ("peppol_eas", "peppol_endpoint", "global_location_number")


class ResPartner(models.Model):
    """A client's invoicing: its corrections (credit and debit notes) and the e-invoicing fields."""

    _inherit = "res.partner"

    correction_count = fields.Integer(
        compute="_compute_correction_count", help="The client's credit and debit notes."
    )
    has_correctable_invoice = fields.Boolean(
        compute="_compute_has_correctable_invoice",
        help="Whether the client has a posted customer invoice of the current company to correct.",
    )

    def _compute_correction_count(self):
        counts = dict(
            self.env["account.move"]._read_group(
                self._correction_documents_domain(self.ids), ["commercial_partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.correction_count = counts.get(partner._origin, 0)

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

    @api.model
    def _correction_documents_domain(self, partner_ids):
        """The clients' credit notes (of a correction or Odoo's own) and debit notes."""
        return [
            ("commercial_partner_id", "in", partner_ids),
            "|",
            ("move_type", "=", "out_refund"),
            "&",
            ("move_type", "=", "out_invoice"),
            ("debit_origin_id", "!=", False),
        ]

    def action_open_corrections(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "client_hub.account_move_action_client_corrections"
        )
        action["domain"] = self._correction_documents_domain(self.ids)
        # Made from an invoice (Correct an invoice), never from this list: no default leaks in.
        action["context"] = {"create": False}
        return action

    def action_open_correction_wizard(self):
        self.ensure_one()
        return self.env["account.move.correction"]._action_open(self)
