from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import NS, KsefCorrectionCase


@tagged("post_install", "-at_install")
class TestKsefOtherDocuments(KsefCorrectionCase):
    def test_odoo_credit_note_keeps_odoo_export(self):
        # Made with Odoo's Reverse button, not by a correction: the bridge leaves Odoo's correction as it is.
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=self.invoice.ids)
            .create({"reason": "Odoo reversal", "journal_id": self.invoice.journal_id.id})
        )
        credit_note = self.env["account.move"].browse(reversal.refund_moves()["res_id"])
        credit_note.action_post()
        root = etree.fromstring(credit_note._l10n_pl_edi_render_xml().encode())
        self.assertEqual(self._text(root, "fa:RodzajFaktury"), "KOR")
        self.assertEqual(self._text(root, "fa:PrzyczynaKorekty"), credit_note.ref)
        # The fixes for every invoice apply (no KursWalutyZ of 1.0 on a złoty document, P_15 in
        # its currency); the correction's own structure stays Odoo's.
        self.assertIsNone(self._text(root, "fa:KursWalutyZ"))
        self.assertEqual(self._text(root, "fa:P_15"), "-1323.00")
        self.assertEqual(root.xpath("fa:Fa/fa:FaWiersz/fa:P_8B/text()", namespaces=NS), ["-10", "-5"])
        self.assertFalse(root.xpath("fa:Fa/fa:FaWiersz/fa:StanPrzed", namespaces=NS))
        self.assertFalse(credit_note.ksef_correction_type)

    def test_reason_longer_than_ksef_accepts_is_refused(self):
        credit_note = self._correct(edits={"Chairs": {"quantity": 8}}, reason="x" * 257)
        credit_note.action_post()
        with self.assertRaisesRegex(UserError, "longer than the 256 characters KSeF accepts"):
            credit_note._l10n_pl_edi_render_xml()
