from stdnum.util import get_cc_module

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoTaxIds(TransactionCase):
    def test_demo_tax_ids_pass_their_checksum(self):
        # base_vat (installed with a localization such as l10n_pl) refuses a tax ID whose check
        # digit is wrong, and Odoo then drops the whole demo data of the module.
        data = self.env["ir.model.data"].search(
            [("module", "=", "client_hub"), ("model", "=", "res.partner")]
        )
        partners = self.env["res.partner"].browse(data.mapped("res_id")).filtered("vat")
        if self.env.ref("client_hub.client_kowalski", raise_if_not_found=False):
            self.assertGreaterEqual(len(partners), 5)
        for partner in partners:
            country = partner.country_id.code.lower()
            number = partner.vat[2:] if partner.vat[:2].lower() == country else partner.vat
            with self.subTest(partner=partner.name, vat=partner.vat):
                self.assertTrue(get_cc_module(country, "vat").is_valid(number))
