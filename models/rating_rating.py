import re
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .computed_fields import check_not_computed
from .input_checks import check_record_ids
from .readable_names import readable_names

SCORES = range(1, 6)
CSAT_SATISFIED = 4  # CSAT counts the 4s and 5s
USER_GROUP = "client_hub.group_client_hub_user"
MANAGER_GROUP = "client_hub.group_client_hub_manager"
CLIENT_MODEL = "res.partner"
TASK_MODEL = "project.task"
CHANNELS = [
    ("internal", "Internal"),
    ("portal", "Portal"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("task", "Project Task"),
]
# The channels in which the client's own people answer (shown to them in the portal).
CLIENT_CHANNELS = ("portal", "email")
DEFAULT_PERIOD_MONTHS = 1  # one answer per contact and period when the status asks for none
SURVEY_VALID_DAYS = 30  # a survey e-mail's link answers (and changes its answer) that long
TOKEN_FORMAT = re.compile(r"[A-Za-z0-9_-]{1,64}")  # what a token can be; anything else is not searched
# What the survey sending alone sets: the response rate's base and the survey page's key.
SURVEY_BOOKKEEPING = ("survey_sent", "survey_resent_on")
# What a rating rates and whose it is: a rating is never moved to another record.
TARGET_FIELDS = ("res_model_id", "res_model", "res_id", "client_id")


class RatingRating(models.Model):
    """Client satisfaction lives in Odoo's ratings: the client is the rated record (res.partner),
    the person who answered is the rating's partner_id. Task ratings of a client's people are
    linked to the client too (channel Project Task), for the analysis only."""

    _inherit = "rating.rating"
    _check_company_auto = True

    # The survey page finds its request by token: one indexed lookup, however many ratings. The
    # token is the answering person's credential: nobody reads it but the code (in sudo: the
    # e-mails, the pages) and the administrators.
    access_token = fields.Char(index="btree_not_null", groups="base.group_system")
    client_id = fields.Many2one(
        "res.partner",
        index="btree_not_null",
        ondelete="cascade",
        check_company=True,
        readonly=True,
        help="The client (commercial partner) the rating is about.",
    )
    channel = fields.Selection(CHANNELS)
    rating_date = fields.Date(string="Date", index="btree_not_null")
    recorded_by_id = fields.Many2one("res.users", string="Recorded by")
    survey_sent = fields.Boolean(readonly=True, help="Asked by an e-mail survey (the response rate's base).")
    # The link works SURVEY_VALID_DAYS from its latest e-mail: the creation, or this when sent again.
    survey_resent_on = fields.Datetime(
        string="Survey Sent Again",
        readonly=True,
        copy=False,
        help="When the survey e-mail was last sent again.",
    )
    # The client's company when the rating was recorded: moving the rating to a client of another
    # company is then refused by check_company.
    company_id = fields.Many2one("res.company", index="btree_not_null", readonly=True, copy=False)
    csat = fields.Float(
        string="CSAT (%)",
        compute="_compute_csat",
        store=True,
        aggregator="avg",
        help="100 for a score of 4 or 5, else 0: its average is the share of satisfied ratings.",
    )

    @api.depends("rating", "consumed", "client_id")
    def _compute_csat(self):
        for rating in self:
            rating.csat = (100.0 if rating.rating >= CSAT_SATISFIED else 0.0) if rating.client_id else 0.0

    @api.constrains("rating", "consumed", "res_model", "client_id")
    def _check_client_score(self):
        for rating in self:
            if rating.res_model != CLIENT_MODEL or not rating.consumed:
                continue
            if rating.rating not in SCORES:
                raise ValidationError(
                    self.env._("A satisfaction score goes from 1 to 5, not %(score)s.", score=rating.rating)
                )

    @api.constrains("rating_date")
    def _check_rating_date(self):
        today = fields.Date.context_today(self)
        for rating in self:
            if rating.rating_date and rating.rating_date > today:
                raise ValidationError(
                    self.env._(
                        "A rating cannot be dated in the future (%(date)s): it would stay the latest score.",
                        date=rating.rating_date,
                    )
                )

    @api.constrains("client_id", "res_model_id", "res_id", "partner_id")
    def _check_client(self):
        for rating in self.filtered(lambda rating: rating.res_model == CLIENT_MODEL):
            if not rating.client_id.is_client or rating.res_id != rating.client_id.id:
                raise ValidationError(
                    self.env._(
                        "Only clients are rated: %(partner)s is not a client.",
                        partner=readable_names(self.env[CLIENT_MODEL].browse(rating.res_id)),
                    )
                )
            if rating.partner_id and rating.partner_id.commercial_partner_id != rating.client_id:
                raise ValidationError(
                    self.env._(
                        "%(contact)s is not one of %(client)s's people: "
                        "a client's rating is given by its own people.",
                        contact=readable_names(rating.partner_id),
                        client=readable_names(rating.client_id),
                    )
                )

    @api.constrains("client_id", "res_model_id", "channel")
    def _check_client_link(self):
        """Only a client's own ratings and its people's task ratings count as the client's."""
        for rating in self:
            if rating.client_id and rating.res_model not in (CLIENT_MODEL, TASK_MODEL):
                raise ValidationError(
                    self.env._(
                        "A rating of %(model)s is not a client's rating: only clients and project tasks are.",
                        model=rating.res_model,
                    )
                )
            if (rating.channel == "task") != (rating.res_model == TASK_MODEL and bool(rating.client_id)):
                raise ValidationError(
                    self.env._("The Project Task channel is that of the ratings of a client's project tasks.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # Read below before the ORM converts them: a model's name is no model's id.
            check_record_ids(self, vals, ("res_model_id", "res_id", "client_id", "partner_id"))
        sent = [dict(vals) for vals in vals_list]  # as sent, before the client's values are added
        clients = [
            given for vals, given in zip(vals_list, sent, strict=True) if self._client_hub_prepare(vals)
        ]
        if clients and not self.env.su and not self.env.user.has_group(USER_GROUP):
            raise AccessError(self.env._("Only Client Hub users record client ratings."))
        if not self.env.su and any(vals.get(name) for vals in vals_list for name in SURVEY_BOOKKEEPING):
            self._raise_bookkeeping()
        # Absent means not sent: explicit values outweigh any default (a personal ir.default too).
        for vals in vals_list:
            for name in SURVEY_BOOKKEEPING:
                vals.setdefault(name, False)
        for vals in clients:
            self._check_authorship(vals)
            self._check_bookkeeping(vals)
            self._check_score_value(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_target_kept(vals)
            if self.filtered(lambda rating: rating.client_id and rating.res_model != CLIENT_MODEL):
                # A client's task rating is its people's answer (Odoo's token flow, in sudo).
                raise UserError(self.env._("A rating the client gave cannot be changed by the team."))
        clients = self.filtered(lambda rating: rating.res_model == CLIENT_MODEL)
        if clients and not self.env.su:
            clients._check_bookkeeping(vals)
            clients.check_access("write")  # who may not write at all hears so first
            if any(rating.channel in CLIENT_CHANNELS for rating in clients):
                raise UserError(self.env._("A rating the client gave cannot be changed by the team."))
            if not self.env.user.has_group(MANAGER_GROUP) and any(
                rating.recorded_by_id != self.env.user for rating in clients
            ):
                raise AccessError(self.env._("Only its author and Client Hub managers may change a rating."))
            clients._check_authorship(vals)
        if clients:
            self._check_score_value(vals)
        return super().write(vals)

    def _check_target_kept(self, vals):
        """Nobody moves a rating to another record or client (a task's into a client's answer),
        changes who gave a client's rating, or writes the survey bookkeeping."""
        if set(SURVEY_BOOKKEEPING) & set(vals):
            self._raise_bookkeeping()
        if set(TARGET_FIELDS) & set(vals) or ("partner_id" in vals and self.filtered("client_id")):
            raise UserError(
                self.env._("A rating stays with what it rates and who gave it: record a new one instead.")
            )

    def _raise_bookkeeping(self):
        raise UserError(self.env._("Only sending a survey marks a rating as a survey request."))

    def _check_score_value(self, vals):
        # Before Odoo's 0-5 SQL check, which would answer with a database error.
        if "rating" in vals and vals["rating"] not in SCORES:
            raise ValidationError(
                self.env._("A satisfaction score goes from 1 to 5, not %(score)s.", score=vals["rating"])
            )

    def _client_hub_prepare(self, vals):
        """Complete the values of a client rating (given as client_id, or as a res.partner record):
        the client is the commercial partner, a contact given as client becomes who answered."""
        Partner = self.env[CLIENT_MODEL]
        model_id = vals.get("res_model_id")
        if vals.get("client_id") and not model_id:
            model_id = vals["res_model_id"] = self.env["ir.model"]._get_id(CLIENT_MODEL)
            vals["res_id"] = vals["client_id"]
        if not model_id or not vals.get("res_id"):
            return False
        model = self.env["ir.model"].sudo().browse(model_id).model
        if model == TASK_MODEL:
            client = self._client_hub_task_client(vals)
            if client:
                vals.update(client_id=client.id, channel="task", company_id=client.company_id.id)
            elif vals.get("client_id"):
                raise UserError(
                    self.env._("A task's rating is a client's only when the client's people answer it.")
                )
            return False  # Odoo's own flow, none of the checks below
        if model != CLIENT_MODEL:
            return False
        partner = Partner.browse(vals["res_id"]).sudo()
        client = partner.commercial_partner_id
        if client != partner:
            vals.setdefault("partner_id", partner.id)
        vals.update(res_id=client.id, client_id=client.id, company_id=client.company_id.id)
        vals.setdefault("channel", "internal")
        if not vals.get("rating_date"):  # sent empty too: a client's rating is always dated
            vals["rating_date"] = fields.Date.context_today(self)
        if "rating" in vals and "consumed" not in vals:
            vals["consumed"] = True
        if "recorded_by_id" not in vals and vals["channel"] not in CLIENT_CHANNELS:
            vals["recorded_by_id"] = self.env.uid
        return True

    def _client_hub_task_client(self, vals):
        """The client whose answer a new task rating is: only through Odoo's own flows (the rating
        request's token page, a message with a rating: both in sudo), and only when the person who
        answers is one of the people of the task's client. A rating an employee creates or posts
        (its own partner answering) is Odoo's project rating, none of the client's."""
        Partner = self.env[CLIENT_MODEL].sudo()
        if not self.env.su or not vals.get("partner_id"):
            return Partner
        task = self.env[TASK_MODEL].sudo().browse(vals["res_id"])
        client = task.partner_id.commercial_partner_id
        answered_by = Partner.browse(vals["partner_id"])
        if not client.is_client or answered_by.commercial_partner_id != client:
            return Partner
        return client

    def _check_bookkeeping(self, vals):
        """The company follows the client; the computed fields are computed."""
        check_not_computed(self, vals)
        if "company_id" in vals and not self.env.su:
            raise UserError(self.env._("A rating's company is its client's: change the client instead."))

    def _check_authorship(self, vals):
        """The client's channels are the client's; staff record ratings in their own name."""
        if self.env.su:
            return
        if vals.get("channel") in CLIENT_CHANNELS:
            raise UserError(
                self.env._(
                    "Only the client answers in the portal or to an e-mail survey: record another channel."
                )
            )
        if vals.get("recorded_by_id", self.env.uid) != self.env.uid and not self.env.user.has_group(
            MANAGER_GROUP
        ):
            raise AccessError(
                self.env._("Record ratings in your own name: only managers change who recorded one.")
            )

    # ------------------------------------------------------------------ the client's answers
    def _client_hub_period_start(self, client, day):
        """One answer per contact and period: the period is how often the client's status asks."""
        months = client.client_status_id.survey_interval_months or DEFAULT_PERIOD_MONTHS
        return day - relativedelta(months=months)

    # ------------------------------------------------------------------ e-mail surveys
    @api.model
    def _client_hub_survey_valid_domain(self):
        """The survey requests whose latest e-mail (the first, or the one sent again) is recent."""
        since = fields.Datetime.now() - timedelta(days=SURVEY_VALID_DAYS)
        return fields.Domain("survey_resent_on", ">=", since) | (
            fields.Domain("survey_resent_on", "=", False) & fields.Domain("create_date", ">=", since)
        )

    @api.model
    def _client_hub_open_requests(self, clients):
        """The survey requests of these clients still waiting for an answer."""
        return self.sudo().search(
            fields.Domain(
                [
                    ("client_id", "in", clients.ids),
                    ("res_model", "=", CLIENT_MODEL),
                    ("survey_sent", "=", True),
                    ("consumed", "=", False),
                ]
            )
            & self._client_hub_survey_valid_domain()
        )

    @api.model
    def _client_hub_asked_this_period(self, clients):
        """{(client id, contact id): latest request} of the contacts these clients asked within
        their period (the status's survey interval), or whose request is still open."""
        today = fields.Date.context_today(self)
        starts = {client.id: self._client_hub_period_start(client, today) for client in clients}
        if not starts:
            return {}
        open_requests = self._client_hub_open_requests(clients)
        requests = (
            self.sudo().search(
                [
                    ("client_id", "in", clients.ids),
                    ("res_model", "=", CLIENT_MODEL),
                    ("survey_sent", "=", True),
                    ("create_date", ">=", min(starts.values())),
                ]
            )
            | open_requests
        )
        asked = {}
        for request in requests.sorted(lambda request: (request.create_date, request.id), reverse=True):
            key = (request.client_id.id, request.partner_id.id)
            in_period = request.create_date.date() > starts[request.client_id.id]
            if key not in asked and (in_period or request in open_requests):
                asked[key] = request
        return asked

    @api.model
    def _client_hub_survey_from_token(self, token):
        """The survey request of a token (sudo), empty when unknown, expired, or no longer a client's."""
        if not isinstance(token, str) or not TOKEN_FORMAT.fullmatch(token):
            return self.sudo().browse()
        rating = self.sudo().search(
            fields.Domain(
                [("access_token", "=", token), ("res_model", "=", CLIENT_MODEL), ("survey_sent", "=", True)]
            )
            & self._client_hub_survey_valid_domain(),
            limit=1,
        )
        return rating.filtered("client_id.is_client")

    def _client_hub_survey_answer(self, score, comment):
        """The answer given through the survey e-mail's page: recorded once, changed by a new one."""
        self.ensure_one()
        return self._client_hub_answer(self.client_id, self.partner_id, score, comment, "email", request=self)

    @api.model
    def _client_hub_portal_rate(self, score, comment):
        """A rating given by the current portal user for its client (the portal's form)."""
        client = self.env["res.partner"]._client_hub_portal_client_or_raise()
        return self._client_hub_answer(client, self.env.user.partner_id, score, comment, "portal")

    @api.model
    def _client_hub_answer(self, client, contact, score, comment, channel, request=None):
        """Record an answer of `contact` for `client` (trusted caller: portal or token page).
        Within the period, the contact's previous answer is replaced, never added to."""
        if score not in SCORES:
            raise UserError(self.env._("Choose from 1 to 5 stars."))
        if not client.is_client:
            raise UserError(
                self.env._(
                    "Only clients are rated: %(partner)s is not a client.", partner=readable_names(client)
                )
            )
        Rating = self.sudo()
        today = fields.Date.context_today(self)
        values = {
            "rating": score,
            "feedback": comment,
            "consumed": True,
            "rating_date": today,
            "channel": channel,
        }
        # The contact's answers of the period: the latest is replaced, the others no longer count.
        answers = Rating.search(
            [
                ("client_id", "=", client.id),
                ("res_model", "=", CLIENT_MODEL),
                ("partner_id", "=", contact.id),
                ("channel", "in", CLIENT_CHANNELS),
                ("consumed", "=", True),
                ("rating_date", ">", self._client_hub_period_start(client, today)),
            ],
            order="rating_date desc, id desc",
        )
        rating = request or answers[:1]
        if rating:
            rating.write(values)
        else:
            rating = Rating.create({**values, "client_id": client.id, "partner_id": contact.id})
        (answers - rating).unlink()
        return rating
