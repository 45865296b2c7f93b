from .common import ClientHubCase


class TestClientImport(ClientHubCase):
    def test_import_profile_columns(self):
        category = self.env["res.partner.client.category"].create({"name": "Imported"})
        subcategory = self.env["res.partner.client.category"].create(
            {"name": "Sub", "parent_id": category.id}
        )
        source = self.env.ref("utm.utm_source_referral")
        fields = [
            "name",
            "is_company",
            "client_status_id",
            "client_category_id",
            "tax_condition_id",
            "vat",
            "acquisition_source_id",
        ]
        rows = [
            ["Imported One", "1", "Active", "Imported / Sub", "VAT registered", "PL5213000009", "Referral"],
            ["Imported Two", "1", "Prospect", "Imported", "Final consumer", "", ""],
        ]
        result = self.env["res.partner"].load(fields, rows)
        self.assertFalse(result["messages"], result["messages"])
        one, two = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(one.client_status_id, self.status_active)
        self.assertEqual(one.client_category_id, subcategory)
        self.assertEqual(one.tax_condition_id, self.condition_registered)
        self.assertEqual(one.acquisition_source_id, source)
        self.assertTrue(one.is_client and one.ref)
        self.assertEqual(two.client_category_id, category)

    def test_import_reports_a_bad_row(self):
        fields = ["name", "is_company", "client_status_id", "tax_condition_id", "vat"]
        rows = [["No VAT Co", "1", "Active", "VAT registered", ""]]
        result = self.env["res.partner"].load(fields, rows)
        self.assertFalse(result["ids"])
        self.assertIn("requires a tax ID", result["messages"][0]["message"])
