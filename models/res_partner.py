import operator
from collections import defaultdict

from lxml import etree
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools.query import Query
from odoo.tools.sql import column_exists, create_column

from .computed_fields import check_not_computed
from .nullable_fields import NullableFloat, NullableInteger

# Fields of optional Odoo modules shown on the Client page when those modules are installed.
OPTIONAL_INVOICING_FIELDS = ("peppol_eas", "peppol_endpoint", "global_location_number")
CLIENT_NUMBER_CODE = "res.partner.client.number"
# Comparisons the Clients search applies to a client's number of open projects.
COUNT_OPERATORS = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "in": lambda count, values: count in values,
}
# The values that make a new partner a client and give it its number, defaults included.
CLIENT_DECIDING_FIELDS = ("client_status_id", "is_company", "parent_id", "client_since", "ref", "company_id")


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
    referred_by_id = fields.Many2one("res.partner", ondelete="set null")
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
    # The client's ratings in Odoo's store (rated record: the client); task ratings are not among them.
    satisfaction_ids = fields.One2many(
        "rating.rating",
        "client_id",
        string="Satisfaction History",
        domain=[("res_model", "=", "res.partner"), ("consumed", "=", True)],
    )
    # NULL, not 0, for a client without ratings: averages by group count rated clients only.
    satisfaction_score = NullableInteger(
        string="Satisfaction",
        compute="_compute_satisfaction",
        store=True,
        aggregator="avg",
        help="The latest satisfaction score, from 1 to 5 (empty: none yet).",
    )
    satisfaction_average = NullableFloat(
        string="Average Satisfaction",
        compute="_compute_satisfaction",
        store=True,
        aggregator="avg",
        digits=(3, 2),
    )
    satisfaction_count = fields.Integer(
        string="Satisfaction Ratings", compute="_compute_satisfaction", store=True
    )
    # Odoo's projects of the client and of its contacts (project's own project_ids are one partner's).
    client_project_ids = fields.Many2many(
        "project.project",
        string="Client Projects",
        compute="_compute_client_project_ids",
        search="_search_client_project_ids",
        help="Projects of the client and of its contacts.",
    )
    client_project_count = fields.Integer(
        string="Open Projects",
        compute="_compute_client_project_count",
        search="_search_client_project_count",
        help="Open projects (not done, cancelled or archived) of the client and of its contacts.",
    )

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

    def _client_hub_open_project_counts(self, clients=None):
        """{client id: number of its open projects} of the given clients (all of them when None),
        among the projects the user may read: one grouped query, whatever the number of clients."""
        Project = self.env["project.project"]
        domain = [("partner_id", "!=", False)]
        if clients is not None:
            domain = [("partner_id.commercial_partner_id", "in", clients.ids)]
        visible = Project._search(domain)
        counts = defaultdict(int)
        for partner, count in Project.sudo()._read_group(
            [("id", "in", visible), *Project._client_hub_open_domain()], ["partner_id"], ["__count"]
        ):
            counts[partner.commercial_partner_id.id] += count
        return counts

    def _compute_client_project_count(self):
        counts = self._client_hub_open_project_counts(self._origin.commercial_partner_id)
        for partner in self:
            partner.client_project_count = counts.get(partner._origin.commercial_partner_id.id, 0)

    def _search_client_project_count(self, operator, value):
        # "≠", "not in": Odoo negates the positive condition (NotImplemented).
        if operator not in COUNT_OPERATORS:
            return NotImplemented
        values = value if operator == "in" else [value]
        if not all(isinstance(number, int | float) for number in values):
            raise UserError(
                self.env._("The number of projects is compared with a number, not “%(value)s”.", value=value)
            )
        compare = COUNT_OPERATORS[operator]
        counts = self._client_hub_open_project_counts()
        matching = {client_id for client_id, count in counts.items() if compare(count, value)}
        if compare(0, value):  # clients without open projects match too: exclude those that do not
            others = [client_id for client_id in counts if client_id not in matching]
            return [("commercial_partner_id", "not in", others)]
        return [("commercial_partner_id", "in", list(matching))]

    def _compute_client_project_ids(self):
        Project = self.env["project.project"]
        for partner in self:
            partner.client_project_ids = Project.search(
                [("partner_id.commercial_partner_id", "=", partner._origin.commercial_partner_id.id)]
            )

    def _search_client_project_ids(self, operator, value):
        # "not in", "not any": Odoo negates the positive condition.
        if operator == "in" and False in value:  # "= False": no project at all
            without = Domain("commercial_partner_id", "not in", self._client_hub_with_projects([]))
            ids = [project_id for project_id in value if project_id]
            return without | self._search_client_project_ids("in", ids) if ids else without
        if operator == "in":
            value = [("id", "in", value)]
        elif operator != "any":
            return NotImplemented
        return [("commercial_partner_id", "in", self._client_hub_with_projects(value))]

    def _client_hub_with_projects(self, project_domain):
        """A subquery of the clients (commercial partners) having a project of the domain."""
        Project = self.env["project.project"]
        projects = project_domain if isinstance(project_domain, Query) else Project._search(project_domain)
        partners = self.with_context(active_test=False)._search(
            [("id", "in", projects.subselect("partner_id"))]
        )
        return partners.subselect("commercial_partner_id")

    @api.depends("satisfaction_ids.rating", "satisfaction_ids.rating_date", "satisfaction_ids.consumed")
    def _compute_satisfaction(self):
        for partner in self:
            ratings = partner.satisfaction_ids
            latest = ratings.sorted(lambda rating: (rating.rating_date, rating._origin.id or 0))[-1:]
            partner.satisfaction_score = int(latest.rating) or False
            partner.satisfaction_count = len(ratings)
            partner.satisfaction_average = sum(ratings.mapped("rating")) / len(ratings) if ratings else False

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
        # Number new clients in their values, not with a second write per record. The status may
        # come from a default (the Clients menu's context, an ir.default, an import): resolve the
        # defaults of the fields that decide it once for the batch, as create() would.
        today = fields.Date.context_today(self)
        defaults = self.default_get(list(CLIENT_DECIDING_FIELDS))
        unnumbered = defaultdict(list)  # company id → values of new clients without a number
        for vals in vals_list:
            check_not_computed(self, vals)
            self._set_core_address_type(vals)
            values = {**{name: defaults.get(name) for name in CLIENT_DECIDING_FIELDS}, **vals}
            if values["client_status_id"] and (values["is_company"] or not values["parent_id"]):
                vals["client_status_id"] = values["client_status_id"]
                # The form sends client_since False: a new client always gets its date.
                vals["client_since"] = values["client_since"] or today
                if not values["ref"]:
                    unnumbered[values["company_id"] or self.env.company.id].append(vals)
        self._number_clients(unnumbered)
        partners = super().create(vals_list)
        partners._keep_one_default_address()
        return partners

    @api.model
    def _number_clients(self, unnumbered):
        """Give the values (or records) of new clients, grouped by company id, their numbers:
        one query per company."""
        for company_id, targets in unnumbered.items():
            numbers = self._next_client_numbers(self.env["res.company"].browse(company_id), len(targets))
            for target, number in zip(targets, numbers, strict=True):
                target["ref"] = number

    def write(self, vals):
        check_not_computed(self, vals)
        self._set_core_address_type(vals)
        archiving = "active" in vals and not vals["active"]
        archived_defaults = self.filtered("is_default_address") if archiving else None
        result = super().write(vals)
        if "client_status_id" in vals or "parent_id" in vals or "is_company" in vals:
            self._onboard_clients()
        if "company_id" in vals:
            self._client_hub_follow_company()
        if vals.get("is_default_address") or vals.get("address_type_id") or vals.get("parent_id"):
            self._keep_one_default_address()
        if archived_defaults:
            archived_defaults._hand_over_default_address()
        return result

    def unlink(self):
        # Credentials go through their own unlink() (its access rights and its audit log), never
        # through the database's cascade.
        credentials = (
            self.env["res.partner.credential"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", self.ids)])
        )
        if credentials:
            if not credentials.sudo(False)._is_vault_manager():
                raise UserError(
                    self.env._(
                        "%(clients)s cannot be deleted: they have credentials, which only Client Hub "
                        "managers may delete. Ask a manager, or archive the client instead.",
                        clients=", ".join(credentials.partner_id.mapped("display_name")),
                    )
                )
            credentials.sudo(False).unlink()
        return super().unlink()

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
        action["domain"] = [("res_model", "=", "res.partner"), ("client_id", "=", self.id)]
        action["context"] = {"default_client_id": self.id, "search_default_group_partner": 0}
        return action

    def action_open_client_projects(self):
        """The client's open projects (those of its contacts too), in Odoo's Projects views."""
        self.ensure_one()
        client = self.commercial_partner_id
        Project = self.env["project.project"]
        visible = Project.search([("partner_id.commercial_partner_id", "=", client.id)])
        open_projects = visible.sudo().filtered_domain(Project._client_hub_open_domain())
        action = self.env["ir.actions.act_window"]._for_xml_id("project.open_view_project_all")
        action["display_name"] = self.env._("%(client)s's Projects", client=client.name)
        action["domain"] = [("id", "in", open_projects.ids)]
        action["context"] = {"default_partner_id": client.id}
        return action

    def action_new_client_project(self):
        """Odoo's "Create a Project" dialog for the client, shared with it in the portal."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("project.open_create_project")
        action["context"] = {
            "default_partner_id": self.commercial_partner_id.id,
            "default_privacy_visibility": "portal",
            "default_allow_billable": False,
        }
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
        type_id = vals.get("address_type_id")
        if type_id and (not isinstance(type_id, int) or isinstance(type_id, bool)):
            raise ValidationError(
                self.env._("The address type is given by its id (a number), not “%(value)s”.", value=type_id)
            )
        if type_id:
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

    # ------------------------------------------------------------------ portal
    # The portal pages (controllers/portal.py) only translate HTTP into these calls, which check
    # who calls them: one path for every write of a client's person.

    @api.model
    def _client_hub_portal_client(self):
        """The current user's client, in sudo, when the user is a portal user of a client; else an
        empty recordset (internal users work in the back office, not on the client's pages)."""
        user = self.env.user
        client = user.partner_id.commercial_partner_id.sudo()
        return client if user._is_portal() and client.is_client else self.browse()

    @api.model
    def _client_hub_portal_client_or_raise(self):
        client = self._client_hub_portal_client()
        if not client:
            raise AccessError(self.env._("Only the people of a client use its portal pages."))
        return client

    def _client_hub_tax_conditions(self):
        """The tax conditions offered to this client: those of its country and those of none."""
        return (
            self.env["res.partner.tax.condition"]
            .sudo()
            .search([("country_id", "in", [self.country_id.id, False])])
        )

    @api.model
    def _client_hub_portal_update_profile(self, values):
        """Save the portal's profile form for the current user's client. The VAT follows Odoo's
        can_edit_vat(); a new tax condition is a request to the salesperson, applied by staff.
        Returns whether a tax condition change was requested."""
        client = self._client_hub_portal_client_or_raise()
        values = dict(values)
        if (values.get("vat") or False) != (client.vat or False) and not client.can_edit_vat():
            raise UserError(
                self.env._(
                    "Changing the Tax ID is not allowed once documents have been issued for your account. "
                    "Please contact us directly for this operation."
                )
            )
        requested = "tax_condition_id" in values
        condition = self.env["res.partner.tax.condition"].sudo().browse(values.pop("tax_condition_id", False))
        if condition and condition not in client._client_hub_tax_conditions():
            raise UserError(self.env._("Choose a tax condition from the list."))
        client.write(values)
        # A condition that needs a VAT is requested with one (the same rule as on the client).
        self.new(
            {"name": client.name, "vat": client.vat, "tax_condition_id": condition.id}
        )._check_tax_condition_vat()
        if not requested or condition == client.tax_condition_id:
            return False
        client._client_hub_request_tax_condition(condition)
        return True

    def _client_hub_request_tax_condition(self, condition):
        """A to-do for the salesperson (a note when there is none) to apply the requested condition."""
        self.ensure_one()
        # The activity's note is HTML: the values (the person's name is typed in the portal) are
        # escaped into the translated text, so the note shows them as text.
        note = Markup(
            self.env._(
                "%(person)s asks to change the tax condition from “%(current)s” to “%(requested)s”. "
                "Check it and change it on the client if it is right."
            )
        ) % {
            "person": self.env.user.name,
            "current": self.tax_condition_id.name or "—",
            "requested": condition.name or "—",
        }
        summary = self.env._("Tax condition change requested")
        if self.user_id:
            self.activity_schedule(
                "mail.mail_activity_data_todo", summary=summary, note=note, user_id=self.user_id.id
            )
        else:
            self.message_post(body=note, subject=summary, subtype_xmlid="mail.mt_note")

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

    def _onboard_clients(self):
        """Give partners that became clients a client number and a client-since date."""
        today = fields.Date.context_today(self)
        clients = self.filtered("is_client")
        clients.filtered(lambda client: not client.client_since).client_since = today
        unnumbered = defaultdict(list)
        for client in clients.filtered(lambda client: not client.ref):
            unnumbered[(client.company_id or self.env.company).id].append(client)
        self._number_clients(unnumbered)
