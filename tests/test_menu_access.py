from odoo.tools.safe_eval import safe_eval

from .common import ClientHubCase


class TestMenuAccess(ClientHubCase):
    def _menu_ids(self, user):
        """Ids of the menus the web client shows the user (children of hidden menus excluded)."""
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(debug=False)
        return {key for key in menus if isinstance(key, int)}

    def _menu(self, xmlid):
        return self.env.ref(f"client_hub.{xmlid}").id

    def test_internal_user_without_groups_sees_no_client_hub_menu(self):
        menus = self._menu_ids(self.user_internal)
        for xmlid in ("client_hub_menu_root", "client_hub_menu_config", "client_hub_menu_config_sources"):
            self.assertNotIn(self._menu(xmlid), menus, xmlid)

    def test_user_sees_clients_but_not_configuration(self):
        menus = self._menu_ids(self.user_client_hub)
        self.assertIn(self._menu("client_hub_menu_clients"), menus)
        self.assertIn(self._menu("client_hub_menu_reporting_clients"), menus)
        self.assertNotIn(self._menu("client_hub_menu_config"), menus)
        self.assertNotIn(self._menu("client_hub_menu_config_sources"), menus)

    def test_manager_sees_configuration(self):
        self.assertIn(self._menu("client_hub_menu_config_sources"), self._menu_ids(self.user_manager))

    def test_user_opens_clients_list(self):
        client = self._create_client("Listed Client Ltd")
        action = self.env["ir.actions.act_window"]._for_xml_id("client_hub.res_partner_action_clients")
        rows = (
            self.env["res.partner"]
            .with_user(self.user_client_hub)
            .web_search_read(domain=safe_eval(action["domain"]), specification={"display_name": {}}, limit=80)
        )
        self.assertIn(client.id, [row["id"] for row in rows["records"]])
