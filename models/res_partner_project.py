from collections import defaultdict

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools.query import Query

from .computed_fields import COUNT_OPERATORS, clients_with_count


class ResPartner(models.Model):
    """Odoo's projects of a client and of its contacts."""

    _inherit = "res.partner"

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
        return clients_with_count(self._client_hub_open_project_counts(), operator, value)

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

    def _client_hub_open_project_counts(self, clients=None):
        """{client id: number of its open projects} of the given clients (all of them when None),
        among the projects the user may read: one grouped query, whatever the number of clients.
        "Open" is project.project's one definition, which the Clients Analysis counts with too."""
        Project = self.env["project.project"]
        domain = None if clients is None else [("partner_id.commercial_partner_id", "in", clients.ids)]
        open_projects = Project._client_hub_open_project_query(domain)
        counts = defaultdict(int)
        for partner, count in Project.sudo()._read_group(
            [("id", "in", open_projects)], ["partner_id"], ["__count"]
        ):
            counts[partner.commercial_partner_id.id] += count
        return counts

    def _client_hub_with_projects(self, project_domain):
        """A subquery of the clients (commercial partners) having a project of the domain."""
        Project = self.env["project.project"]
        projects = project_domain if isinstance(project_domain, Query) else Project._search(project_domain)
        partners = self.with_context(active_test=False)._search(
            [("id", "in", projects.subselect("partner_id"))]
        )
        return partners.subselect("commercial_partner_id")
