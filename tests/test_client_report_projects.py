from unittest.mock import patch

from .common import ProjectsCase


class TestClientReportProjects(ProjectsCase):
    """ "Open project" has one definition (project.project's `_client_hub_open_domain`): the Clients
    Analysis counts what the client's Projects smart button counts."""

    def setUp(self):
        super().setUp()
        self.Project = self.env["project.project"].with_user(self.manager)
        self.Project.create({"name": "Acme Template", "partner_id": self.client.id, "is_template": True})

    def _report_counts(self):
        self.env.flush_all()  # the report reads the tables
        Report = self.env["res.partner.client.report"].with_user(self.manager)
        groups = Report._read_group(
            [("partner_id", "in", (self.client | self.other_client).ids), ("kind", "=", "client")],
            ["partner_id"],
            ["client_projects:sum"],
        )
        return {partner: int(count) for partner, count in groups}

    def _button_counts(self):
        clients = (self.client | self.other_client).with_user(self.manager)
        clients.invalidate_recordset(["client_project_count"])
        return {client: client.client_project_count for client in clients}

    def test_report_and_smart_button_count_the_same_projects(self):
        counts = self._button_counts()
        self.assertEqual(counts, {self.client: 2, self.other_client: 1}, "no done, archived, template")
        self.assertEqual(self._report_counts(), counts)

    def test_the_report_follows_the_one_definition(self):
        Project = self.registry["project.project"]
        original = Project._client_hub_open_domain

        def stricter(project_model):
            return [*original(project_model), ("name", "!=", "Acme Website")]

        with patch.object(Project, "_client_hub_open_domain", stricter):
            counts = self._button_counts()
            self.assertEqual(counts, {self.client: 1, self.other_client: 1})
            self.assertEqual(self._report_counts(), counts)
