from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import NS, KsefCorrectionCase


@tagged("post_install", "-at_install")
class TestKsefExemptAndOutside(KsefCorrectionCase):
    """Exempt rows ("zw") carry the exemption's legal basis (P_19 and P_19A, not P_19N) and their
    net in P_13_7; rows outside the country ("np I") their net in P_13_8, so that the per-rate sums
    add up to P_15 (checked on every FA(3) of these tests, see KsefCorrectionCase._fa3)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ChartTemplate = cls.env["account.chart.template"]
        cls.tax_zw, cls.tax_np = ChartTemplate.ref("vs_kraj_zw"), ChartTemplate.ref("vs_ekspu")
        cls.tax_zw.invoice_legal_notes = "<p>art. 43 ust. 1 pkt 29 lit. b ustawy o VAT</p>"

    def _exemption(self, root):
        return {
            node.tag.split("}")[1]: node.text
            for node in root.xpath("fa:Fa/fa:Adnotacje/fa:Zwolnienie/*", namespaces=NS)
        }

    def test_exempt_invoice_and_its_correction(self):
        # Training 2 x 500.00 exempt = 1,000.00; 1 given: the credit note -500.00.
        invoice = self._make_invoice(
            self.client, [{"name": "Szkolenie", "quantity": 2, "price_unit": 500, "tax_ids": self.tax_zw}]
        )
        root = self._fa3(invoice)
        self.assertEqual(self._rows(root), [("Szkolenie", "2", "500.00", None, "1000.00", "zw", None)])
        self.assertEqual(self._totals(root, "P_13_7", "P_15"), ("1000.00", "1000.00"))
        self.assertEqual(
            self._exemption(root), {"P_19": "1", "P_19A": "art. 43 ust. 1 pkt 29 lit. b ustawy o VAT"}
        )
        credit_note = self._correct(invoice, edits={"Szkolenie": {"quantity": 1}})
        root = self._fa3(credit_note)
        self.assertEqual(
            self._rows(root),
            [
                ("Szkolenie", "2", "500.00", None, "1000.00", "zw", "1"),
                ("Szkolenie", "1", "500.00", None, "500.00", "zw", None),
            ],
        )
        self.assertEqual(self._totals(root, "P_13_7", "P_15"), ("-500.00", "-500.00"))
        self.assertEqual(self._exemption(root)["P_19"], "1")

    def test_taxed_invoice_says_no_exemption(self):
        self.assertEqual(self._exemption(self._fa3(self.invoice)), {"P_19N": "1"})

    def test_exempt_without_legal_basis_is_refused(self):
        self.tax_zw.invoice_legal_notes = False
        invoice = self._make_invoice(
            self.client, [{"name": "Szkolenie", "quantity": 1, "price_unit": 500, "tax_ids": self.tax_zw}]
        )
        with self.assertRaisesRegex(UserError, "legal basis of the exemption"):
            invoice._l10n_pl_edi_render_xml()

    def test_outside_the_country_rows_add_up(self):
        # Advice 1 x 400.00 "np I" and a cable 1 x 100.00 + 23 %: 400.00 + 100.00 + 23.00 = 523.00.
        invoice = self._make_invoice(
            self.client,
            [
                {"name": "Doradztwo", "quantity": 1, "price_unit": 400, "tax_ids": self.tax_np},
                {"name": "Kabel", "quantity": 1, "price_unit": 100, "tax_ids": self.tax_23},
            ],
        )
        root = self._fa3(invoice)
        self.assertEqual([row[5] for row in self._rows(root)], ["np I", "23"])
        self.assertEqual(
            self._totals(root, "P_13_1", "P_14_1", "P_13_8", "P_15"), ("100.00", "23.00", "400.00", "523.00")
        )
        # The advice at 200.00: the credit note -200.00 "np I", nothing at 23 %.
        credit_note = self._correct(invoice, edits={"Doradztwo": {"price_unit": 200}})
        root = self._fa3(credit_note)
        self.assertEqual(self._totals(root, "P_13_1", "P_13_8", "P_15"), (None, "-200.00", "-200.00"))
        self.assertEqual([row[5] for row in self._rows(root)], ["np I", "np I"])
