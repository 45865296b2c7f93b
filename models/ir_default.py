import json

from odoo import api, models
from odoo.tools import SQL

# Records of the module whose values its own code sets (often in sudo): a user's personal default
# (`ir.default.set(model, field, value, user_id=True)`, open to every internal user for himself)
# would fill what the code leaves out — a survey request's token or message, a log row's date, a
# rating's channel or client. Defaults for everyone or a company (set by administrators) still apply.
NO_PERSONAL_DEFAULTS = frozenset(
    {
        "rating.rating",
        "res.partner.credential",
        "res.partner.credential.log",
        "res.partner.vault.grant",
        "res.partner.status.history",
    }
)


class IrDefault(models.Model):
    _inherit = "ir.default"

    @api.model
    def _get_model_defaults(self, model_name, condition=False):
        if model_name not in NO_PERSONAL_DEFAULTS:
            return super()._get_model_defaults(model_name, condition)
        # Odoo's query without the user's own defaults (the company's first, as Odoo orders them).
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """SELECT f.name, d.json_value
                     FROM ir_default d
                     JOIN ir_model_fields f ON d.field_id = f.id
                    WHERE f.model = %s AND d.user_id IS NULL
                      AND (d.company_id IS NULL OR d.company_id = %s) AND %s
                 ORDER BY d.company_id, d.id""",
                model_name,
                self.env.company.id or None,
                SQL("d.condition = %s", condition) if condition else SQL("d.condition IS NULL"),
            )
        )
        defaults = {}
        for name, value in self.env.cr.fetchall():
            defaults.setdefault(name, json.loads(value))
        return defaults
