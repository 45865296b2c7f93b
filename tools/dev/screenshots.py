"""README's pictures, taken with Chromium from a fresh demo database (`make screenshots`).

A demo database is made anew (`client_hub_shots`), served on 127.0.0.1, and Debian's Chromium,
driven by Playwright's Python client (no browser of its own), goes through the screens as the
demo's users: the back office as `admin` (and as `vault`, a credential it may only read), the
portal as `portal`. Each screen is saved as a PNG
in static/description/screenshots/, where README.md and the Apps page (index.html) show them.

`--lang ru_RU --width 1440 --portal-width 390 --out docs/screenshots/ru_RU` takes the same screens in
another language (the demo users' language), the portal at a phone's width, into another folder:
what to look at for labels cut or left untranslated.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import requests
from devlib import DEV, ROOT, drop, odoo_env, psql, run_odoo, serving, setup_odoo

DB = os.environ.get("SHOTS_DB", "client_hub_shots")
OUT = ROOT / "static" / "description" / "screenshots"
VIEWPORT = {"width": 1440, "height": 900}
# The portal as on a phone (--portal-width): a phone's screen is taller than it is wide.
PHONE_HEIGHT = 844


def record_id(xmlid):
    module, name = xmlid.split(".")
    return int(psql(DB, f"SELECT res_id FROM ir_model_data WHERE module = '{module}' AND name = '{name}'"))


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    raise SystemExit("Chromium is needed: install Debian's chromium package (make test does).")


class Camera:
    def __init__(self, page, base, viewport=None):
        self.page, self.base, self.taken = page, base, []
        self.viewport = viewport or VIEWPORT

    def open(self, path, ready):
        self.page.goto(self.base + path)
        self.page.wait_for_selector(ready)
        self.settle()

    def click(self, selector, ready):
        """Click `selector`, then wait for `ready` and for the page to settle."""
        self.page.click(selector)
        self.page.wait_for_selector(ready)
        self.settle()

    def settle(self):
        # The web client keeps its bus connection open, so "network idle" never comes: wait for
        # Odoo's own loading indicator to go, then for animations (dialogs fading in).
        self.page.wait_for_selector(".o_loading_indicator", state="detached")
        self.page.wait_for_timeout(800)

    def shoot(self, name, full_page=False, height=None):
        path = OUT / f"{name}.png"
        if height:  # the web client scrolls inside its own pane: a taller window shows more of a form
            self.page.set_viewport_size({**self.viewport, "height": height})
            self.settle()
        self.page.screenshot(path=str(path), full_page=full_page)
        if height:
            self.page.set_viewport_size(self.viewport)
        self.taken.append(path)
        print(f"    {path.relative_to(ROOT)}", flush=True)


def log_in(page, base, login):
    page.goto(f"{base}/web/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", login)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/web/login" not in url)


def ensure_corrected_invoice():
    """A posted invoice of a demo client with a partial correction (a posted credit note and a draft
    debit note), for the correction screens (made here through the ORM when the demo data has none)."""
    found = psql(
        DB,
        "SELECT m.correction_of_move_id, m.id FROM account_move m"
        " WHERE m.correction_of_move_id IS NOT NULL AND m.state = 'posted' ORDER BY m.id LIMIT 1",
    )
    if found:
        return [int(n) for n in found.split("|")]
    from odoo.fields import Command  # noqa: PLC0415

    setup_odoo()
    with odoo_env(DB) as env:
        invoice = env.ref("client_hub.invoice_baltyk", raise_if_not_found=False)
        if not invoice:
            invoice = env["account.move"].create(
                {
                    "move_type": "out_invoice",
                    "partner_id": env.ref("client_hub.client_kowalski").id,
                    "invoice_line_ids": [
                        Command.create({"name": "Website maintenance", "quantity": 12, "price_unit": 250}),
                        Command.create({"name": "Hosting, yearly", "quantity": 1, "price_unit": 600}),
                    ],
                }
            )
            invoice.action_post()
        client = invoice.commercial_partner_id
        wizard = env["account.move.correction"].create(
            {"partner_id": client.id, "move_id": invoice.id, "mode": "partial", "reason": "Agreed discount"}
        )
        wizard.line_ids[0].price_unit = wizard.line_ids[0].price_unit * 0.9
        # Two more of the second line: a debit note beside the credit note (left a draft, as the
        # client's Corrections list shows drafts too).
        wizard.line_ids[1:2].quantity += 2
        wizard.action_confirm()
        credit_note = env["account.move"].search(
            [("correction_of_move_id", "=", invoice.id), ("move_type", "=", "out_refund")], limit=1
        )
        if credit_note.state == "draft":
            credit_note.action_post()
        return invoice.id, credit_note.id


def printed(camera, move_id, name):
    """The printed document as the back office downloads it, first page as a picture."""
    cookies = {c["name"]: c["value"] for c in camera.page.context.cookies()}
    response = requests.get(
        f"{camera.base}/report/pdf/account.report_invoice/{move_id}", cookies=cookies, timeout=300
    )
    if response.headers.get("Content-Type", "").split(";")[0] != "application/pdf":
        raise SystemExit(f"the report of move {move_id} is not a PDF (is wkhtmltopdf installed?)")
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "document.pdf"
        pdf.write_bytes(response.content)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, OUT / name], check=True
        )
    camera.taken.append(OUT / f"{name}.png")
    print(f"    {(OUT / f'{name}.png').relative_to(ROOT)}", flush=True)


def back_office(camera):
    clients = "/odoo/action-client_hub.res_partner_action_clients"
    camera.open(clients, ".o_list_renderer .o_data_row")
    camera.shoot("clients_list")
    camera.open(f"{clients}?view_type=kanban", ".o_kanban_renderer .o_kanban_record")
    camera.shoot("clients_kanban")
    client = record_id("client_hub.client_kowalski")
    camera.open(f"{clients}/{client}", ".o_form_view .o_form_sheet")
    camera.shoot("client_page", height=1500)
    # The bottom of the Client page: the addresses and their "Add ..." links.
    camera.page.locator(".o_field_widget[name=client_address_ids]").scroll_into_view_if_needed()
    camera.settle()
    camera.shoot("client_addresses")
    # The Finance tab of a client that owes money (an overdue invoice, partly paid).
    camera.open(f"{clients}/{record_id('client_hub.client_mazowsze')}", ".o_form_view .o_form_sheet")
    camera.page.click(".o_notebook .nav-link[name=client_hub_finance]")
    camera.settle()
    camera.shoot("client_finance")
    camera.open("/odoo/action-client_hub.res_partner_client_report_action", ".o_pivot")
    camera.shoot("clients_analysis")
    # The journey's funnel: each stage's clients, how many moved on, in how many days.
    camera.open("/odoo/action-client_hub.res_partner_journey_report_action", ".o_pivot")
    camera.shoot("journey_analysis")
    credential = int(
        psql(DB, f"SELECT id FROM res_partner_credential WHERE partner_id = {client} ORDER BY id LIMIT 1")
    )
    camera.open(f"/odoo/action-client_hub.res_partner_credential_action/{credential}", ".o_form_view")
    camera.click("button[name=action_reveal_secret]", ".modal-dialog")
    camera.shoot("reveal_dialog")
    camera.open("/odoo/action-client_hub.res_partner_credential_log_action", ".o_list_renderer .o_data_row")
    camera.shoot("audit_log")
    invoice, credit_note = ensure_corrected_invoice()
    camera.open(f"/odoo/action-account.action_move_out_invoice_type/{invoice}", ".o_form_view")
    camera.click("button[name=action_open_correction_wizard]", ".modal-dialog .o_form_view")
    # The mode that shows the lines (by its value: the label is in the user's language).
    camera.click(
        ".modal-dialog .o_field_widget[name=mode] input[data-value=partial]",
        ".modal-dialog .o_field_one2many .o_data_row",
    )
    camera.shoot("correction_dialog")
    printed(camera, credit_note, "correction_printed")
    # The client's corrections (its Corrections button): credit and debit notes with their type.
    corrected_client = int(psql(DB, f"SELECT commercial_partner_id FROM account_move WHERE id = {invoice}"))
    camera.open(f"{clients}/{corrected_client}", ".o_form_view .o_form_sheet")
    camera.click("button[name=action_open_corrections]", ".o_list_renderer .o_data_row")
    camera.shoot("client_corrections")
    camera.open("/odoo/action-client_hub.res_partner_client_status_action", ".o_list_renderer .o_data_row")
    camera.shoot("client_statuses")
    survey_email(camera, client)


def survey_email(camera, client):
    """Send survey on the client, then the e-mail its contact gets (from the mail queue)."""
    camera.open(f"/odoo/action-client_hub.res_partner_action_clients/{client}", ".o_form_view .o_form_sheet")
    camera.page.click("button[name=action_send_satisfaction_survey]")
    camera.page.wait_for_selector(".o_notification")
    camera.settle()
    mail_id = psql(
        DB, "SELECT id FROM mail_mail WHERE body_html LIKE '%/client_hub/rate/%' ORDER BY id DESC LIMIT 1"
    )
    body = psql(DB, f"SELECT body_html FROM mail_mail WHERE id = {int(mail_id)}")
    camera.page.set_content(
        f'<div style="padding: 24px; max-width: 640px; font-family: sans-serif;">{body}</div>'
    )
    camera.shoot("survey_email")


def survey_page(camera):
    """The page a star of the e-mail opens, as the anonymous visitor the contact is."""
    token = psql(
        DB,
        "SELECT access_token FROM rating_rating WHERE survey_sent AND NOT consumed ORDER BY id DESC LIMIT 1",
    )
    camera.open(f"/client_hub/rate/{token}/4", ".o_client_hub_survey")
    camera.shoot("survey_page", full_page=True)


def vault_user(camera):
    """A credential the `vault` user is not allowed on: its form opens read-only."""
    credential = int(
        psql(
            DB,
            "SELECT c.id FROM res_partner_credential c WHERE c.id NOT IN ("
            " SELECT r.res_partner_credential_id FROM res_partner_credential_res_users_rel r"
            " JOIN res_users u ON u.id = r.res_users_id WHERE u.login = 'vault') ORDER BY c.id LIMIT 1",
        )
    )
    camera.open(f"/odoo/action-client_hub.res_partner_credential_action/{credential}", ".o_form_view")
    camera.shoot("credential_readonly")


def portal(camera):
    for path, name in (
        ("/my", "portal_home"),
        ("/my/client", "portal_profile"),
        ("/my/addresses", "portal_addresses"),
        ("/my/credentials", "portal_credentials"),
    ):
        camera.open(path, "#wrap")
        camera.shoot(name, full_page=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8469)
    parser.add_argument("--lang", help="the demo users' language, e.g. ru_RU (default: English)")
    parser.add_argument("--width", type=int, default=VIEWPORT["width"], help="the back office's width")
    parser.add_argument("--portal-width", type=int, help="the portal's width (default: the back office's)")
    parser.add_argument(
        "--out", type=Path, help="where the pictures go (default: static/description/screenshots)"
    )
    args = parser.parse_args()
    global OUT  # the folder every shot of the run goes to
    if args.out:
        OUT = (args.out if args.out.is_absolute() else Path.cwd() / args.out).resolve()
    back_office_size = {**VIEWPORT, "width": args.width}
    portal_size = (
        {"width": args.portal_width, "height": PHONE_HEIGHT} if args.portal_width else back_office_size
    )
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    print(f"==> Screenshots: a fresh demo database {DB} (about a minute)", flush=True)
    drop(DB)
    run_odoo(
        "-d", DB, "-i", "client_hub", "--with-demo", *(["--load-language", args.lang] if args.lang else [])
    )
    if args.lang:
        psql(
            DB,
            f"UPDATE res_partner SET lang = '{args.lang}' WHERE id IN"
            " (SELECT partner_id FROM res_users WHERE login IN ('admin', 'vault', 'portal'))",
        )
    OUT.mkdir(parents=True, exist_ok=True)
    with serving(DB, args.port, DEV / "screenshots-server.log") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium())
        for login, tour in (
            ("admin", back_office),
            ("vault", vault_user),
            ("portal", portal),
            (None, survey_page),
        ):
            viewport = portal_size if tour in (portal, survey_page) else back_office_size
            locale = args.lang.replace("_", "-") if args.lang else "en-US"
            context = browser.new_context(viewport=viewport, locale=locale)
            page = context.new_page()
            page.set_default_timeout(120_000)  # a first visit builds the asset bundles
            if login:
                log_in(page, base, login)
            print(f"==> Screenshots: as {login or 'an anonymous visitor'}", flush=True)
            tour(Camera(page, base, viewport))
            context.close()
        browser.close()
    print(f"==> Screenshots: written to {OUT.relative_to(ROOT)}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
