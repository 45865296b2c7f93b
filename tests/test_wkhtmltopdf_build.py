from unittest.mock import patch

from odoo.addons.base.models.ir_actions_report import WkhtmlInfo
from odoo.tests import TransactionCase, tagged

PATH = "odoo.addons.client_hub.models.ir_actions_report"


def _build(version_output):
    """What Odoo reads from `wkhtmltopdf --version` (as in ir_actions_report._wkhtml)."""
    return WkhtmlInfo(
        state="ok",
        dpi_zoom_ratio=True,
        bin="/usr/bin/wkhtmltopdf",
        version="0.12.6",
        is_patched_qt="(with patched qt)" in version_output,
        wkhtmltoimage_bin="/usr/bin/wkhtmltoimage",
        wkhtmltoimage_version=None,
    )


@tagged("post_install", "-at_install")
class TestWkhtmltopdfBuild(TransactionCase):
    """At start, the log says when wkhtmltopdf is built without patched Qt (Debian's), and what
    the PDFs lose."""

    def test_unpatched_build_warns(self):
        with (
            patch(f"{PATH}._wkhtml", return_value=_build("wkhtmltopdf 0.12.6")),
            self.assertLogs(PATH, "WARNING") as logs,
        ):
            self.assertTrue(self.env["ir.actions.report"]._check_wkhtmltopdf_build())
        message = logs.output[0]
        self.assertIn("without patched Qt", message)
        self.assertIn("header and footer", message)
        self.assertIn("several documents", message)

    def test_patched_build_is_quiet(self):
        with (
            patch(f"{PATH}._wkhtml", return_value=_build("wkhtmltopdf 0.12.6 (with patched qt)")),
            self.assertNoLogs(PATH, "WARNING"),
        ):
            self.assertFalse(self.env["ir.actions.report"]._check_wkhtmltopdf_build())

    def test_missing_wkhtmltopdf_is_left_to_odoo(self):
        # Odoo itself says wkhtmltopdf is missing; nothing to add about its Qt.
        with (
            patch(f"{PATH}._wkhtml", return_value=_build("")._replace(state="install")),
            self.assertNoLogs(PATH, "WARNING"),
        ):
            self.assertFalse(self.env["ir.actions.report"]._check_wkhtmltopdf_build())

    def test_checked_when_the_server_loads(self):
        with patch.object(type(self.env["ir.actions.report"]), "_check_wkhtmltopdf_build") as check:
            self.env["ir.actions.report"]._register_hook()
        check.assert_called_once()

    def test_said_once_a_process(self):
        # Every database's registry (and every module update) loads the hook again: one warning is enough.
        reports = self.env["ir.actions.report"]
        with (
            patch(f"{PATH}._wkhtml", return_value=_build("wkhtmltopdf 0.12.6")),
            self.assertLogs(PATH, "WARNING"),
        ):
            reports._check_wkhtmltopdf_build()
        with (
            patch(f"{PATH}._wkhtml", return_value=_build("wkhtmltopdf 0.12.6")),
            self.assertNoLogs(PATH, "WARNING"),
        ):
            self.assertFalse(reports._check_wkhtmltopdf_build(once=True))
