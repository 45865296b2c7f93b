from pathlib import Path

from lxml import etree

from odoo.tools.translate import PoFileReader

from .common import ClientHubCase

MODULE = Path(__file__).resolve().parent.parent


class TestWords(ClientHubCase):
    """What the module shows, in the user's language, wherever the term comes from: the OCA
    fields and pages on its screens, its demo records, a category's path."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"]._load_module_terms(["client_hub"], ["ru_RU"], overwrite=True)
        cls.ru = cls.env(context={"lang": "ru_RU"})

    def test_oca_fields_labels_and_values_in_russian(self):
        described = self.ru["res.partner"].fields_get(["mobile", "gender"], ["string", "selection"])
        self.assertEqual(described["mobile"]["string"], "Мобильный")
        self.assertEqual(described["gender"]["string"], "Пол")
        self.assertEqual(
            [tuple(pair) for pair in described["gender"]["selection"]],
            [("male", "Мужской"), ("female", "Женский"), ("other", "Прочее")],
        )

    def test_person_or_company_in_russian(self):
        described = self.ru["res.partner"].fields_get(["company_type"], ["selection"])["company_type"]
        self.assertEqual(dict(described["selection"]), {"person": "Физическое лицо", "company": "Компания"})

    def test_client_form_shows_oca_page_and_placeholders_in_russian(self):
        arch = etree.fromstring(self.ru["res.partner"].get_views([(False, "form")])["views"]["form"]["arch"])
        [page] = arch.xpath("//page[@name='personal_information_page']")
        self.assertEqual(page.get("string"), "Личные данные")
        mobile = arch.xpath("//sheet//div[@name='mobile']/field[@name='mobile']")[0]
        self.assertEqual(mobile.get("placeholder"), "Мобильный")
        function = arch.xpath("//sheet//i[hasclass('fa-suitcase')]/../field[@name='function']")[0]
        self.assertEqual(function.get("placeholder"), "Должность")

    def test_search_offers_gender_as_group_by_names_it(self):
        search = self.env.ref("client_hub.res_partner_view_search_clients")
        arch = etree.fromstring(
            self.ru["res.partner"].get_views([(search.id, "search")])["views"]["search"]["arch"]
        )
        [group_by] = arch.xpath("//filter[@name='group_gender']")
        field_label = self.ru["res.partner"].fields_get(["gender"], ["string"])["gender"]["string"]
        self.assertEqual((group_by.get("string"), field_label), ("Пол", "Пол"))

    def test_category_path_in_the_users_language(self):
        retail = self.env["res.partner.client.category"].create({"name": "Retail (test)"})
        shops = self.env["res.partner.client.category"].create(
            {"name": "Shops (test)", "parent_id": retail.id}
        )
        retail.update_field_translations("name", {"ru_RU": "Розница (тест)"})
        shops.update_field_translations("name", {"ru_RU": "Магазины (тест)"})
        self.assertEqual(shops.display_name, "Retail (test) / Shops (test)")
        self.assertEqual(shops.with_context(lang="ru_RU").display_name, "Розница (тест) / Магазины (тест)")
        found = self.ru["res.partner.client.category"].name_search("Магазины (тест)")
        self.assertEqual([record_id for record_id, _name in found], shops.ids)

    def test_demo_records_translated_in_every_language(self):
        # Every translatable field a demo record sets has a translation in pl, ru and es, bound
        # to that record (how Odoo loads the translations of a module's records).
        expected = set()
        for path in sorted((MODULE / "demo").glob("*.xml")):
            for record in etree.parse(str(path)).iter("record"):
                model = self.env[record.get("model")]
                for field in record.iter("field"):
                    if (
                        field.get("ref") is None
                        and field.get("eval") is None
                        and model._fields[field.get("name")].translate
                    ):
                        expected.add(
                            f"{record.get('model')},{field.get('name')}:client_hub.{record.get('id')}"
                        )
        self.assertGreaterEqual(len(expected), 13)  # 7 categories, 6 projects
        for lang in ("pl", "ru", "es"):
            with open(MODULE / "i18n" / f"{lang}.po", "rb") as po:
                translated = {
                    f"{row['imd_model']},{row['name'].split(',')[1]}:client_hub.{row['imd_name']}"
                    for row in PoFileReader(po)
                    if row["type"] == "model" and row["value"]
                }
            self.assertFalse(expected - translated, f"demo records without a {lang} translation")
