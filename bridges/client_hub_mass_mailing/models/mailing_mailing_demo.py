from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.tools import SQL

SENT_DAYS_AGO = 60


class MailingMailing(models.Model):
    """The demo's sent mailing: sent 60 days ago to the clients that were prospects that day (the demo
    journeys of client_hub), so that the Journey Analysis shows those that became Active after it."""

    _inherit = "mailing.mailing"

    @api.model
    def _client_hub_load_demo_results(self, mailing_id):
        mailing = self.browse(mailing_id)
        sent = datetime.combine(fields.Date.context_today(self) - timedelta(days=SENT_DAYS_AGO), time(9, 30))
        prospect = self.env.ref("client_hub.client_status_prospect")
        self.env["res.partner.status.history"].flush_model()
        self.env.cr.execute(
            SQL(
                """SELECT partner_id FROM (
                       SELECT DISTINCT ON (partner_id) partner_id, to_status_id
                         FROM res_partner_status_history
                        WHERE date <= %s
                     ORDER BY partner_id, date DESC, id DESC
                   ) last_change
                  WHERE to_status_id = %s""",
                sent,
                prospect.id,
            )
        )
        prospects = self.env["res.partner"].browse([row[0] for row in self.env.cr.fetchall()]).exists()
        # Mailed at their office address: the generated demo clients have none yet.
        for client in prospects.filtered(lambda client: not client.email):
            client.email = f"office.{client.id}@example.com"
        self.env["mailing.trace"].create(
            [
                {
                    "mass_mailing_id": mailing.id,
                    "model": "res.partner",
                    "res_id": client.id,
                    "email": client.email_normalized or client.email,
                    "trace_status": "sent",
                    "sent_datetime": sent,
                }
                for client in prospects
            ]
        )
        mailing.write({"state": "done", "sent_date": sent})
