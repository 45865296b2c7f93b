from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResPartnerClientCategory(models.Model):
    _name = "res.partner.client.category"
    _description = "Client Category"
    _parent_name = "parent_id"
    _parent_store = True
    _rec_name = "complete_name"
    # Found by the path (stored in English) or by its own name in the user's language.
    _rec_names_search = ["complete_name", "name"]
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
        # Stored from the English names, the source terms: shown as it is to English readers (no
        # parent to read), the translated names are joined for the others (display_name).
        for category in self.with_context(lang="en_US"):
            if category.parent_id:
                category.complete_name = f"{category.parent_id.complete_name} / {category.name}"
            else:
                category.complete_name = category.name

    @api.depends("complete_name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # complete_name is stored in English: in another language the name shown (search panel,
        # fields, groups) joins the translated names of the category and its parents, in the parent
        # store's order (one more read, for the parents).
        if (self.env.lang or "en_US") == "en_US":
            for category in self:
                category.display_name = category.complete_name or category.name
            return
        paths = {
            category: [int(i) for i in (category.parent_path or "").split("/") if i] for category in self
        }
        self.browse({i for path in paths.values() for i in path}).mapped("name")  # one read for all
        for category, path in paths.items():
            if path:
                category.display_name = " / ".join(self.browse(path).mapped("name"))
            else:
                category.display_name = category.complete_name or category.name

    def write(self, vals):
        # Refuse a cycle with a clear message, before the parent store's generic "Recursion Detected".
        if vals.get("parent_id"):
            ancestors = self.browse(vals["parent_id"]).parent_path.split("/")
            if any(str(category.id) in ancestors for category in self):
                raise ValidationError(
                    self.env._("A client category cannot be its own parent or subcategory.")
                )
        return super().write(vals)
