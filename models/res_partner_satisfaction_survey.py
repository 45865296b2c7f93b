from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .rating_rating import USER_GROUP
from .readable_names import readable_names

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
                        contacts=readable_names(strangers),
                        client=readable_names(partner),
                    )
                )

    def action_send_satisfaction_survey(self):
        """Send the survey now to the survey contacts of the selected clients: once per period and
        contact; every click hears what was sent and who was already asked."""
        # The rest runs in sudo (requests, e-mails in the company's name): Client Hub users only.
        if not self.env.su and not self.env.user.has_group(USER_GROUP):
            raise AccessError(self.env._("Only Client Hub users send satisfaction surveys."))
        clients = self.filtered("is_client")
        if not clients:
            raise UserError(self.env._("Satisfaction surveys go to clients: none is selected."))
        recipients = {
            (client.id, contact.id)
            for client in clients
            for contact in client._client_hub_survey_recipients()
        }
        asked = {
            key: request
            for key, request in self.env["rating.rating"]._client_hub_asked_this_period(clients).items()
            if key in recipients
        }
        sent = clients._client_hub_send_surveys()
        if not sent and not asked:
            raise UserError(
                self.env._(
                    "No survey contact with an e-mail address: choose survey contacts on the client first."
                )
            )
        messages = []
        if sent:
            messages.append(self.env._("Satisfaction survey sent to %(count)s contact(s).", count=len(sent)))
        if asked:
            messages.append(
                self.env._(
                    "Already asked this period, not asked again: %(contacts)s.",
                    contacts=", ".join(
                        f"{request.partner_id.name or request.client_id.name} "
                        f"({fields.Date.to_string(request.create_date.date())})"
                        for request in asked.values()
                    ),
                )
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if sent else "warning",
                "message": " ".join(messages),
                # The page shows the new Last Survey date.
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
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

    def _client_hub_send_surveys(self):
        """One rating request per recipient, e-mailed through the mail queue: a contact asked within
        the client's period (or with a request still open) is not asked again."""
        Rating = self.env["rating.rating"].sudo()
        today = fields.Date.context_today(self)
        pairs = [(client, contact) for client in self for contact in client._client_hub_survey_recipients()]
        self.sudo().satisfaction_survey_date = today  # nobody to ask: asked again next period
        if not pairs:
            return Rating
        asked = Rating._client_hub_asked_this_period(self)
        requests = Rating.create(
            [
                {
                    "client_id": client.id,
                    "partner_id": contact.id,
                    "channel": "email",
                    "survey_sent": True,
                    "consumed": False,
                    "rating_date": today,
                    "is_internal": False,
                }
                for client, contact in pairs
                if (client.id, contact.id) not in asked
            ]
        )
        if requests:
            self._client_hub_mail_surveys(requests)
        return requests

    @api.model
    def _client_hub_mail_surveys(self, requests):
        """The survey e-mails hold the requests' tokens: they go out through the mail queue only,
        attached to no record (a message on the rating would be read by whoever reads the rating),
        created and authored by the superuser, so that only the administrators (the queue) read
        them until they are sent and deleted."""
        template = self.env.ref(SURVEY_TEMPLATE).with_user(SUPERUSER_ID)
        return template.send_mail_batch(
            requests.ids,
            force_send=False,
            email_values={
                "model": False,
                "res_id": False,
                "author_id": self.env.ref("base.partner_root").id,
                "auto_delete": True,
            },
        )

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
