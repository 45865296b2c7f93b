from odoo.tests import new_test_user, tagged

from .common import ProjectsCase


@tagged("post_install", "-at_install")
class TestProjectsTour(ProjectsCase):
    def test_new_project_from_the_client_then_in_the_portal(self):
        client = self._create_clients("Tour Projects Ltd")
        portal = new_test_user(self.env, login="ch_tour_proj_portal", groups="base.group_portal")
        portal.partner_id.parent_id = client
        self.start_tour("/odoo", "client_hub_new_project", login="ch_proj_manager")
        project = self.env["project.project"].search([("name", "=", "Tour Launch")])
        self.assertEqual(project.partner_id, client)
        self.assertEqual(project.privacy_visibility, "portal")
        self.assertIn(client, project.message_partner_ids)
        self.start_tour("/my/client", "client_hub_portal_projects", login="ch_tour_proj_portal")
