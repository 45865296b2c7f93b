import logging
from unittest.mock import patch

from odoo.addons.client_hub.controllers.portal import ClientHubPortal
from odoo.tests import tagged

from .common import SecurityCase

# Pages a replica can serve (db_replica_host): their GETs must never write.
READ_ONLY_PAGES = ("/my/client", "/my/credentials", "/my/credentials/new", "/my/satisfaction")
RETRY_WARNING = "retrying with a read/write cursor"


@tagged("post_install", "-at_install")
class TestPortalReadOnly(SecurityCase):
    """The client's pages are served on Odoo's read-only cursor on GET (as they would be by a
    streaming replica), while their POSTs keep the read/write cursor."""

    def _get(self, path):
        """GET `path`: the response, and what Odoo logged about retrying it on a read/write cursor."""
        with self.assertLogs("odoo.http", "WARNING") as logged:
            response = self.url_open(path)
            logging.getLogger("odoo.http").warning("served %s", path)  # assertLogs wants one line at least
        return response, [line for line in logged.output if RETRY_WARNING in line]

    def test_pages_are_read_only_on_get(self):
        self.login("portal")
        for path in READ_ONLY_PAGES:
            with self.subTest(path=path):
                response, retries = self._get(path)
                self.assertEqual(response.status_code, 200)
                self.assertFalse(retries, f"GET {path} wrote to the database on a read-only cursor")

    def test_a_write_on_get_would_be_caught(self):
        """The check above can fail: a page that writes on GET is retried on a read/write cursor,
        and Odoo says so in its log."""
        layout = ClientHubPortal._prepare_portal_layout_values

        def writing_layout(controller):
            controller._client_hub_client_or_404().sudo().comment = "written on GET"
            return layout(controller)

        self.login("portal")
        with (
            patch.object(ClientHubPortal, "_prepare_portal_layout_values", writing_layout),
            self.assertLogs("odoo.sql_db", "ERROR") as refused,  # the refused UPDATE, kept out of the log
        ):
            response, retries = self._get("/my/client")
        self.assertIn("read-only transaction", "\n".join(refused.output))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(retries)

    def test_post_still_saves(self):
        self.login("portal")
        response = self.post_form("portal", "/my/satisfaction", {"score": "4", "comment": "read-only test"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("read-only test", self.client.satisfaction_ids.mapped("feedback"))
