from odoo import models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    """Addresses of a type kept by staff (not *Editable in the Portal*) are archived and deleted by
    staff only, whichever route or code acts for the client's people (Odoo's portal acts in sudo,
    as the portal user). The address form refuses their other changes (controllers/portal.py)."""

    _inherit = "res.partner"

    def write(self, vals):
        if "active" in vals:
            self._client_hub_check_portal_may_change()
        return super().write(vals)

    def unlink(self):
        self._client_hub_check_portal_may_change()
        return super().unlink()

    def _client_hub_kept_by_staff(self):
        """The addresses among these whose type the client's people may not change."""
        return self.filtered(
            lambda partner: partner.address_type_id and not partner.address_type_id.sudo().portal_editable
        )

    def _client_hub_check_portal_may_change(self):
        if not self.env.user._is_portal():
            return
        kept = self._client_hub_kept_by_staff()
        if kept:
            raise UserError(
                self.env._(
                    "This address (%(type)s) is kept by us: contact us to change it.",
                    type=", ".join(kept.address_type_id.sudo().mapped("name")),
                )
            )
