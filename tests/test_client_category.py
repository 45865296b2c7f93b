from odoo.exceptions import ValidationError

from .common import ClientHubCase


class TestClientCategory(ClientHubCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Category = cls.env["res.partner.client.category"]
        cls.retail = Category.create({"name": "Retail (test)"})
        cls.shops = Category.create({"name": "Shops", "parent_id": cls.retail.id})
        cls.kiosks = Category.create({"name": "Kiosks", "parent_id": cls.shops.id})

    def test_complete_name(self):
        self.assertEqual(self.kiosks.complete_name, "Retail (test) / Shops / Kiosks")
        self.retail.name = "Trade"
        self.assertEqual(self.kiosks.complete_name, "Trade / Shops / Kiosks")

    def test_cycle_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "own parent"):
            self.retail.parent_id = self.kiosks
        with self.assertRaises(ValidationError):
            self.shops.parent_id = self.shops

    def test_filtering_by_parent_finds_subcategories(self):
        in_kiosks = self._create_client("Kiosk Client", client_category_id=self.kiosks.id)
        in_retail = self._create_client("Retail Client", client_category_id=self.retail.id)
        elsewhere = self._create_client("Other Client")
        # The Clients search view searches categories with child_of.
        search_view = self.env.ref("client_hub.res_partner_view_search_clients")
        self.assertIn('name="client_category_id" operator="child_of"', search_view.arch_db)
        found = self.env["res.partner"].search([("client_category_id", "child_of", self.retail.id)])
        self.assertIn(in_kiosks, found)
        self.assertIn(in_retail, found)
        self.assertNotIn(elsewhere, found)
