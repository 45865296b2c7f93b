from .common import ProjectsCase


class TestProjectFilters(ProjectsCase):
    """The Clients search: by project, "Has open projects", "No project"."""

    def _clients(self, domain):
        self.env.invalidate_all()
        clients = self.env["res.partner"].with_user(self.manager).search([("is_client", "=", True), *domain])
        return clients & (self.client | self.other_client | self.idle | self.finished)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.idle, cls.finished = cls._create_clients("Idle Ltd", "Finished Ltd")
        finished = cls.env["project.project"].create(
            {"name": "Finished Migration", "partner_id": cls.finished.id}
        )
        finished.stage_id = cls.env.ref("project.project_project_stage_2")

    def test_has_open_projects(self):
        self.assertEqual(self._clients([("client_project_count", ">", 0)]), self.client | self.other_client)

    def test_no_project(self):
        # Finished Ltd has a project, done: it is in neither filter.
        self.assertEqual(self._clients([("client_project_ids", "=", False)]), self.idle)

    def test_exactly_n_open_projects(self):
        self.assertEqual(self._clients([("client_project_count", "=", 2)]), self.client)
        self.assertEqual(self._clients([("client_project_count", "=", 0)]), self.idle | self.finished)
        self.assertEqual(
            self._clients([("client_project_count", "!=", 1)]), self.client | self.idle | self.finished
        )

    def test_search_by_project_name_finds_the_client_of_a_contacts_project(self):
        self.assertEqual(self._clients([("client_project_ids", "ilike", "intranet")]), self.client)
        self.assertEqual(self._clients([("client_project_ids", "ilike", "migration")]), self.finished)
        self.assertEqual(
            self._clients([("client_project_ids", "in", self.rival_project.ids)]), self.other_client
        )

    def test_the_search_view_has_the_filters(self):
        arch = self.env.ref("client_hub.res_partner_view_search_clients").arch
        for name in ('name="client_project_ids"', 'name="has_open_projects"', 'name="no_project"'):
            self.assertIn(name, arch)
