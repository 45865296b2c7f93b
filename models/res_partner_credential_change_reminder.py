from odoo import api, fields, models


class ResPartnerCredential(models.Model):
    """The date by which a secret should change, and the daily reminder of the secrets overdue."""

    _inherit = "res.partner.credential"

    rotate_on = fields.Date(
        string="Change By", tracking=True, help="The date by which the secret should be changed."
    )

    @api.model
    def _cron_rotation_reminders(self):
        """Put a to-do on credentials due for a change, for each of their allowed users."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        due = self.search([("rotate_on", "<", fields.Date.context_today(self)), ("user_ids", "!=", False)])
        for credential in due:
            reminded = credential.activity_ids.filtered(lambda a: a.activity_type_id == todo).user_id
            for user in credential.user_ids - reminded:
                credential.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=credential.rotate_on,
                    summary=self.env._("Change this secret"),
                    user_id=user.id,
                )
