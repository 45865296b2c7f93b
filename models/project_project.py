from odoo import api, models

# Odoo's visibilities under which portal users see the projects they (or their company) follow.
PORTAL_VISIBILITIES = ("invited_users", "portal")


class ProjectProject(models.Model):
    _inherit = "project.project"

    @api.model
    def _client_hub_open_domain(self):
        """Open projects: not templates, not archived, not in a folded stage (Done, Cancelled).
        Read in sudo: the stage is hidden from users without Odoo's project stages group."""
        return [("is_template", "=", False), "|", ("stage_id", "=", False), ("stage_id.fold", "=", False)]

    @api.model
    def _client_hub_open_project_query(self, domain=None):
        """The open projects the user may read among `domain` (projects with a customer by default),
        as a Query: Odoo's access rights and record rules pick the projects the user may read, then
        `_client_hub_open_domain` (in sudo) the open ones. The one definition of the clients' open
        projects: the Clients Analysis builds its SQL from it, the Projects button counts with it."""
        if not self.has_access("read"):
            return self.browse()._as_query()
        visible = self._search(domain or [("partner_id", "!=", False)])
        return self.sudo()._search([("id", "in", visible), *self._client_hub_open_domain()])

    @api.model_create_multi
    def create(self, vals_list):
        projects = super().create(vals_list)
        projects._client_hub_follow_clients()
        return projects

    def write(self, vals):
        previous = (
            {project: project.partner_id.commercial_partner_id for project in self}
            if "partner_id" in vals
            else {}
        )
        result = super().write(vals)
        for project, client in previous.items():
            if client and client != project.partner_id.commercial_partner_id:
                project._client_hub_unfollow_client(client)
        if vals.get("partner_id") or vals.get("privacy_visibility"):
            self._client_hub_follow_clients()
        return result

    def _client_hub_unfollow_client(self, client):
        """A project moved away from a client: the client and its people no longer follow it or its
        tasks, so that Odoo's portal rule stops showing them to the client's people."""
        people = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search([("id", "child_of", client.ids)])
        )
        for project in self.sudo():
            project.message_unsubscribe(people.ids)
            project.with_context(active_test=False).task_ids.message_unsubscribe(people.ids)

    def _client_hub_follow_clients(self):
        """A client's project shared in the portal is followed by the client (its commercial partner):
        Odoo's portal rule then shows it, and the tasks the client follows, to all the client's people
        in /my/projects and /my/tasks, and to nobody of another client. The client also follows with
        "Task Created", Odoo's subtype that makes the project's followers follow its new tasks."""
        shared = self.filtered(
            lambda project: (
                project.privacy_visibility in PORTAL_VISIBILITIES
                and project.partner_id.commercial_partner_id.is_client
            )
        )
        if not shared:
            return
        Subtype = self.env["mail.message.subtype"]
        subtypes = Subtype.default_subtypes(self._name)[2] | self.env.ref("project.mt_project_task_new")
        for project in shared.sudo():
            client = project.partner_id.commercial_partner_id
            if client not in project.message_partner_ids:
                project.message_subscribe(client.ids, subtypes.ids)
            tasks = project.with_context(active_test=False).task_ids.filtered(
                lambda task, client=client: (
                    task.partner_id.commercial_partner_id == client and client not in task.message_partner_ids
                )
            )
            tasks.message_subscribe(client.ids)
