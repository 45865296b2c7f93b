from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.sql import column_exists, create_column

from .computed_fields import check_not_computed
from .readable_names import readable_names

CLIENT_NUMBER_CODE = "res.partner.client.number"
# The values that make a new partner a client and give it its number, defaults included.
CLIENT_DECIDING_FIELDS = ("client_status_id", "is_company", "parent_id", "client_since", "ref", "company_id")


class ResPartner(models.Model):
    """The client profile (status, category, client-since date, tax condition, acquisition) and the
    client numbering."""

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
        "res.partner.tax.condition",
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('country_id', 'in', [country_id, False])]",
    )
    acquisition_source_id = fields.Many2one(
        "utm.source",
        index=True,
        ondelete="set null",
        help="How the client found us.",
    )
    # Within the client's company, as Odoo's parent_id: a partner of another company set here would
    # be read back by name (a many2one's name is read in sudo). Checked on write only: a reference
    # made before stays until the field or the client's company is changed.
    referred_by_id = fields.Many2one("res.partner", ondelete="set null", check_company=True)
    client_currency_id = fields.Many2one(
        "res.currency",
        string="Invoicing Currency",
        help="New customer invoices of this client use this currency.",
    )

    @api.depends("client_status_id", "commercial_partner_id")
    def _compute_is_client(self):
        for partner in self:
            partner.is_client = bool(partner.client_status_id) and partner.commercial_partner_id == partner

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
                            client=readable_names(other),
                        )
                    )

    @api.constrains("referred_by_id", "company_id")
    def _check_referrer_company(self):
        # check_company's own domain, before its refusal, which names the referrer in sudo: to a user
        # who may not read it, one id after the other.
        for partner in self.filtered("referred_by_id"):
            referrer = partner.sudo().referred_by_id
            domain = referrer._check_company_domain(partner.company_id)
            if domain and not referrer.with_context(active_test=False).filtered_domain(domain):
                raise ValidationError(
                    self.env._(
                        "%(referrer)s cannot be the referrer of %(client)s: it belongs to another company.",
                        referrer=readable_names(referrer),
                        client=partner.display_name,
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

    def _auto_init(self):
        # On install no partner has a status or a rating yet, so the empty value is right for every
        # existing partner in every stored computed field of this module: create those columns
        # before Odoo would compute them in Python partner by partner (minutes and gigabytes on a
        # database of millions of contacts), as Odoo core does for its own big tables. The
        # client_status_id column tells an install (absent) from an update (present: a field added
        # by a later version is computed as usual).
        cr = self.env.cr
        if not column_exists(cr, self._table, "client_status_id"):
            for field in self._fields.values():
                if field.store and field.compute and field._module == "client_hub":
                    if not column_exists(cr, self._table, field.name):
                        create_column(cr, self._table, field.name, field.column_type[1])
        return super()._auto_init()

    @api.model_create_multi
    def create(self, vals_list):
        # Number new clients in their values, not with a second write per record. The status may
        # come from a default (the Clients menu's context, an ir.default, an import): resolve the
        # defaults of the fields that decide it once for the batch (once more for the partners
        # created under another, which take no client-making default), as create() would.
        today = fields.Date.context_today(self)
        defaults_by_context = {}
        unnumbered = defaultdict(list)  # company id → values of new clients without a number
        for vals in vals_list:
            check_not_computed(self, vals)
            model = self._client_hub_for_values(vals)
            under_parent = model is not self
            if under_parent not in defaults_by_context:
                defaults_by_context[under_parent] = model.default_get(list(CLIENT_DECIDING_FIELDS))
            defaults = defaults_by_context[under_parent]
            values = {**{name: defaults.get(name) for name in CLIENT_DECIDING_FIELDS}, **vals}
            if values["client_status_id"] and (values["is_company"] or not values["parent_id"]):
                vals["client_status_id"] = values["client_status_id"]
                # The form sends client_since False: a new client always gets its date.
                vals["client_since"] = values["client_since"] or today
                if not values["ref"]:
                    unnumbered[values["company_id"] or self.env.company.id].append(vals)
        self._number_clients(unnumbered)
        return super().create(vals_list)

    def write(self, vals):
        check_not_computed(self, vals)
        result = super().write(vals)
        if "client_status_id" in vals or "parent_id" in vals or "is_company" in vals:
            self._onboard_clients()
        if "company_id" in vals:
            self._client_hub_follow_company()
        return result

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

    def _onboard_clients(self):
        """Give partners that became clients a client number and a client-since date."""
        today = fields.Date.context_today(self)
        clients = self.filtered("is_client")
        clients.filtered(lambda client: not client.client_since).client_since = today
        unnumbered = defaultdict(list)
        for client in clients.filtered(lambda client: not client.ref):
            unnumbered[(client.company_id or self.env.company).id].append(client)
        self._number_clients(unnumbered)

    @api.model
    def _number_clients(self, unnumbered):
        """Give the values (or records) of new clients, grouped by company id, their numbers:
        one query per company."""
        for company_id, targets in unnumbered.items():
            numbers = self._next_client_numbers(self.env["res.company"].browse(company_id), len(targets))
            for target, number in zip(targets, numbers, strict=True):
                target["ref"] = number

    @api.model
    def _client_number_sequence(self, company):
        """The company's client numbering. A company without one gets a copy of the first company's,
        with a prefix of its own: partners shared between companies never get the same number twice."""
        Sequence = self.env["ir.sequence"].sudo()
        sequence = Sequence.search(
            [("code", "=", CLIENT_NUMBER_CODE), ("company_id", "=", company.id)], limit=1
        )
        if not sequence:
            template = self.env.ref("client_hub.seq_client_number").sudo()
            sequence = template.copy(
                {
                    "name": f"{template.name} ({company.name})",
                    "company_id": company.id,
                    "prefix": f"{template.prefix or ''}{company.id}-",
                    "number_next": 1,
                }
            )
        return sequence

    @api.model
    def _next_client_numbers(self, company, count):
        """`count` new client numbers of the company, in one query for a standard sequence."""
        sequence = self._client_number_sequence(company)
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence._next() for _i in range(count)]
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)", [f"ir_sequence_{sequence.id:03}", count]
        )
        numbers = [number for (number,) in self.env.cr.fetchall()]
        prefix, suffix = sequence._get_prefix_suffix()
        return [f"{prefix}{number:0{sequence.padding}d}{suffix}" for number in numbers]

    def _client_hub_follow_company(self):
        """A client moved to another company takes its credentials and ratings along: they keep
        their client's company (check_company refuses any other write of it)."""
        for model, client in (("res.partner.credential", "partner_id"), ("rating.rating", "client_id")):
            records = (
                self.env[model].sudo().with_context(active_test=False).search([(client, "in", self.ids)])
            )
            moved = records.filtered(
                lambda record, client=client: record.company_id != record[client].company_id
            )
            for company, group in moved.grouped(
                lambda record, client=client: record[client].company_id
            ).items():
                group._write({"company_id": company.id})
            if model == "res.partner.credential":
                moved._log("update", note="company_id")  # sudo keeps the user: logged as theirs
