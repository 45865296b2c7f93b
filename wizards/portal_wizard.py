from odoo import Command, api, models


class PortalWizard(models.TransientModel):
    """Odoo's portal wizard offers a partner and its children of type contact or "other": a client's
    typed addresses (workplace, correspondence…) are places, not people who log in."""

    _inherit = "portal.wizard"

    @api.model
    def default_get(self, fields):
        defaults = super().default_get(fields)
        if defaults.get("partner_ids"):
            context = self.env.context
            # The partners the user picked are offered, even an address; Odoo adds their children.
            chosen = context.get("default_partner_ids") or context.get("active_ids") or []
            offered = (
                self.env["res.partner"].sudo().browse(self._client_hub_partner_ids(defaults["partner_ids"]))
            )
            children = offered.filtered(lambda partner: partner.id not in chosen)
            defaults["partner_ids"] = [Command.set((offered - children.filtered("address_type_id")).ids)]
        return defaults

    @api.model
    def _client_hub_partner_ids(self, value):
        """The ids of a many2many default: ids, or link / set commands."""
        ids = []
        for item in value:
            if isinstance(item, int):
                ids.append(item)
            elif item[0] == Command.LINK:
                ids.append(item[1])
            elif item[0] == Command.SET:
                ids.extend(item[2])
        return ids
