from odoo import api, models
from odoo.exceptions import AccessError

# What the client's people fill in on the portal's credential form.
PORTAL_FIELDS = frozenset({"name", "platform", "url", "port", "login", "secret", "note"})


class ResPartnerCredential(models.Model):
    """The portal hand-over: a client's people give or replace a credential of their own client."""

    _inherit = "res.partner.credential"

    @api.model
    def _client_hub_portal_save(self, values, credential_id=None):
        """Save the portal's credential form for the current portal user's client (a contact a
        manager gave the vault right): a new credential, allowed to nobody but the managers until
        a manager allows someone, or one of the client's own (found through the portal's record
        rule). Logged with the portal user; the allowed users, else the salesperson, get a to-do.
        Only the form's fields are taken."""
        client = self.env["res.partner"]._client_hub_portal_vault_client_or_raise()
        values = {name: value for name, value in values.items() if name in PORTAL_FIELDS}
        if credential_id:
            # Searched as the portal user now, before the write: the portal rule is read in SQL at
            # query time, so a right revoked or a contact moved a moment ago is already seen.
            credential = self.search([("id", "=", credential_id), ("partner_id", "=", client.id)]).sudo()
            if not credential:
                raise AccessError(self.env._("This credential is not one of your company's."))
            credential.write(values)
        else:
            credential = self.sudo().create({**values, "partner_id": client.id})
        credential._notify_handed_over()
        return credential

    def _notify_handed_over(self):
        """Tell the people working with a credential that the client handed it over or changed it."""
        for credential in self:
            users = credential.user_ids or credential.partner_id.user_id
            summary = self.env._("Credential updated by the client in the portal")
            for user in users:
                credential.activity_schedule("mail.mail_activity_data_todo", summary=summary, user_id=user.id)
            if not users:
                credential.message_post(body=summary, subtype_xmlid="mail.mt_note")
