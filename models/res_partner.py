from collections import defaultdict

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Fields of optional Odoo modules shown on the Client page when those modules are installed.
OPTIONAL_INVOICING_FIELDS = ("peppol_eas", "peppol_endpoint", "global_location_number")
CLIENT_NUMBER_CODE = "res.partner.client.number"


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
    address_type_id = fields.Many2one(
        "res.partner.address.type",
        string="Client Address Type",
        index="btree_not_null",
        ondelete="restrict",
        help="The purpose of this address of its client: invoice, delivery, workplace…",
    )
    is_default_address = fields.Boolean(
        string="Default Address", copy=False, help="The address used for its type when none is chosen."
    )
    client_address_ids = fields.One2many(
        "res.partner", "parent_id", string="Typed Addresses", domain=[("address_type_id", "!=", False)]
    )
    portal_user_ids = fields.Many2many(
        "res.users",
        compute="_compute_portal_user_ids",
        string="Portal Users",
        help="Who of the client uses the portal.",
    )
    credit_note_count = fields.Integer(compute="_compute_credit_note_count")
    has_correctable_invoice = fields.Boolean(
        compute="_compute_has_correctable_invoice",
        help="Whether the client has a posted customer invoice of the current company to correct.",
    )
    credential_ids = fields.One2many("res.partner.credential", "partner_id", string="Credentials")
    credential_count = fields.Integer(compute="_compute_credential_count")
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

    def _compute_portal_user_ids(self):
        Users = self.env["res.users"].sudo()
        for partner in self:
            partner.portal_user_ids = (
                Users.search([("partner_id", "child_of", partner.ids), ("share", "=", True)])
                if partner.is_client
                else Users
            )

    def _compute_credit_note_count(self):
        counts = dict(
            self.env["account.move"]._read_group(
                [("move_type", "=", "out_refund"), ("commercial_partner_id", "in", self.ids)],
                ["commercial_partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.credit_note_count = counts.get(partner._origin, 0)

    def _compute_has_correctable_invoice(self):
        correctable = {
            partner
            for [partner] in self.env["account.move"]._read_group(
                self.env["account.move.correction"]._correctable_invoice_domain(self),
                ["commercial_partner_id"],
            )
        }
        for partner in self:
            partner.has_correctable_invoice = partner._origin in correctable

    def _compute_credential_count(self):
        counts = dict(
            self.env["res.partner.credential"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.credential_count = counts.get(partner._origin, 0)

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

    @api.constrains("address_type_id", "is_default_address", "parent_id")
    def _check_address_type(self):
        for partner in self:
            if partner.address_type_id and not partner.parent_id:
                raise ValidationError(
                    self.env._(
                        "%(address)s has the address type “%(type)s” but belongs to no client: "
                        "only an address of a client (a contact with a parent) can have a type.",
                        address=partner.display_name,
                        type=partner.address_type_id.name,
                    )
                )
            if partner.is_default_address and not partner.address_type_id:
                raise ValidationError(
                    self.env._(
                        "%(address)s cannot be a default address without an address type.",
                        address=partner.display_name,
                    )
                )

    @api.onchange("address_type_id")
    def _onchange_address_type_id(self):
        if self.address_type_id:
            self.type = self.address_type_id.core_type

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

    @api.model
    def default_get(self, fields):
        defaults = super().default_get(fields)
        # "Add a workplace" buttons name the type by code: data ids differ between databases.
        code = self.env.context.get("default_address_type_code")
        if code and "address_type_id" in fields:
            address_type = self.env["res.partner.address.type"]._find_by_code(code)
            defaults.update(address_type_id=address_type.id, type=address_type.core_type or "other")
        return defaults

    @api.model_create_multi
    def create(self, vals_list):
        # Number new clients in their values, not with a second write per record.
        today = fields.Date.context_today(self)
        unnumbered = defaultdict(list)  # company id → values of new clients without a number
        for vals in vals_list:
            self._set_core_address_type(vals)
            if vals.get("client_status_id") and (vals.get("is_company") or not vals.get("parent_id")):
                vals.setdefault("client_since", today)
                if not vals.get("ref"):
                    unnumbered[vals.get("company_id") or self.env.company.id].append(vals)
        for company_id, company_vals in unnumbered.items():
            numbers = self._next_client_numbers(self.env["res.company"].browse(company_id), len(company_vals))
            for vals, number in zip(company_vals, numbers, strict=True):
                vals["ref"] = number
        partners = super().create(vals_list)
        partners._keep_one_default_address()
        return partners

    def write(self, vals):
        self._set_core_address_type(vals)
        archiving = "active" in vals and not vals["active"]
        archived_defaults = self.filtered("is_default_address") if archiving else None
        result = super().write(vals)
        if "client_status_id" in vals or "parent_id" in vals or "is_company" in vals:
            self._onboard_clients()
        if vals.get("is_default_address") or vals.get("address_type_id") or vals.get("parent_id"):
            self._keep_one_default_address()
        if archived_defaults:
            archived_defaults._hand_over_default_address()
        return result

    def address_get(self, adr_pref=None):
        result = super().address_get(adr_pref)
        # For a client itself, its default invoice and delivery addresses come first.
        wanted = {"invoice", "delivery"}.intersection(adr_pref or [])
        if wanted and len(self) == 1 and self.commercial_partner_id == self:
            defaults = self.search(
                [("parent_id", "=", self.id), ("is_default_address", "=", True), ("type", "in", list(wanted))]
            )
            for address in defaults:
                result[address.type] = address.id
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

    def action_open_credit_notes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_move_out_refund_type")
        action["domain"] = [("move_type", "=", "out_refund"), ("commercial_partner_id", "=", self.id)]
        action["context"] = {"default_move_type": "out_refund", "default_partner_id": self.id}
        return action

    def action_open_correction_wizard(self):
        self.ensure_one()
        return self.env["account.move.correction"]._action_open(self)

    def action_open_credentials(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("client_hub.res_partner_credential_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_open_satisfaction(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("client_hub.res_partner_satisfaction_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id, "search_default_group_partner": 0}
        return action

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

    @api.model
    def _get_frontend_writable_fields(self):
        # The client's people choose the type of their addresses in the portal (checked there).
        return super()._get_frontend_writable_fields() | {"address_type_id", "is_default_address"}

    @api.model
    def _set_core_address_type(self, vals):
        """An address type decides Odoo's own address type (invoice, delivery, other)."""
        if vals.get("address_type_id"):
            vals["type"] = self.env["res.partner.address.type"].browse(vals["address_type_id"]).core_type

    def _keep_one_default_address(self):
        """At most one default address per client and address type: the last one marked wins."""
        winners = {}
        for address in self.filtered(lambda partner: partner.is_default_address and partner.active):
            winners[address.parent_id.id, address.address_type_id.id] = address
        if not winners:
            return
        keep = self.browse([address.id for address in winners.values()])
        previous = self.search(
            [
                ("is_default_address", "=", True),
                ("parent_id", "in", keep.parent_id.ids),
                ("address_type_id", "in", keep.address_type_id.ids),
                ("id", "not in", keep.ids),
            ]
        ).filtered(lambda address: (address.parent_id.id, address.address_type_id.id) in winners)
        if previous:
            previous.write({"is_default_address": False})

    def _hand_over_default_address(self):
        """Archived default addresses pass the default to another address of the same type, if any."""
        self.write({"is_default_address": False})
        for archived in self:
            successor = self.search(
                [
                    ("parent_id", "=", archived.parent_id.id),
                    ("address_type_id", "=", archived.address_type_id.id),
                    ("id", "!=", archived.id),
                ],
                limit=1,
            )
            if successor:
                successor.is_default_address = True

    def _get_client_address(self, type_code):
        """The client's address of a type: its default, else the first of that type, else the client."""
        self.ensure_one()
        client = self.commercial_partner_id
        address = self.search(
            [("parent_id", "=", client.id), ("address_type_id.code", "=", type_code)],
            order="is_default_address desc, id",
            limit=1,
        )
        return address or client

    def _onboard_clients(self):
        """Give partners that became clients a client number and a client-since date."""
        for client in self.filtered("is_client"):
            values = {}
            if not client.ref:
                [values["ref"]] = self._next_client_numbers(client.company_id or self.env.company, 1)
            if not client.client_since:
                values["client_since"] = fields.Date.context_today(client)
            if values:
                client.write(values)
