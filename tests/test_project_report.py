from .common import ProjectsCase


class TestProjectReport(ProjectsCase):
    """Clients Analysis: projects per client, averaged over the clients."""

    def _group(self, domain, groupby):
        self.env.flush_all()  # the report reads the tables
        Report = self.env["res.partner.client.report"].with_user(self.manager)
        return Report._read_group(domain, groupby, ["client_projects:avg", "client_count:sum"])

    def test_projects_per_client(self):
        clients = self.client | self.other_client
        [(average, count)] = self._group([("partner_id", "in", clients.ids)], [])
        self.assertEqual(count, 2)
        self.assertEqual(average, 1.5, "(2 open projects + 1) / 2 clients")
        groups = self._group([("partner_id", "in", clients.ids)], ["partner_id"])
        by_client = {partner: average for partner, average, _count in groups}
        self.assertEqual(by_client, {self.client: 2.0, self.other_client: 1.0})

    def test_a_client_without_project_counts_zero_and_ratings_do_not_count(self):
        idle = self._create_clients("Idle Ltd")
        self.env["rating.rating"].create({"client_id": self.client.id, "rating": 4})
        [(average, count)] = self._group([("partner_id", "in", (idle | self.client).ids)], [])
        self.assertEqual((average, count), (1.0, 2), "(0 + 2) / 2 clients; the rating's row has none")
