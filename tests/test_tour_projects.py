from odoo.tests import tagged

from .common import ProjectsCase


@tagged("post_install", "-at_install")
class TestProjectsTour(ProjectsCase):
    def test_new_project_from_the_client_then_in_the_portal(self):
        client = self._create_client("Tour Projects Ltd")
        self._create_client_portal_user("ch_tour_proj_portal", client)
        self.start_tour("/odoo", "client_hub_new_project", login="ch_proj_manager")
        project = self.env["project.project"].search([("name", "=", "Tour Launch")])
        self.assertEqual(project.partner_id, client)
        self.assertEqual(project.privacy_visibility, "portal")
        self.assertIn(client, project.message_partner_ids)
        self.start_tour("/my/client", "client_hub_portal_projects", login="ch_tour_proj_portal")
