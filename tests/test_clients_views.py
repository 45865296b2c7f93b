from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import ClientHubCase

MAX_DEFAULT_COLUMNS = 7  # more cut the client names short at 1440 px


@tagged("post_install", "-at_install")
class TestClientsViews(ClientHubCase):
    """The Clients list reads at a glance, its kanban cards are CRM's, and the lists opened from a
    client do not repeat it."""

    def _arch(self, model, view_type, view_ref=None, action=None, context=None):
        Model = self.env[model].with_user(self.user_manager).with_context(**(context or {}))
        view_id = self.env.ref(view_ref).id if view_ref else False
        views = Model.get_views([(view_id, view_type)])
        return etree.fromstring(views["views"][view_type]["arch"])

    def test_list_shows_at_most_seven_columns_name_first(self):
        arch = self._arch("res.partner", "list", "client_hub.res_partner_view_list_clients")
        shown = [
            field.get("name")
            for field in arch.xpath("./field")
            if field.get("optional") != "hide" and not field.get("column_invisible")
        ]
        self.assertLessEqual(len(shown), MAX_DEFAULT_COLUMNS, shown)
        self.assertEqual(shown[0], "complete_name", "the name comes first")
        # The rest are still there, to show from the optional columns menu.
        for name in ("country_id", "client_category_id", "client_since", "client_project_count"):
            self.assertIn(arch.xpath(f"./field[@name='{name}']/@optional"), (["hide"], ["show"]), name)

    def test_credentials_opened_from_a_client_hide_the_client_column(self):
        client = self._create_client("Column Client")
        action = client.action_open_credentials()
        arch = self._arch("res.partner.credential", "list")
        (column,) = arch.xpath("./field[@name='partner_id']")
        hidden = column.get("column_invisible") or "False"
        self.assertTrue(safe_eval(hidden, {"context": action["context"]}), "hidden from the client")
        self.assertFalse(safe_eval(hidden, {"context": {}}), "shown in the Credentials menu")

    def test_address_type_header_fits(self):
        arch = self._arch("res.partner", "form")
        (column,) = arch.xpath("//field[@name='client_address_ids']/list/field[@name='address_type_id']")
        label = column.get("string") or self.env["res.partner"]._fields["address_type_id"].string
        self.assertLessEqual(len(label), len("Address Type"), label)

    def test_kanban_cards_show_salesperson_and_activities(self):
        arch = self._arch("res.partner", "kanban", "client_hub.res_partner_view_kanban_clients")
        self.assertTrue(arch.xpath("//field[@name='user_id'][@widget='many2one_avatar_user']"))
        self.assertTrue(arch.xpath("//field[@name='activity_ids'][@widget='kanban_activity']"))
