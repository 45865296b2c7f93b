from .common import ClientHubCase


class TestAddressImport(ClientHubCase):
    def test_import_by_code_and_by_name(self):
        client = self._create_client("Import Client", ref="IMP-1")
        fields = ["name", "parent_id", "address_type_id", "is_default_address", "city"]
        rows = [
            ["Plant North", "Import Client", "workplace", "1", "Gdańsk"],
            ["Mail room", "Import Client", "Correspondence", "0", "Warszawa"],
        ]
        result = self.env["res.partner"].load(fields, rows)
        self.assertFalse(result["messages"], result["messages"])
        plant, mail_room = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(plant.parent_id, client)
        self.assertEqual(plant.address_type_id, self.env.ref("client_hub.address_type_workplace"))
        self.assertTrue(plant.is_default_address)
        self.assertEqual(mail_room.address_type_id, self.env.ref("client_hub.address_type_correspondence"))

    def test_unknown_type_code_is_refused(self):
        self._create_client("Import Client Two")
        fields = ["name", "parent_id", "address_type_id"]
        result = self.env["res.partner"].load(fields, [["Somewhere", "Import Client Two", "warehouse_x"]])
        self.assertFalse(result["ids"])
        self.assertEqual(len(result["messages"]), 1)
        self.assertIn("warehouse_x", result["messages"][0]["message"])
