from .common import ProjectsCase


class TestProjectCounts(ProjectsCase):
    """A client's open projects: its own and its contacts', not done, archived or templates."""

    def test_open_projects_of_the_client_and_its_contacts(self):
        client = self.client.with_user(self.manager)
        # Website (the client's) and Intranet (its contact's); not the done nor the archived one.
        self.assertEqual(client.client_project_count, 2)
        self.assertEqual(self.other_client.with_user(self.manager).client_project_count, 1)
        self.assertEqual(
            client.client_project_ids.sorted("name").mapped("name"),
            ["Acme Intranet", "Acme Old Shop", "Acme Website"],
        )

    def test_a_contact_shows_its_clients_count(self):
        self.assertEqual(self.contact.with_user(self.manager).client_project_count, 2)

    def test_reopening_and_closing_change_the_count(self):
        self.done.sudo().stage_id = self.env.ref("project.project_project_stage_1")
        self.website.sudo().stage_id = self.env.ref("project.project_project_stage_3")  # cancelled
        self.env.invalidate_all()
        self.assertEqual(self.client.with_user(self.manager).client_project_count, 2)
        self.env["project.project"].create(
            {"name": "Acme Template", "partner_id": self.client.id, "is_template": True}
        )
        self.env.invalidate_all()
        self.assertEqual(
            self.client.with_user(self.manager).client_project_count, 2, "a template is no project"
        )

    def test_smart_button_opens_the_open_projects(self):
        action = self.client.with_user(self.manager).action_open_client_projects()
        projects = self.env["project.project"].search(action["domain"])
        self.assertEqual(projects, self.website | self.intranet)
        self.assertEqual(action["res_model"], "project.project")
        self.assertEqual(action["context"]["default_partner_id"], self.client.id)

    def test_a_client_hub_user_without_project_rights_counts_what_it_may_read(self):
        # Odoo lets every internal user read the projects open to employees; a project of invited
        # internal users only is not counted for someone not invited.
        self.intranet.sudo().privacy_visibility = "followers"
        self.env.invalidate_all()
        self.assertEqual(self.client.with_user(self.manager).client_project_count, 2, "a manager sees all")
        reader = self.env["res.users"].create(
            {
                "name": "Reader Rob",
                "login": "ch_proj_reader",
                "group_ids": [(6, 0, [self.env.ref("client_hub.group_client_hub_user").id])],
            }
        )
        self.assertEqual(self.client.with_user(reader).client_project_count, 1)
        # Its Clients list filters without Odoo's project stages group (the stage is read in sudo).
        with_open = self.env["res.partner"].with_user(reader).search([("client_project_count", ">", 0)])
        self.assertIn(self.client, with_open)
