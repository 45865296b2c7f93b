import logging

from odoo import api, models
from odoo.addons.base.models.ir_actions_report import _wkhtml

_logger = logging.getLogger(__name__)
# Registries are loaded once per database (and again after each module update): say it once a process.
_warned = []


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _register_hook(self):
        super()._register_hook()
        self._check_wkhtmltopdf_build(once=True)

    @api.model
    def _check_wkhtmltopdf_build(self, once=False):
        """Warn, when the server loads, that the wkhtmltopdf found is built without patched Qt
        (Debian's is): Odoo then prints no header or footer and refuses several documents at once.
        Returns whether it warned; with `once`, only the process's first call may warn."""
        if once and _warned:
            return False
        wkhtml = _wkhtml()
        if wkhtml.state == "install" or wkhtml.is_patched_qt:
            return False
        _warned.append(wkhtml.bin)
        _logger.warning(
            "wkhtmltopdf %s (%s) is built without patched Qt: PDFs lose Odoo's header and footer "
            "(the company's name, logo, address and tax ID, page numbers), and several documents "
            "printed at once take one wkhtmltopdf run each. Corrective invoices still name the "
            "seller and the buyer in their body. For complete PDFs install wkhtmltopdf 0.12.6 with "
            "patched Qt (https://github.com/wkhtmltopdf/packaging/releases).",
            wkhtml.version,
            wkhtml.bin,
        )
        return True

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        # wkhtmltopdf without patched Qt refuses several documents in one run (Odoo then raises
        # "Tried to convert multiple documents"): one run per document, as Odoo does when it cannot
        # split a PDF. The PDFs of the documents are merged as usual afterwards.
        wkhtml = _wkhtml()
        several = res_ids and len(res_ids) > 1 and len(set(res_ids)) == len(res_ids)
        if wkhtml.is_patched_qt or wkhtml.state == "install" or not several:
            return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        streams = {}
        for res_id in res_ids:
            streams.update(super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=[res_id]))
        return streams
