from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResPartnerClientCategory(models.Model):
    _name = "res.partner.client.category"
    _description = "Client Category"
    _parent_name = "parent_id"
    _parent_store = True
    _rec_name = "complete_name"
    _order = "complete_name, id"

    name = fields.Char(required=True, translate=True)
    parent_id = fields.Many2one(
        "res.partner.client.category", string="Parent Category", index=True, ondelete="restrict"
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("res.partner.client.category", "parent_id", string="Subcategories")
    complete_name = fields.Char(compute="_compute_complete_name", recursive=True, store=True)
    active = fields.Boolean(default=True)
    color = fields.Integer()

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for category in self:
            if category.parent_id:
                category.complete_name = f"{category.parent_id.complete_name} / {category.name}"
            else:
                category.complete_name = category.name

    def write(self, vals):
        # Refuse a cycle with a clear message, before the parent store's generic "Recursion Detected".
        if vals.get("parent_id"):
            ancestors = self.browse(vals["parent_id"]).parent_path.split("/")
            if any(str(category.id) in ancestors for category in self):
                raise ValidationError(
                    self.env._("A client category cannot be its own parent or subcategory.")
                )
        return super().write(vals)
