from odoo.tests import Form

from .common import ProjectsCase, migration_script


class TestNewProject(ProjectsCase):
    """*New project* on a client: Odoo's "Create a Project" dialog, for the client, shared with it."""

    def test_new_project_dialog_creates_a_shared_project_of_the_client(self):
        action = self.contact.with_user(self.manager).action_new_client_project()
        self.assertEqual(action["target"], "new")
        Project = self.env["project.project"].with_user(self.manager).with_context(**action["context"])
        with Form(Project, view="project.project_project_view_form_simplified_footer") as form:
            form.name = "Acme Mobile App"
        project = form.record
        self.assertEqual(project.partner_id, self.client, "the client, also from one of its contacts")
        self.assertEqual(project.privacy_visibility, "portal")
        self.assertIn(self.client, project.message_partner_ids)
        self.env.invalidate_all()
        self.assertEqual(self.client.with_user(self.manager).client_project_count, 3)
        task = (
            self.env["project.task"]
            .with_user(self.manager)
            .create({"name": "Wireframes", "project_id": project.id})
        )
        self.assertIn(self.client, task.message_partner_ids, "the client follows the project's new tasks")
        self.assertIn(task, self.env["project.task"].with_user(self.portal_users[self.client]).search([]))

    def test_the_button_is_for_project_managers_on_clients(self):
        arch = (
            self.env["res.partner"]
            .with_user(self.manager)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="action_new_client_project"', arch)
        self.assertIn('name="action_open_client_projects"', arch)
        user = self.env["res.users"].create(
            {
                "name": "No Projects Nick",
                "login": "ch_proj_none",
                "group_ids": [(6, 0, [self.env.ref("client_hub.group_client_hub_user").id])],
            }
        )
        arch = self.env["res.partner"].with_user(user).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn('name="action_new_client_project"', arch)

    def test_a_project_shared_later_is_followed_then(self):
        project = self.env["project.project"].create(
            {"name": "Acme Internal", "partner_id": self.contact.id, "privacy_visibility": "employees"}
        )
        self.assertNotIn(self.client, project.message_partner_ids, "not shared: not followed")
        project.privacy_visibility = "portal"
        self.assertIn(self.client, project.message_partner_ids)


class TestProjectMigration(ProjectsCase):
    """Updating to 19.0.1.3.0: projects of clients made before are followed by their client."""

    def test_existing_shared_projects_get_the_client_as_follower(self):
        self.website.message_unsubscribe(self.client.ids)
        self.assertNotIn(self.client, self.website.message_partner_ids)
        migration_script("19.0.1.3.0", "post-migration").migrate(self.env.cr, "19.0.1.2.0")
        self.env.invalidate_all()
        self.assertIn(self.client, self.website.message_partner_ids)
        self.assertNotIn(self.other_client, self.website.message_partner_ids)
