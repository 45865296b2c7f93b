from werkzeug.exceptions import NotFound

from odoo.addons.client_hub.models.input_checks import has_control_characters
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import UserError, ValidationError
from odoo.http import request, route

MAX_TEXT = 256  # longest value accepted from a one-line portal input
MAX_NOTE = 4000  # longest comment or note
PROFILE_FIELDS = ("phone", "email", "website", "vat")
MAX_ID = 2**31 - 1  # PostgreSQL's integer: a bigger "id" would be a database error, not a form error


def _read_only_when_get(controller, rule, args):
    """A page that shows on GET and saves on POST: its GETs can be served by a read-only replica
    (`db_replica_host`), its POSTs go to the primary."""
    return request.httprequest.method in ("GET", "HEAD")


class ClientHubPortal(CustomerPortal):
    """The client's own pages: company profile, credentials handed over, satisfaction."""

    # ------------------------------------------------------------------ helpers
    def _client_hub_client(self):
        """The portal user's client (commercial partner, in sudo), or None: checked by the model on
        every request, so internal users (whatever their partner's company) are not served."""
        return request.env["res.partner"]._client_hub_portal_client() or None

    def _client_hub_client_or_404(self):
        """The client of the portal user; its pages do not exist for anyone else."""
        client = self._client_hub_client()
        if not client:
            raise NotFound()
        return client

    def _client_hub_portal_address_types(self):
        return request.env["res.partner.address.type"].sudo().search([("portal_editable", "=", True)])

    def _client_hub_vault_client_or_404(self):
        """The client of a portal user a manager gave the vault right; the credential pages do not
        exist for anyone else."""
        client = self._client_hub_client_or_404()
        if not request.env["res.partner"]._client_hub_portal_has_vault():
            raise NotFound()
        return client

    def _client_hub_credentials(self, client):
        # Read as the portal user: the portal's record rule decides what it sees.
        return request.env["res.partner.credential"].search([("partner_id", "=", client.id)])

    def _client_hub_credential(self, client, credential_id):
        credential = request.env["res.partner.credential"].search(
            [("id", "=", credential_id), ("partner_id", "=", client.id)]
        )
        return credential or None

    @staticmethod
    def _form_int(value, low=1, high=MAX_ID):
        """An integer typed in a form (ASCII digits from low to high), else None."""
        value = str(value or "").strip()
        if value.isascii() and value.isdigit() and low <= int(value) <= high:
            return int(value)
        return None

    @staticmethod
    def _form_str(form, name):
        """A text field of a posted form; None when it is something else (a file, a list…)."""
        value = form.get(name)
        if value is None:
            return ""
        return value.strip() if isinstance(value, str) else None

    @classmethod
    def _clean_text(cls, form, name, errors, label, limit=MAX_TEXT, required=False):
        value = cls._form_str(form, name)
        if value is None:
            errors[name] = request.env._("%(field)s must be text.", field=label)
            value = ""
        elif has_control_characters(value):
            errors[name] = request.env._("%(field)s contains characters that are not allowed.", field=label)
        elif len(value) > limit:
            errors[name] = request.env._(
                "%(field)s is too long (%(limit)s characters at most).", field=label, limit=limit
            )
        elif required and not value:
            errors[name] = request.env._("%(field)s is required.", field=label)
        return value

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        client = self._client_hub_client()
        if client and not counters:  # the /my page itself: tiles with their counts
            env = request.env
            values["client_hub_tiles"] = {
                "addresses": env["res.partner"]
                .sudo()
                .search_count([("parent_id", "=", client.id), ("type", "!=", "contact")]),
                # Read as the portal user (the record rules): no vault right, no credentials tile.
                "credentials": env["res.partner.credential"].search_count([("partner_id", "=", client.id)])
                if env["res.partner"]._client_hub_portal_has_vault()
                else None,
                "satisfaction": env["rating.rating"].search_count([("client_id", "=", client.id)]),
            }
        return values

    # ------------------------------------------------------------------ addresses
    @route()
    def portal_address(self, partner_id=None, *args, **kwargs):
        # Odoo's route takes int(partner_id): a text there is an address that does not exist, not a 500.
        if partner_id and self._form_int(partner_id) is None:
            raise NotFound()
        return super().portal_address(partner_id, *args, **kwargs)

    @route()
    def portal_address_submit(self, partner_id=None, **form_data):
        if partner_id and self._form_int(partner_id) is None:
            raise NotFound()
        return super().portal_address_submit(partner_id, **form_data)

    def _prepare_address_form_values(self, partner_sudo, *args, **kwargs):
        values = super()._prepare_address_form_values(partner_sudo, *args, **kwargs)
        if self._client_hub_client():
            address_types = self._client_hub_portal_address_types()
            values["client_hub_address_types"] = address_types
            # "Add" under a type's heading opens the form on that type, titled with it; Odoo's
            # Delivery / Billing "Add" on the first editable type of that kind.
            chosen = address_types.filtered(
                lambda address_type: address_type.code == kwargs.get("client_hub_type")
            )
            if not partner_sudo and not chosen:
                core_type = "invoice" if values.get("address_type") == "billing" else "delivery"
                chosen = address_types.filtered(lambda address_type: address_type.core_type == core_type)
            values["client_hub_address_type"] = partner_sudo.address_type_id or chosen[:1]
            values["client_hub_address_type_required"] = self._client_hub_address_type_required(partner_sudo)
        return values

    def _prepare_address_data(self, partner_sudo, **kwargs):
        data = super()._prepare_address_data(partner_sudo, **kwargs)
        if self._client_hub_client():
            # Odoo lists "other" addresses under both Delivery and Billing: a typed address goes
            # once, under its own type (invoice and delivery types stay in Odoo's two lists).
            own_sections = self._client_hub_portal_address_types().filtered(
                lambda address_type: address_type.core_type not in ("invoice", "delivery")
            )
            typed = (data["billing_addresses"] | data["delivery_addresses"]).filtered(
                lambda address: address.address_type_id in own_sections
            )
            data["billing_addresses"] -= typed
            data["delivery_addresses"] -= typed
            data["client_hub_address_sections"] = [
                (address_type, typed.filtered(lambda address, t=address_type: address.address_type_id == t))
                for address_type in own_sections
            ]
        return data

    def _parse_form_data(self, form_data):
        raw_type = str(form_data.get("address_type_id") or "").strip()
        if raw_type and self._form_int(raw_type) is None:
            # Not an id: mark it invalid for the validation below instead of dropping it.
            address_values, extra_form_data = super()._parse_form_data(
                {key: value for key, value in form_data.items() if key != "address_type_id"}
            )
            address_values["address_type_id"] = -1
            return address_values, extra_form_data
        return super()._parse_form_data(form_data)

    def _validate_address_values(self, address_values, partner_sudo, *args, **kwargs):
        invalid, missing, messages = super()._validate_address_values(
            address_values, partner_sudo, *args, **kwargs
        )
        type_id = address_values.get("address_type_id")
        editable = self._client_hub_portal_address_types()
        # Checked on what is stored too, whether or not the form posts the field.
        if partner_sudo.address_type_id and partner_sudo.address_type_id not in editable:
            invalid.add("address_type_id")
            messages.append(
                request.env._(
                    "This address (%(type)s) is kept by us: contact us to change it.",
                    type=partner_sudo.address_type_id.name,
                )
            )
        elif (type_id or address_values.get("is_default_address")) and partner_sudo.type == "contact":
            invalid.add("address_type_id")
            messages.append(request.env._("A contact person cannot be made an address of the company."))
        elif type_id and type_id not in editable.ids:
            invalid.add("address_type_id")
            messages.append(request.env._("Choose an address type from the list."))
        elif (
            not type_id
            and editable
            # A new address needs one; a typed one keeps its own unless the form empties it.
            and (not partner_sudo or "address_type_id" in address_values)
            and self._client_hub_client()
            and self._client_hub_address_type_required(partner_sudo)
        ):
            # Without it a new address would be a plain contact, its address replaced by the company's.
            invalid.add("address_type_id")
            messages.append(request.env._("Choose the type of this address."))
        if (
            "email" in address_values
            and not partner_sudo._client_hub_is_vault_manager()
            and partner_sudo._client_hub_vault_identity_changes({"email": address_values["email"]})
        ):
            invalid.add("email")
            messages.append(
                request.env._("This login opens your company's credentials: contact us to change its e-mail.")
            )
        if address_values.get("is_default_address") and not (type_id or partner_sudo.address_type_id):
            invalid.add("is_default_address")
            messages.append(request.env._("Choose an address type to make this address a default one."))
        return invalid, missing, messages

    @staticmethod
    def _client_hub_address_type_required(partner_sudo):
        """A new address of a client, or one that has a type, needs its type (the client's own
        address and its people have none)."""
        return not partner_sudo or bool(partner_sudo.address_type_id)

    def _create_or_update_address(self, partner_sudo, *args, **kwargs):
        # A rule of the model (a constraint, a UserError) is a message in the form, not an HTTP error.
        try:
            with request.env.cr.savepoint():
                return super()._create_or_update_address(partner_sudo, *args, **kwargs)
        except (UserError, ValidationError) as error:
            return partner_sudo, {"invalid_fields": [], "messages": [error.args[0]]}

    # ------------------------------------------------------------------ profile
    @route(
        "/my/client",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        readonly=_read_only_when_get,
    )
    def client_hub_profile(self, **form):
        client = self._client_hub_client_or_404()
        errors, saved = {}, False
        if request.httprequest.method == "POST":
            errors, saved = self._client_hub_update_profile(client, form)
        conditions = client._client_hub_tax_conditions()
        return request.render(
            "client_hub.portal_my_client",
            {
                **self._prepare_portal_layout_values(),
                "page_name": "client_hub_profile",
                "client": client,
                "contacts": client.child_ids.filtered(lambda child: child.type == "contact"),
                "tax_conditions": conditions,
                # A change asked for earlier, open until staff apply or refuse it.
                "tax_request": client._client_hub_tax_condition_requests()[:1],
                "form": form if errors else {},
                "errors": errors,
                "saved": saved,
                "vat_editable": client.can_edit_vat(),
                # What Odoo's /my/projects lists for this user: the company's shared projects.
                "project_count": request.env["project.project"].search_count(self._prepare_project_domain()),
                # The client's money, decided by the model for the user's own client.
                "finance": request.env["res.partner"]._client_hub_portal_finance(),
                **self._client_hub_profile_values(client),
            },
        )

    def _client_hub_profile_values(self, client):
        """More values for the Company Profile page: a hook for the bridges (contracts)."""
        return {}

    def _client_hub_update_profile(self, client, form):
        env = request.env
        errors = {}
        labels = {
            "phone": env._("Phone"),
            "email": env._("Email"),
            "website": env._("Website"),
            "vat": env._("Tax ID"),
        }
        values = {name: self._clean_text(form, name, errors, labels[name]) for name in PROFILE_FIELDS}
        if values["email"] and "@" not in values["email"]:
            errors["email"] = env._("Enter a valid e-mail address.")
        condition_id = self._form_str(form, "tax_condition_id")
        if condition_id:
            condition = client._client_hub_tax_conditions().filtered(
                lambda c: c.id == self._form_int(condition_id)
            )
            if not condition:
                errors["tax_condition_id"] = env._("Choose a tax condition from the list.")
            values["tax_condition_id"] = condition.id
        elif condition_id is None:
            errors["tax_condition_id"] = env._("Choose a tax condition from the list.")
        else:
            values["tax_condition_id"] = False
        condition = env["res.partner.tax.condition"].sudo().browse(values.get("tax_condition_id"))
        if condition.vat_required and not (values["vat"] if client.can_edit_vat() else client.vat):
            # Said at the fields to fix; nothing is saved, everything typed stays in the form.
            errors["tax_condition_id"] = env._(
                "“%(condition)s” requires a tax ID: enter your tax ID above, "
                "or choose another tax condition.",
                condition=condition.name,
            )
            errors.setdefault("vat", env._("Required by the tax condition you chose."))
        if errors:
            return errors, False
        try:
            with env.cr.savepoint():
                requested = env["res.partner"]._client_hub_portal_update_profile(values)
        except (UserError, ValidationError) as error:
            return {"general": error.args[0]}, False
        return {}, "requested" if requested else True

    # ------------------------------------------------------------------ credentials
    @route("/my/credentials", type="http", auth="user", website=True, methods=["GET"], readonly=True)
    def client_hub_credentials(self, **kw):
        client = self._client_hub_vault_client_or_404()
        return request.render(
            "client_hub.portal_my_credentials",
            {
                **self._prepare_portal_layout_values(),
                "page_name": "client_hub_credentials",
                "credentials": self._client_hub_credentials(client),
                "saved": kw.get("saved"),
            },
        )

    @route(
        ["/my/credentials/new", "/my/credentials/<int:credential_id>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        readonly=_read_only_when_get,
    )
    def client_hub_credential(self, credential_id=None, **form):
        client = self._client_hub_vault_client_or_404()
        credential = request.env["res.partner.credential"]
        if credential_id is not None:
            credential = self._client_hub_credential(client, credential_id)
            if not credential:
                raise NotFound()
        errors = {}
        if request.httprequest.method == "POST":
            errors = self._client_hub_save_credential(client, credential, form)
            if not errors:
                return request.redirect("/my/credentials?saved=1")
        return request.render(
            "client_hub.portal_my_credential",
            {
                **self._prepare_portal_layout_values(),
                "page_name": "client_hub_credential",
                "credential": credential,
                "platforms": credential._fields["platform"]._description_selection(request.env),
                "form": form,
                "errors": errors,
            },
        )

    def _client_hub_save_credential(self, client, credential, form):
        env = request.env
        errors = {}
        values = {
            "name": self._clean_text(form, "name", errors, env._("Name"), required=True),
            "url": self._clean_text(form, "url", errors, env._("URL")),
            "login": self._clean_text(form, "login", errors, env._("Login")),
            "note": self._clean_text(form, "note", errors, env._("Note"), limit=MAX_NOTE),
        }
        platforms = dict(env["res.partner.credential"]._fields["platform"].selection)
        values["platform"] = self._form_str(form, "platform")
        if values["platform"] == "":
            values["platform"] = "other"
        if values["platform"] not in platforms:
            errors["platform"] = env._("Choose a platform from the list.")
        port = self._form_str(form, "port")
        values["port"] = self._form_int(port, high=65535) or False  # none: no port (NULL), not 0
        if port is None or (port and not values["port"]):
            errors["port"] = env._("The port is a number from 1 to 65535.")
        secret = self._clean_text(
            form, "secret", errors, env._("Secret"), limit=MAX_NOTE, required=not credential
        )
        if secret:
            values["secret"] = secret
        if errors:
            return errors
        try:
            with env.cr.savepoint():
                env["res.partner.credential"]._client_hub_portal_save(values, credential.id)
        except (UserError, ValidationError) as error:
            return {"general": error.args[0]}
        return {}

    # ------------------------------------------------------------------ satisfaction
    @route(
        "/my/satisfaction",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        readonly=_read_only_when_get,
    )
    def client_hub_satisfaction(self, **form):
        client = self._client_hub_client_or_404()
        errors, saved = {}, False
        if request.httprequest.method == "POST":
            errors = self._client_hub_rate(client, form)
            saved = not errors
        return request.render(
            "client_hub.portal_my_satisfaction",
            {
                **self._prepare_portal_layout_values(),
                "page_name": "client_hub_satisfaction",
                # Read through the portal rule: the answers of the client's own people only.
                "ratings": request.env["rating.rating"].search(
                    [("client_id", "=", client.id)], order="rating_date desc, id desc", limit=50
                ),
                "form": form if errors else {},
                "errors": errors,
                "saved": saved,
            },
        )

    def _client_hub_rate(self, client, form):
        env = request.env
        errors = {}
        score = self._form_str(form, "score")
        if score not in {"1", "2", "3", "4", "5"}:
            errors["score"] = env._("Choose from 1 to 5 stars.")
        comment = self._clean_text(form, "comment", errors, env._("Comment"), limit=MAX_NOTE)
        if errors:
            return errors
        env["rating.rating"]._client_hub_portal_rate(int(score), comment)
        return {}
