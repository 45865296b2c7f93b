from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class ResPartner(models.Model):
    """The portal's API: the portal pages (controllers/portal.py) only translate HTTP into these calls,
    which check who calls them: one path for every write of a client's person."""

    _inherit = "res.partner"

    portal_user_ids = fields.Many2many(
        "res.users",
        compute="_compute_portal_user_ids",
        string="Portal Users",
        help="Who of the client uses the portal.",
    )

    def _compute_portal_user_ids(self):
        Users = self.env["res.users"].sudo()
        for partner in self:
            partner.portal_user_ids = (
                Users.search([("partner_id", "child_of", partner.ids), ("share", "=", True)])
                if partner.is_client
                else Users
            )

    @api.model
    def _client_hub_portal_client(self):
        """The current user's client, in sudo, when the user is a portal user of a client; else an
        empty recordset (internal users work in the back office, not on the client's pages)."""
        user = self.env.user
        client = user.partner_id.commercial_partner_id.sudo()
        return client if user._is_portal() and client.is_client else self.browse()

    @api.model
    def _client_hub_portal_client_or_raise(self):
        client = self._client_hub_portal_client()
        if not client:
            raise AccessError(self.env._("Only the people of a client use its portal pages."))
        return client

    def _client_hub_tax_conditions(self):
        """The tax conditions offered to this client: those of its country and those of none."""
        return (
            self.env["res.partner.tax.condition"]
            .sudo()
            .search([("country_id", "in", [self.country_id.id, False])])
        )

    @api.model
    def _client_hub_portal_update_profile(self, values):
        """Save the portal's profile form for the current user's client. The VAT follows Odoo's
        can_edit_vat(); a new tax condition is a request to the salesperson, applied by staff.
        Returns whether a tax condition change was requested."""
        client = self._client_hub_portal_client_or_raise()
        values = dict(values)
        if (values.get("vat") or False) != (client.vat or False) and not client.can_edit_vat():
            raise UserError(
                self.env._(
                    "Changing the Tax ID is not allowed once documents have been issued for your account. "
                    "Please contact us directly for this operation."
                )
            )
        requested = "tax_condition_id" in values
        condition = self.env["res.partner.tax.condition"].sudo().browse(values.pop("tax_condition_id", False))
        if condition and condition not in client._client_hub_tax_conditions():
            raise UserError(self.env._("Choose a tax condition from the list."))
        # A condition that needs a VAT is requested with one (the same rule as on the client).
        if condition.vat_required and not (values.get("vat", client.vat)):
            raise UserError(
                self.env._(
                    "“%(condition)s” requires a tax ID: enter your tax ID, or choose another tax condition.",
                    condition=condition.name,
                )
            )
        client.write(values)
        if not requested or condition == client.tax_condition_id:
            return False
        client._client_hub_request_tax_condition(condition)
        return True

    def _client_hub_request_tax_condition(self, condition):
        """A request for the salesperson to apply the requested condition (see res_partner_tax_request.py)."""
        self.ensure_one()
        # The activity's note is HTML: the values (the person's name is typed in the portal) are
        # escaped into the translated text, so the note shows them as text.
        note = Markup(
            self.env._(
                "%(person)s asks to change the tax condition from “%(current)s” to “%(requested)s”. "
                "Check it and change it on the client if it is right."
            )
        ) % {
            "person": self.env.user.name,
            "current": self.tax_condition_id.name or "—",
            "requested": condition.name or "—",
        }
        summary = self.env._("Tax condition change requested")
        self._client_hub_open_tax_condition_request(condition, summary, note)  # res_partner_tax_request.py
