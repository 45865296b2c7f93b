from odoo import api, fields, models


class ResPartner(models.Model):
    """The client's contract type (retainer, fixed price...): a classification to filter, group and
    analyse clients by."""

    _inherit = "res.partner"

    contract_type_id = fields.Many2one(
        "res.partner.contract.type",
        index=True,
        tracking=True,
        ondelete="restrict",
        help="How the client is contracted and billed (Clients > Configuration > Contract Types).",
    )

    @api.model
    def _commercial_fields(self):
        # Part of the client profile: the contacts follow their company.
        return [*super()._commercial_fields(), "contract_type_id"]
