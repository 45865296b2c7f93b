from odoo.tests import tagged

from .common import ClientHubCase, ClientHubHttpCase, new_vault_key, vault_keys


class TestListQueryCounts(ClientHubCase):
    """The Clients list costs the same number of queries for 10 rows as for 100: no N+1 (its
    Projects column included)."""

    def _specification(self, view_xmlid="client_hub.res_partner_view_list_clients"):
        view = self.env.ref(view_xmlid)
        # The view as the user gets it: without the columns of groups it is not in (finance).
        Partner = self.env["res.partner"].with_user(self.user_client_hub)
        fields = Partner.get_views([(view.id, "list")])["models"]["res.partner"]["fields"]
        return {
            name: {"fields": {"display_name": {}}} if info["type"] in ("many2one", "many2many") else {}
            for name, info in fields.items()
        }

    def _queries(self, limit, specification):
        Partner = self.env["res.partner"].with_user(self.user_client_hub)
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        # The test's clients only: 10 and 100 rows of the same shape, whatever the demo data lists first.
        Partner.web_search_read(
            [("is_client", "=", True), ("name", "=like", "Listed %")], specification, limit=limit
        )
        return self.env.cr.sql_log_count - before

    def _create_clients(self):
        categories = self.env["res.partner.client.category"].create([{"name": f"Cat {i}"} for i in range(5)])
        clients = self.env["res.partner"].create(
            [
                {
                    "name": f"Listed {i:03}",
                    "is_company": True,
                    "client_status_id": self.status_active.id,
                    "client_category_id": categories[i % 5].id,
                    "country_id": self.env.ref("base.pl").id,
                }
                for i in range(110)
            ]
        )
        self.env["rating.rating"].create(
            [{"client_id": client.id, "rating": 1 + i % 5} for i, client in enumerate(clients)]
        )
        # Projects for the Projects column: of the clients and of contacts, some of them done.
        contacts = self.env["res.partner"].create(
            [{"name": f"Contact {i:03}", "parent_id": client.id} for i, client in enumerate(clients[::2])]
        )
        projects = self.env["project.project"].create(
            [
                {"name": f"Project {i:03}", "partner_id": partner.id}
                for i, partner in enumerate(clients | contacts)
            ]
        )
        projects[::3].stage_id = self.env.ref("project.project_project_stage_2")

    def test_list_query_count_does_not_grow(self):
        self._create_clients()
        specification = self._specification()
        self.assertIn("satisfaction_score", specification)
        self.assertIn("client_project_count", specification)
        self._queries(10, specification)  # warm the registry caches
        ten = self._queries(10, specification)
        self.assertGreater(ten, 0, "the queries are counted")
        self.assertEqual(ten, self._queries(100, specification))

    def test_list_costs_at_most_two_queries_more_than_the_contacts_list(self):
        self._create_clients()
        clients, contacts = self._specification(), self._specification("base.view_partner_tree")
        self._queries(80, clients), self._queries(80, contacts)  # warm the registry caches
        self.assertLessEqual(self._queries(80, clients), self._queries(80, contacts) + 2)


# Queries of each portal page for a logged-in client (whatever its number of records): a change that
# makes a page cost more fails here. Lower them when a page gets cheaper. /my/client asks Odoo's
# can_edit_vat() whether invoices exist (issue #15: the VAT is then read-only), and whether the user
# is a portal user. Its Projects line (issue #19) counts what Odoo's /my/projects lists, as the user
# (Odoo's portal rule on projects: 3 queries), and its pending tax condition request (issue #28: 1).
# /my: 24 since its tiles count through the portal record rules (issue #24), not in sudo.
# /my/client: 19 since its finance card (issue #28: the figures' query and the currency's format).
# The vault pages read the user's grant (res.partner.vault.grant, one query) since 19.0.1.6.0.
PORTAL_QUERIES = {"/my/client": 19, "/my/credentials": 9, "/my/satisfaction": 7, "/my": 25}


@tagged("post_install", "-at_install")
class TestPortalQueryCounts(ClientHubHttpCase):
    """Portal pages cost the same number of queries for 1 credential or address as for 50."""

    def _client_with(self, count, key):
        client = self._create_client(f"Client with {count}")
        login = f"ch_queries_{count}"
        user = self._create_client_portal_user(login, client, password=f"{login}_pw")
        user.partner_id._client_hub_grant_vault()
        workplace = self.env.ref("client_hub.address_type_workplace")
        self.env["res.partner"].create(
            [
                {"name": f"Site {i}", "parent_id": client.id, "address_type_id": workplace.id}
                for i in range(count)
            ]
        )
        with vault_keys(key):
            self.env["res.partner.credential"].create(
                [{"partner_id": client.id, "name": f"Access {i}", "secret": f"s-{i}"} for i in range(count)]
            )
        return login

    def _page_queries(self, login, url):
        self.authenticate(login, f"{login}_pw")
        self.url_open(url)  # warm up caches and assets
        before = self.env.cr.sql_log_count
        self.assertEqual(self.url_open(url).status_code, 200)
        return self.env.cr.sql_log_count - before

    def test_portal_query_counts_do_not_grow(self):
        key = new_vault_key()
        one, fifty = self._client_with(1, key), self._client_with(50, key)
        for url in ("/my/client", "/my/credentials", "/my/satisfaction", "/my"):
            with self.subTest(url=url):
                queries = self._page_queries(one, url)
                self.assertGreater(queries, 0, "the request's queries are counted")
                self.assertEqual(queries, self._page_queries(fifty, url))
                self.assertLessEqual(queries, PORTAL_QUERIES[url], f"{url} costs {queries} queries")
