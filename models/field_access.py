from odoo import api, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

# The operators whose value is a domain on the field's comodel.
SUBDOMAIN_OPERATORS = ("any", "not any")


class Base(models.AbstractModel):
    """No oracle through a search: a field with `groups` is refused in a search's domain to users
    outside its groups before anything else runs. Odoo checks the groups when it turns a condition
    into SQL, which is after a computed field's own `search=` method has replaced the condition by
    one on other fields (`client_amount_overdue > 9` becomes `commercial_partner_id in [...]`): the
    method answered for a figure the user may not read (Odoo's own `credit` and `debit` of partners
    too). Only fields with a `search=` method are checked here, and the fields a model lists in
    `_client_hub_search_groups`, so nothing else changes for other models. One place for search,
    search_count, read_group, name_search, export's domain and the paths of other models' domains."""

    _inherit = "base"
    # {field name: groups}: fields some roles read, filtered by the comodel's rules, but may not search
    # (a search by an id of the comodel runs in sudo and would answer for what reading hides).
    _client_hub_search_groups = {}

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        if not self.env.su:
            self._client_hub_check_domain_access(Domain(domain))
        return super()._search(domain, offset=offset, limit=limit, order=order, **kwargs)

    @api.model
    def _client_hub_check_domain_access(self, domain):
        """Raise Odoo's field AccessError for the first field of `domain` (along each condition's
        path, in the subdomains of 'any') with groups the user is not in."""
        for condition in domain.iter_conditions():
            model = self
            names = condition.field_expr.split(".")
            for position, name in enumerate(names):
                field = model._fields.get(name)
                if field is None:
                    break  # Odoo's own error for an unknown field
                if field.search:
                    # Only these: Odoo checks every other field itself when it writes the SQL.
                    model._check_field_access(field, "read")
                groups = model._client_hub_search_groups.get(name)
                if groups and not self.env.user.has_groups(groups):
                    raise AccessError(
                        self.env._(
                            "You may not search %(model)s by %(field)s.",
                            model=self.env["ir.model"]._get(model._name).name,
                            field=field._description_string(self.env),
                        )
                    )
                if not field.relational:
                    break
                model = self.env[field.comodel_name]
                last = position == len(names) - 1
                if (
                    last
                    and condition.operator in SUBDOMAIN_OPERATORS
                    and isinstance(condition.value, (list, tuple, Domain))
                ):
                    model._client_hub_check_domain_access(Domain(condition.value))
