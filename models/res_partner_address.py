from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .input_checks import check_record_ids


class ResPartner(models.Model):
    """Typed addresses of a client (invoice, delivery, workplace…), one default per type."""

    _inherit = "res.partner"

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

    @api.onchange("address_type_id")
    def _onchange_address_type_id(self):
        if self.address_type_id:
            self.type = self.address_type_id.core_type

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
        for vals in vals_list:
            self._set_core_address_type(vals)
        partners = super().create(vals_list)
        partners._keep_one_default_address()
        return partners

    def write(self, vals):
        self._set_core_address_type(vals)
        archiving = "active" in vals and not vals["active"]
        archived_defaults = self.filtered("is_default_address") if archiving else None
        result = super().write(vals)
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
    def _get_frontend_writable_fields(self):
        # The client's people choose the type of their addresses in the portal (checked there).
        return super()._get_frontend_writable_fields() | {"address_type_id", "is_default_address"}

    @api.model
    def _set_core_address_type(self, vals):
        """An address type decides Odoo's own address type (invoice, delivery, other)."""
        check_record_ids(self, vals, ["address_type_id"])
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
