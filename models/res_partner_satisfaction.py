from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .computed_fields import check_not_computed

SCORES = range(1, 6)
CSAT_SATISFIED = 4  # CSAT counts the 4s and 5s
MANAGER_GROUP = "client_hub.group_client_hub_manager"
CHANNELS = [("internal", "Internal"), ("portal", "Portal"), ("email", "Email"), ("phone", "Phone")]


class ResPartnerSatisfaction(models.Model):
    _name = "res.partner.satisfaction"
    _description = "Client Satisfaction"
    _order = "date desc, id desc"
    _rec_name = "partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        domain=[("is_client", "=", True)],
    )
    contact_id = fields.Many2one("res.partner", string="Given by", ondelete="set null", check_company=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    score = fields.Integer(
        required=True, aggregator="avg", help="From 1 (very unsatisfied) to 5 (very satisfied)."
    )
    comment = fields.Text()
    channel = fields.Selection(
        CHANNELS,
        required=True,
        default="internal",
    )
    user_id = fields.Many2one("res.users", string="Recorded by", default=lambda self: self.env.user)
    # The client's company when the rating was recorded (see create()): moving the rating to a
    # client of another company is then refused by check_company.
    company_id = fields.Many2one(
        "res.company", index=True, readonly=True, copy=False, default=lambda self: self.env.company
    )
    csat = fields.Float(
        string="CSAT (%)",
        compute="_compute_csat",
        store=True,
        aggregator="avg",
        help="100 for a score of 4 or 5, else 0: its average is the share of satisfied clients.",
    )
    # Stored copies of the client's profile, so that reports group by them without joins.
    client_status_id = fields.Many2one(related="partner_id.client_status_id", store=True, string="Status")
    client_category_id = fields.Many2one(
        related="partner_id.client_category_id", store=True, string="Category"
    )
    tax_condition_id = fields.Many2one(
        related="partner_id.tax_condition_id", store=True, string="Tax Condition"
    )
    acquisition_source_id = fields.Many2one(
        related="partner_id.acquisition_source_id", store=True, string="Acquisition Source"
    )

    @api.depends("score")
    def _compute_csat(self):
        for rating in self:
            rating.csat = 100.0 if rating.score >= CSAT_SATISFIED else 0.0

    @api.constrains("score")
    def _check_score(self):
        for rating in self:
            if rating.score not in SCORES:
                raise ValidationError(
                    self.env._("A satisfaction score goes from 1 to 5, not %(score)s.", score=rating.score)
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_authorship(vals)
            self._check_bookkeeping(vals)
        # Ratings belong to the client (the commercial partner); the person stays as contact_id.
        partners = self.env["res.partner"].browse(
            {vals["partner_id"] for vals in vals_list if vals.get("partner_id")}
        )
        commercial = {partner.id: partner.commercial_partner_id for partner in partners}
        for vals in vals_list:
            partner = commercial.get(vals.get("partner_id"))
            if partner and partner.id != vals["partner_id"]:
                vals.setdefault("contact_id", vals["partner_id"])
                vals["partner_id"] = partner.id
            if partner:
                vals["company_id"] = partner.sudo().company_id.id
        return super().create(vals_list)

    def write(self, vals):
        self._check_bookkeeping(vals)
        if not self.env.su:
            self.check_access("write")  # who may not write at all hears so first
            if any(rating.channel == "portal" for rating in self):
                raise UserError(self.env._("A rating the client gave in the portal cannot be changed."))
            if not self._is_manager() and any(rating.user_id != self.env.user for rating in self):
                raise AccessError(self.env._("Only its author and Client Hub managers may change a rating."))
            self._check_authorship(vals)
        return super().write(vals)

    def _check_bookkeeping(self, vals):
        """The company follows the client; the computed fields are computed."""
        check_not_computed(self, vals)
        if "company_id" in vals and not self.env.su:
            raise UserError(self.env._("A rating's company is its client's: change the client instead."))

    def _check_authorship(self, vals):
        """Portal ratings come from the portal only; staff record ratings in their own name."""
        if self.env.su:
            return
        if vals.get("channel") == "portal":
            raise UserError(self.env._("Only the client gives ratings of the channel Portal, in the portal."))
        if "user_id" in vals and vals["user_id"] != self.env.uid and not self._is_manager():
            raise AccessError(
                self.env._("Record ratings in your own name: only managers change who recorded one.")
            )

    def _is_manager(self):
        return self.env.user.has_group(MANAGER_GROUP)

    @api.model
    def _client_hub_portal_rate(self, score, comment):
        """A rating given by the current portal user for its client (the portal's form)."""
        client = self.env["res.partner"]._client_hub_portal_client_or_raise()
        return self.sudo().create(
            {
                "partner_id": client.id,
                "contact_id": self.env.user.partner_id.id,
                "score": score,
                "comment": comment,
                "channel": "portal",
                "date": fields.Date.context_today(self),
                "user_id": self.env.uid,
            }
        )
