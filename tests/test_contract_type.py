from odoo.exceptions import AccessError

from .common import ClientHubCase


class TestContractType(ClientHubCase):
    """Contract type: a classification of the client configured by managers, in the Clients views
    (form, list, search, search panel, group by) and in both analyses."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.retainer = cls.env.ref("client_hub.contract_type_retainer")
        cls.support = cls.env.ref("client_hub.contract_type_support")
        cls.on_retainer = cls._create_client("Retainer Ltd", contract_type_id=cls.retainer.id)
        cls.on_support = cls._create_client("Support Ltd", contract_type_id=cls.support.id)
        cls.contact = cls.env["res.partner"].create(
            {"name": "Rita Retainer", "parent_id": cls.on_retainer.id}
        )
        cls.clients = cls.on_retainer | cls.on_support
        cls.env["rating.rating"].sudo().create(
            [
                {"client_id": cls.on_retainer.id, "rating": 5, "rating_date": "2026-01-15"},
                {"client_id": cls.on_retainer.id, "rating": 3, "rating_date": "2026-02-15"},
                {"client_id": cls.on_support.id, "rating": 2, "rating_date": "2026-02-20"},
            ]
        )

    def test_the_four_types_are_configured(self):
        names = self.env["res.partner.contract.type"].search([]).mapped("name")
        for name in ("Retainer", "Fixed Price", "Time and Materials", "Support"):
            self.assertIn(name, names)

    def test_the_contacts_follow_their_client(self):
        self.assertEqual(self.contact.contract_type_id, self.retainer)

    def test_clients_are_filtered_and_grouped_by_contract_type(self):
        Partner = self.env["res.partner"].with_user(self.user_client_hub)
        domain = [("id", "in", self.clients.ids)]
        self.assertEqual(
            Partner.search([*domain, ("contract_type_id", "=", self.retainer.id)]), self.on_retainer
        )
        self.assertEqual(Partner.search([*domain, ("contract_type_id", "ilike", "support")]), self.on_support)
        groups = dict(Partner._read_group(domain, ["contract_type_id"], ["__count"]))
        self.assertEqual(groups, {self.retainer: 1, self.support: 1})
        panel = Partner.search_panel_select_range(
            "contract_type_id", search_domain=domain, enable_counters=True
        )
        counts = {value["id"]: value["__count"] for value in panel["values"]}
        self.assertEqual((counts[self.retainer.id], counts[self.support.id]), (1, 1))

    def test_the_clients_views_show_the_contract_type(self):
        Partner = self.env["res.partner"].with_user(self.user_client_hub)
        views = Partner.get_views(
            [
                (self.env.ref("client_hub.res_partner_view_list_clients").id, "list"),
                (self.env.ref("base.view_partner_form").id, "form"),
                (self.env.ref("client_hub.res_partner_view_search_clients").id, "search"),
            ]
        )["views"]
        self.assertRegex(views["list"]["arch"], r'<field name="contract_type_id"[^>]*optional="hide"')
        self.assertIn('name="contract_type_id"', views["form"]["arch"])
        search = views["search"]["arch"]
        self.assertRegex(search, r"(?s)<searchpanel>.*contract_type_id.*</searchpanel>")
        self.assertIn("'group_by': 'contract_type_id'", search)
        self.assertRegex(search, r'<field name="contract_type_id"/>')

    def test_both_analyses_group_by_contract_type(self):
        expected = {
            "res.partner.satisfaction.report": {self.retainer: (2, 4.0), self.support: (1, 2.0)},
            "res.partner.client.report": {self.retainer: (2, 4.0), self.support: (1, 2.0)},
        }
        for model, by_type in expected.items():
            Report = self.env[model].with_user(self.user_client_hub)
            groups = Report._read_group(
                [("partner_id", "in", self.clients.ids)],
                ["contract_type_id"],
                ["rating_count:sum", "score:avg"],
            )
            self.assertEqual({kind: tuple(values) for kind, *values in groups}, by_type, model)
            search = Report.get_views([(False, "search")])["views"]["search"]["arch"]
            self.assertIn("'group_by': 'contract_type_id'", search, model)
            self.assertIn('name="contract_type_id"', search, model)
        [[clients]] = (
            self.env["res.partner.client.report"]
            .with_user(self.user_client_hub)
            ._read_group(
                [("partner_id", "in", self.clients.ids), ("contract_type_id", "=", self.retainer.id)],
                [],
                ["client_count:sum"],
            )
        )
        self.assertEqual(clients, 1)

    def test_managers_configure_users_read(self):
        Type = self.env["res.partner.contract.type"]
        self.assertEqual(Type.with_user(self.user_client_hub).browse(self.retainer.id).name, "Retainer")
        with self.assertRaises(AccessError):
            Type.with_user(self.user_client_hub).create({"name": "Licence"})
        licence = Type.with_user(self.user_manager).create({"name": "Licence"})
        licence.with_user(self.user_manager).name = "Software Licence"
        self.assertEqual(licence.name, "Software Licence")

    def test_demo_clients_have_contract_types(self):
        demo = self.env["res.partner"].search([("is_client", "=", True), ("contract_type_id", "!=", False)])
        self.assertGreaterEqual(len(demo.contract_type_id), 3, "demo clients on several contract types")
