from collections import defaultdict

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Fields of optional Odoo modules shown on the Client page when those modules are installed.
OPTIONAL_INVOICING_FIELDS = ("peppol_eas", "peppol_endpoint", "global_location_number")


class ResPartner(models.Model):
    _inherit = "res.partner"

    client_status_id = fields.Many2one(
        "res.partner.client.status",
        index=True,
        tracking=True,
        ondelete="restrict",
        group_expand="_read_group_client_status_ids",
        help="A partner with a status is a client.",
    )
    is_client = fields.Boolean(
        compute="_compute_is_client",
        store=True,
        index=True,
        help="A commercial partner (company or individual) with a client status.",
    )
    client_category_id = fields.Many2one(
        "res.partner.client.category",
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    client_since = fields.Date(tracking=True, help="Set to the day the partner first became a client.")
    tax_condition_id = fields.Many2one(
        "res.partner.tax.condition", index=True, tracking=True, ondelete="restrict"
    )
    acquisition_source_id = fields.Many2one(
        "utm.source",
        index=True,
        ondelete="set null",
        help="How the client found us.",
    )
    referred_by_id = fields.Many2one("res.partner", ondelete="set null")
    gender = fields.Selection([("female", "Female"), ("male", "Male"), ("other", "Other")])
    client_currency_id = fields.Many2one(
        "res.currency",
        string="Invoicing Currency",
        help="New customer invoices of this client use this currency.",
    )
    satisfaction_ids = fields.One2many(
        "res.partner.satisfaction", "partner_id", string="Satisfaction History"
    )
    satisfaction_score = fields.Integer(
        string="Satisfaction",
        compute="_compute_satisfaction",
        store=True,
        aggregator="avg",
        help="The latest satisfaction score, from 1 to 5 (0: none yet).",
    )
    satisfaction_average = fields.Float(
        string="Average Satisfaction",
        compute="_compute_satisfaction",
        store=True,
        aggregator="avg",
        digits=(3, 2),
    )
    satisfaction_count = fields.Integer(string="Ratings", compute="_compute_satisfaction", store=True)

    @api.depends("client_status_id", "commercial_partner_id")
    def _compute_is_client(self):
        for partner in self:
            partner.is_client = bool(partner.client_status_id) and partner.commercial_partner_id == partner

    @api.depends("satisfaction_ids.score", "satisfaction_ids.date")
    def _compute_satisfaction(self):
        for partner in self:
            ratings = partner.satisfaction_ids
            latest = ratings.sorted(lambda rating: (rating.date, rating._origin.id or 0), reverse=True)[:1]
            partner.satisfaction_score = latest.score
            partner.satisfaction_count = len(ratings)
            partner.satisfaction_average = sum(ratings.mapped("score")) / len(ratings) if ratings else 0.0

    @api.model
    def _read_group_client_status_ids(self, statuses, domain):
        # Every status is a column of the Clients kanban, even an empty one.
        # A handful of statuses: all of them, unlimited.
        return statuses.search([])  # pylint: disable=no-search-all

    @api.constrains("ref", "company_id", "parent_id", "is_company")
    def _check_client_number_unique(self):
        numbered = self.filtered(lambda partner: partner.ref and partner.commercial_partner_id == partner)
        if not numbered:
            return
        # One query for the whole batch: every commercial partner using one of these numbers.
        same_numbers = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [
                    ("ref", "in", list(set(numbered.mapped("ref")))),
                    "|",
                    ("is_company", "=", True),
                    ("parent_id", "=", False),
                ],
                ["ref", "company_id", "display_name"],
            )
        )
        by_number = defaultdict(list)
        for other in same_numbers:
            by_number[other.ref].append(other)
        for partner in numbered:
            for other in by_number[partner.ref]:
                same_company = (
                    not partner.company_id or not other.company_id or partner.company_id == other.company_id
                )
                if other.id != partner.id and same_company:
                    raise ValidationError(
                        self.env._(
                            "The client number %(number)s is already used by %(client)s.",
                            number=partner.ref,
                            client=other.display_name,
                        )
                    )

    @api.constrains("tax_condition_id", "vat")
    def _check_tax_condition_vat(self):
        for partner in self:
            if (
                partner.tax_condition_id.vat_required
                and not partner.vat
                and partner.commercial_partner_id == partner
            ):
                raise ValidationError(
                    self.env._(
                        "%(client)s has the tax condition “%(condition)s”, which requires a tax ID (VAT).",
                        client=partner.display_name,
                        condition=partner.tax_condition_id.name,
                    )
                )

    @api.model
    def _commercial_fields(self):
        # The client profile belongs to the company: its contacts follow it.
        return [
            *super()._commercial_fields(),
            "client_status_id",
            "client_category_id",
            "tax_condition_id",
            "acquisition_source_id",
            "referred_by_id",
            "client_currency_id",
        ]

    @api.model_create_multi
    def create(self, vals_list):
        # Number new clients in their values, not with a second write per record.
        today = fields.Date.context_today(self)
        for vals in vals_list:
            if vals.get("client_status_id") and (vals.get("is_company") or not vals.get("parent_id")):
                vals.setdefault("client_since", today)
                if not vals.get("ref"):
                    vals["ref"] = self._next_client_number(vals.get("company_id"))
        return super().create(vals_list)

    def write(self, vals):
        result = super().write(vals)
        if "client_status_id" in vals or "parent_id" in vals or "is_company" in vals:
            self._onboard_clients()
        return result

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        arch, view = super()._get_view(view_id, view_type, **options)
        if view_type == "form":
            group = arch.find(".//group[@name='client_hub_einvoicing']")
            if group is not None:
                for field_name in OPTIONAL_INVOICING_FIELDS:
                    if field_name in self._fields:
                        etree.SubElement(group, "field", name=field_name)
                if not len(group):
                    group.getparent().remove(group)
        return arch, view

    def action_open_satisfaction(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("client_hub.res_partner_satisfaction_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id, "search_default_group_partner": 0}
        return action

    @api.model
    def _next_client_number(self, company_id=False):
        company = self.env["res.company"].browse(company_id) or self.env.company
        return self.env["ir.sequence"].with_company(company).next_by_code("res.partner.client.number")

    def _onboard_clients(self):
        """Give partners that became clients a client number and a client-since date."""
        for client in self.filtered("is_client"):
            values = {}
            if not client.ref:
                values["ref"] = self._next_client_number(client.company_id.id)
            if not client.client_since:
                values["client_since"] = fields.Date.context_today(client)
            if values:
                client.write(values)
