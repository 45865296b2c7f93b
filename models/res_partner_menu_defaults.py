from odoo import api, models

# The Clients menu's "New": a company with this status (the status id). A `default_` key that is
# no field: the web client keeps such keys out of the records created from a page (x2many lines,
# quick creates, the next action), and default_get applies it to a record without a parent only.
NEW_CLIENT_STATUS_KEY = "default_client_hub_new_client_status_id"
# The context defaults that make a partner a company or a client: an address or a contact created
# under a partner never takes them from the page it is created from (the one2many lines of a
# client's form are created in the form's context, that of the menu it was opened from).
CLIENT_MAKING_DEFAULTS = ("default_is_company", "default_client_status_id", NEW_CLIENT_STATUS_KEY)


class ResPartner(models.Model):
    """What the Clients menu's context gives a new record: the new client itself, never what is
    created from its page."""

    _inherit = "res.partner"

    @api.model
    def default_get(self, fields):
        defaults = super().default_get(fields)
        context = self.env.context
        status_id = context.get(NEW_CLIENT_STATUS_KEY)
        if status_id and not context.get("default_parent_id"):
            if "is_company" in fields and "default_is_company" not in context:
                defaults["is_company"] = True
            if "client_status_id" in fields and not defaults.get("client_status_id"):
                defaults["client_status_id"] = status_id
        return defaults

    def _add_missing_default_values(self, values):
        model = self._client_hub_for_values(values)
        return super(ResPartner, model)._add_missing_default_values(values)

    def _client_hub_for_values(self, values):
        """The model to take the defaults of a new partner's values from: without the client-making
        context defaults for a partner created under another."""
        context = self.env.context
        if values.get("parent_id") and any(key in context for key in CLIENT_MAKING_DEFAULTS):
            kept = {key: value for key, value in context.items() if key not in CLIENT_MAKING_DEFAULTS}
            return self.with_env(self.env(context=kept))
        return self
