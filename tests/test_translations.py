from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ClientHubHttpCase


@tagged("post_install", "-at_install")
class TestTranslations(ClientHubHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in ("pl_PL", "ru_RU"):
            cls.env["res.lang"]._activate_lang(code)
        cls.env["ir.module.module"]._load_module_terms(["client_hub"], ["pl_PL", "ru_RU"], overwrite=True)
        cls.user_pl = cls._create_user(
            "ch_polish", "client_hub.group_client_hub_user", context={"lang": "pl_PL"}
        )
        cls.user_pl.lang = "pl_PL"

    def test_back_office_in_polish(self):
        env = self.env(user=self.user_pl, context={"lang": "pl_PL"})
        menus = env["ir.ui.menu"].load_menus(debug=False)
        root = self.env.ref("client_hub.client_hub_menu_root")
        self.assertEqual(menus[root.id]["name"], "Klienci")
        self.assertEqual(env.ref("client_hub.client_status_active").name, "Aktywny")
        self.assertEqual(env.ref("client_hub.client_status_prospect").name, "Potencjalny klient")
        client = env["res.partner"].create(
            {
                "name": "Polski Klient",
                "is_company": True,
                "client_status_id": env.ref("client_hub.client_status_active").id,
            }
        )
        with self.assertRaisesRegex(
            ValidationError, "Ocena zadowolenia musi mieścić się w zakresie od 1 do 5"
        ):
            env["rating.rating"].create({"client_id": client.id, "rating": 7})

    def test_portal_page_in_russian(self):
        client = self._create_client("Русский клиент")
        user = self._create_client_portal_user("ch_russian", client, password="ch_russian_pw")
        user.write({"lang": "ru_RU"})
        self.authenticate("ch_russian", "ch_russian_pw")
        # The portal's language is the visitor's choice, kept in the frontend_lang cookie.
        self.opener.cookies.set("frontend_lang", "ru_RU")
        page = self.url_open("/my/client").text
        self.assertIn("Профиль компании", page)
        self.assertIn("Налоговый статус", page)
