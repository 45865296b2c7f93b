from odoo.tests import tagged

from .common import ProjectsCase, json_rpc


@tagged("post_install", "-at_install", "security")
class TestSecurityProjects(ProjectsCase):
    """Issue #24 items 7 and 12, over HTTP: a project moved to another client leaves the first
    client's portal; Clients Analysis counts the projects the user may read."""

    def test_project_moved_to_another_client_leaves_the_first_clients_portal(self):
        self.authenticate("ch_proj_manager", "ch_proj_manager")
        _result, error = json_rpc(
            self, "project.project", "write", [self.website.ids, {"partner_id": self.other_client.id}]
        )
        self.assertFalse(error, error)
        self.authenticate("ch_proj_portal", "ch_proj_portal")
        self.assertNotIn("Acme Website", self.url_open("/my/projects").text)
        self.assertNotIn("Acme home page", self.url_open("/my/tasks").text)
        self.assertNotEqual(
            self.url_open(f"/my/projects/{self.website.id}", allow_redirects=False).status_code, 200
        )
        result, _error = json_rpc(
            self, "project.task", "search_read", [[("id", "=", self.task.id)]], {"fields": ["name"]}
        )
        self.assertFalse(result)
        self.authenticate("ch_proj_rival", "ch_proj_rival")
        self.assertIn("Acme Website", self.url_open("/my/projects").text, "the new client sees it")

    def test_clients_analysis_counts_what_the_clients_list_counts(self):
        self.intranet.sudo().privacy_visibility = "followers"
        reader = self.env["res.users"].create(
            {
                "name": "Reader Rita",
                "login": "ch_sec_reader",
                "password": "ch_sec_reader_pw",
                "group_ids": [(6, 0, [self.env.ref("client_hub.group_client_hub_user").id])],
            }
        )
        self.env.flush_all()
        self.authenticate("ch_sec_reader", "ch_sec_reader_pw")
        listed, error = json_rpc(self, "res.partner", "read", [self.client.ids, ["client_project_count"]])
        self.assertFalse(error, error)
        groups, error = json_rpc(
            self,
            "res.partner.client.report",
            "formatted_read_group",
            [[("partner_id", "=", self.client.id), ("kind", "=", "client")], [], ["client_projects:avg"]],
        )
        self.assertFalse(error, error)
        self.assertEqual(listed[0]["client_project_count"], 1)
        self.assertEqual(groups[0]["client_projects:avg"], 1.0)
        self.assertTrue(reader)
