from odoo.tests import tagged

from .common import ProjectsCase, json_rpc


@tagged("post_install", "-at_install")
class TestProjectAccess(ProjectsCase):
    """Over HTTP (JSON-RPC as the web client calls it): a Client Hub user without Odoo's project
    groups reads the Clients list with its Projects column and filter but creates no project; a
    project manager creates one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_user("ch_proj_user", "client_hub.group_client_hub_user")

    def call_kw(self, login, model, method, args, kwargs=None):
        self.authenticate(login, login)
        return json_rpc(self, model, method, args, kwargs)

    def test_client_hub_user_reads_the_projects_column_and_filter(self):
        result, error = self.call_kw(
            "ch_proj_user",
            "res.partner",
            "web_search_read",
            [[("is_client", "=", True), ("client_project_count", ">", 0)]],
            {"specification": {"display_name": {}, "client_project_count": {}}},
        )
        self.assertFalse(error, error.get("debug", "")[-1500:])
        counts = {row["display_name"]: row["client_project_count"] for row in result["records"]}
        self.assertEqual(counts.get("Acme Projects"), 2)
        self.assertEqual(counts.get("Rival Corp"), 1)

    def test_only_project_managers_create_a_clients_project(self):
        values = {"name": "Sneaky Project", "partner_id": self.client.id, "privacy_visibility": "portal"}
        _result, error = self.call_kw("ch_proj_user", "project.project", "create", [values])
        self.assertEqual(error.get("name"), "odoo.exceptions.AccessError")
        self.assertFalse(self.env["project.project"].search([("name", "=", "Sneaky Project")]))
        result, error = self.call_kw("ch_proj_manager", "project.project", "create", [values])
        self.assertFalse(error, error.get("debug", "")[-1500:])
        project = self.env["project.project"].browse(result)
        self.assertIn(self.client, project.message_partner_ids)
