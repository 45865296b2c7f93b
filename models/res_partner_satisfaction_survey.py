from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .rating_rating import USER_GROUP

SURVEY_TEMPLATE = "client_hub.mail_template_satisfaction_survey"
CRON_BATCH = 1000  # clients per commit of the daily cron


class ResPartner(models.Model):
    """Satisfaction surveys by e-mail: each survey contact gets a rating request (Odoo's
    rating.rating with its access token) and an e-mail with five stars, sent through the mail queue."""

    _inherit = "res.partner"

    survey_contact_ids = fields.Many2many(
        "res.partner",
        "client_hub_survey_contact_rel",
        "client_id",
        "contact_id",
        string="Survey Contacts",
        domain="[('commercial_partner_id', '=', id), ('email', '!=', False)]",
        help="Who answers the satisfaction surveys (default: the invoice contact, else the client's e-mail).",
    )
    satisfaction_survey_date = fields.Date(
        string="Last Survey", readonly=True, copy=False, help="When the last satisfaction survey was sent."
    )

    @api.constrains("survey_contact_ids")
    def _check_survey_contacts(self):
        for partner in self:
            strangers = partner.survey_contact_ids - partner._client_hub_own_people(
                partner.survey_contact_ids
            )
            if strangers:
                raise ValidationError(
                    self.env._(
                        "%(contacts)s are not people of %(client)s: "
                        "a client's survey goes to its own people.",
                        contacts=", ".join(strangers.mapped("display_name")),
                        client=partner.display_name,
                    )
                )

    def action_send_satisfaction_survey(self):
        """Send the survey now to the survey contacts of the selected clients."""
        # The rest runs in sudo (requests, e-mails in the company's name): Client Hub users only.
        if not self.env.su and not self.env.user.has_group(USER_GROUP):
            raise AccessError(self.env._("Only Client Hub users send satisfaction surveys."))
        clients = self.filtered("is_client")
        if not clients:
            raise UserError(self.env._("Satisfaction surveys go to clients: none is selected."))
        sent = clients._client_hub_send_surveys(reuse_open=True)
        if not sent:
            raise UserError(
                self.env._(
                    "No survey contact with an e-mail address: choose survey contacts on the client first."
                )
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Satisfaction survey sent to %(count)s contact(s).", count=len(sent)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _client_hub_own_people(self, contacts):
        """Those of `contacts` who are this client's people (the client included)."""
        return contacts.filtered(lambda contact: contact.commercial_partner_id == self.commercial_partner_id)

    def _client_hub_survey_recipients(self):
        """The people asked: the chosen survey contacts, else the invoice contact, else the client;
        checked when sending: still the client's people, with an address that did not opt out."""
        self.ensure_one()

        def reachable(contacts):
            return self._client_hub_own_people(contacts).filtered(
                lambda contact: contact.email and not contact.is_blacklisted
            )

        chosen = reachable(self.survey_contact_ids)
        if chosen:
            return chosen
        invoice = reachable(self.child_ids.filtered(lambda child: child.type == "invoice"))[:1]
        return invoice or reachable(self)

    def _client_hub_send_surveys(self, reuse_open=False):
        """One rating request per recipient, e-mailed through the mail queue. An open request of the
        contact is sent again (reuse_open) or left alone (the schedule): never two open ones."""
        Rating = self.env["rating.rating"].sudo()
        today = fields.Date.context_today(self)
        pairs = [(client, contact) for client in self for contact in client._client_hub_survey_recipients()]
        self.sudo().satisfaction_survey_date = today  # nobody to ask: asked again next period
        if not pairs:
            return Rating
        open_requests = {
            (rating.client_id.id, rating.partner_id.id): rating
            for rating in Rating._client_hub_open_requests(self)
        }
        to_send, to_create = Rating, []
        for client, contact in pairs:
            existing = open_requests.get((client.id, contact.id))
            if existing:
                if reuse_open:
                    to_send |= existing
                continue
            to_create.append(
                {
                    "client_id": client.id,
                    "partner_id": contact.id,
                    "channel": "email",
                    "survey_sent": True,
                    "consumed": False,
                    "rating_date": today,
                    "is_internal": False,
                }
            )
        # The re-sent link works as long as its new e-mail says, counted from today.
        to_send.survey_resent_on = fields.Datetime.now()
        to_send |= Rating.create(to_create)
        if to_send:
            template = self.env.ref(SURVEY_TEMPLATE).sudo()
            template.send_mail_batch(to_send.ids, force_send=False)
        return to_send

    @api.model
    def _cron_send_satisfaction_surveys(self):
        """Daily: the clients whose status asks for a survey and whose last one is old enough."""
        today = fields.Date.context_today(self)
        statuses = self.env["res.partner.client.status"].search([("survey_interval_months", ">", 0)])
        domain_parts = [
            [
                ("client_status_id", "=", status.id),
                "|",
                ("satisfaction_survey_date", "=", False),
                ("satisfaction_survey_date", "<=", today - relativedelta(months=months)),
            ]
            for status in statuses
            if (months := status.survey_interval_months)
        ]
        if not domain_parts:
            return
        domain = fields.Domain.OR(domain_parts) & fields.Domain("is_client", "=", True)
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        while clients := self.search(domain, limit=CRON_BATCH, order="id"):
            clients._client_hub_send_surveys()
            if in_cron:
                self.env["ir.cron"]._commit_progress(len(clients), remaining=self.search_count(domain))
            else:
                self.env.flush_all()
