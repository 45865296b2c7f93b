from odoo import models


class MailingTrace(models.Model):
    _inherit = "mailing.trace"

    # The Journey Analysis reads, for each client's stage, the e-mails sent to the client's contacts
    # (models/res_partner_journey_report.py): Odoo indexes traces by mailing, not by recipient.
    _client_hub_sent_to_partner_index = models.Index(
        "(res_id, sent_datetime) WHERE model = 'res.partner' AND sent_datetime IS NOT NULL"
    )
