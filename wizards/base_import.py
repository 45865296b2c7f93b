from odoo import models

VAULT_MIXIN = "client_hub.vault.mixin"


class Base_ImportImport(models.TransientModel):
    """An import file holding secrets does not wait 12 hours in the database: Odoo keeps the uploaded
    file in `base_import_import.file` until its transient vacuum, in clear, in every backup taken
    meanwhile. The file of an import with a vault secret column is emptied as soon as the import
    ends, successful or not (a test run keeps it: the import follows)."""

    _inherit = "base_import.import"

    def execute_import(self, fields, columns, options, dryrun=False):
        result = super().execute_import(fields, columns, options, dryrun=dryrun)
        if not dryrun and self._client_hub_imports_secrets(fields):
            failed = any(message.get("type") == "error" for message in result.get("messages", []))
            if failed or not result.get("nextrow"):
                self.sudo().write({"file": False, "file_name": False, "file_type": False})
        return result

    def _client_hub_imports_secrets(self, fields):
        """Whether a column of the import goes to a vault's secret (of the model or of a line)."""
        for path in fields:
            model = self.env[self.res_model]
            for name in (path or "").split("/"):
                field = model._fields.get(name)
                if field is None:
                    break
                if name == "secret" and isinstance(model, self.env.registry[VAULT_MIXIN]):
                    return True
                if not field.relational:
                    break
                model = self.env[field.comodel_name]
        return False
