from lxml import etree

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.client_hub.tests.correction_common import CorrectionSetup
from odoo.tools import file_open, file_path

FA3 = "http://crd.gov.pl/wzor/2025/06/25/13775/"
ETD = "http://crd.gov.pl/xml/schematy/dziedzinowe/mf/2022/01/05/eD/DefinicjeTypy/"
NS = {"fa": FA3}


def fa3_schema():
    """Odoo's FA(3) schema with the Ministry's base types read from the local stand-in next to this
    file (the schema imports them from crd.gov.pl, which tests cannot reach)."""
    with file_open("l10n_pl_edi/data/fa3_schema.xsd", "rb") as xsd:
        schema = etree.parse(xsd)
    stub = file_path("client_hub_l10n_pl_edi/tests/etd_stub.xsd")
    for node in schema.getroot().iterchildren("{http://www.w3.org/2001/XMLSchema}import"):
        if node.get("namespace") == ETD:
            node.set("schemaLocation", stub)
    return etree.XMLSchema(schema)


class KsefCorrectionCase(CorrectionSetup, AccountTestInvoicingCommon):
    """A Polish company and its client's invoice with the Polish chart's taxes:
    Chairs 10 x 100.00 - 10 % = 900.00 + 23 % (207.00) and Cushions 5 x 40.00 = 200.00 + 8 % (16.00),
    1,323.00 in all; every corrective document rendered with l10n_pl_edi's FA(3) export."""

    @classmethod
    @AccountTestInvoicingCommon.setup_country("pl")
    def setUpClass(cls):
        super().setUpClass()
        cls.schema = fa3_schema()
        cls.company_data["company"].write(
            {"vat": "PL1234567883", "street": "Testowa 1", "city": "Warszawa", "zip": "00-001"}
        )
        ChartTemplate = cls.env["account.chart.template"]
        cls.tax_23, cls.tax_8 = ChartTemplate.ref("vs_kraj_23"), ChartTemplate.ref("vs_kraj_8")
        cls.client = cls.env["res.partner"].create(
            {
                "name": "Meble Kowalski sp. z o.o.",
                "is_company": True,
                "client_status_id": cls.env.ref("client_hub.client_status_active").id,
                "country_id": cls.env.ref("base.pl").id,
                "vat": "PL5213000009",
                "street": "ul. Długa 5",
                "city": "Kraków",
                "zip": "30-001",
            }
        )
        cls.invoice = cls._pl_invoice()

    @classmethod
    def _pl_invoice(cls, **values):
        return cls._make_invoice(
            cls.client,
            [
                {"name": "Chairs", "quantity": 10, "price_unit": 100, "discount": 10, "tax_ids": cls.tax_23},
                {"name": "Cushions", "quantity": 5, "price_unit": 40, "tax_ids": cls.tax_8},
            ],
            **values,
        )

    def _fa3(self, move):
        """The FA(3) of `move`, posted as KSeF receives it (a draft has no number), checked
        against the schema."""
        if move.state == "draft":
            move.action_post()
        root = etree.fromstring(move._l10n_pl_edi_render_xml().encode())
        if not self.schema.validate(root):
            self.fail(f"The FA(3) of {move.display_name} breaks the schema:\n{self.schema.error_log}")
        self._assert_sums_add_up(root)
        return root

    def _assert_sums_add_up(self, root):
        """The per-rate sums, net (P_13_x) and tax (P_14_x, not the złoty P_14_xW), add up to P_15."""
        fa = root.xpath("fa:Fa", namespaces=NS)[0]
        parts = [
            float(node.text)
            for node in fa
            if etree.QName(node).localname.startswith(("P_13_", "P_14_"))
            and not etree.QName(node).localname.endswith("W")
        ]
        self.assertAlmostEqual(sum(parts), float(self._text(root, "fa:P_15")), places=2)

    def _text(self, root, path):
        """The text of the element at `path` (under Fa), None when it is absent."""
        nodes = root.xpath(f"fa:Fa/{path}", namespaces=NS)
        return nodes[0].text if nodes else None

    def _rows(self, root):
        """The FaWiersz rows as (P_7, P_8B, P_9A, P_10, P_11, P_12, StanPrzed)."""
        tags = ("P_7", "P_8B", "P_9A", "P_10", "P_11", "P_12", "StanPrzed")
        return [
            tuple(self._row_text(row, tag) for tag in tags)
            for row in root.xpath("fa:Fa/fa:FaWiersz", namespaces=NS)
        ]

    def _row_text(self, row, tag):
        node = row.find(f"fa:{tag}", NS)
        return None if node is None else node.text

    def _corrected_invoice(self, root):
        """DaneFaKorygowanej as {tag: text}."""
        return {
            etree.QName(node).localname: node.text
            for node in root.xpath("fa:Fa/fa:DaneFaKorygowanej/*", namespaces=NS)
        }

    def _totals(self, root, *tags):
        return tuple(self._text(root, f"fa:{tag}") for tag in tags)
