from odoo.tests import Form, tagged

from .common import ClientHubHttpCase, VaultCase, migration_script, new_vault_key, vault_keys
from .test_portal import PortalCase

# Everything a user types on the credential form.
EDITABLE_FIELDS = ("name", "platform", "url", "port", "login", "secret", "rotate_on", "note")


class TestVaultReadOnlyForm(VaultCase):
    """A Credentials user who is not among a credential's allowed users reads it and may not change
    it (the record rules say so): the form is read-only for them instead of failing on save."""

    def test_not_allowed_user_gets_a_read_only_form(self):
        credential = self._credential(port=False)
        self.env.invalidate_all()  # as a new request: the audit rows this user may read only
        with Form(credential.with_user(self.user_not_listed)) as form:
            self.assertFalse(form.can_edit)
            for name in EDITABLE_FIELDS:
                with self.assertRaises(AssertionError, msg=f"{name} is editable"):
                    setattr(form, name, "x")
        self.assertEqual(credential.name, "Client FTP")
        self.assertFalse(self._logs(credential, "update"))

    def test_allowed_user_and_manager_may_edit(self):
        credential = self._credential()
        self.env.invalidate_all()
        for user in (self.user_allowed, self.user_manager):
            with Form(credential.with_user(user)) as form:
                self.assertTrue(form.can_edit)
                form.login = f"deploy-{user.login}"
            self.assertEqual(credential.login, f"deploy-{user.login}")

    def test_new_credential_is_editable(self):
        form = Form(self.env["res.partner.credential"].with_user(self.user_not_listed))
        self.assertTrue(form.can_edit)

    def test_no_port_reads_as_no_port(self):
        # What the web client reads: no value, not a port 0.
        credential = self._credential(port=False)
        self.assertIs(credential.with_user(self.user_not_listed).read(["port"])[0]["port"], False)

    def test_update_turns_a_stored_port_0_into_no_port(self):
        """19.0.1.4.0 stored "no port" as 0: the update's script leaves real ports alone."""
        without, with_port = self._credential(port=False), self._credential(port=2222)
        self.env.cr.execute("UPDATE res_partner_credential SET port = 0 WHERE id = %s", [without.id])
        migration_script("19.0.1.5.0", "post-credential-port").migrate(self.env.cr, "19.0.1.4.0")
        self.env.invalidate_all()
        self.assertIs(without.port, False)
        self.assertEqual(with_port.port, 2222)


@tagged("post_install", "-at_install")
class TestVaultReadOnlyTour(ClientHubHttpCase):
    def test_not_allowed_user_opens_a_credential(self):
        self._create_user("ch_tour_read_only", "client_hub.group_client_hub_credentials")
        client = self._create_client("Tour Read-only Client")
        with vault_keys(new_vault_key()):
            credential = self.env["res.partner.credential"].create(
                {"partner_id": client.id, "name": "Tour CMS", "platform": "cms", "secret": "tour-Cms-9"}
            )
        self.start_tour(
            f"/odoo/res.partner.credential/{credential.id}",
            "client_hub_credential_read_only",
            login="ch_tour_read_only",
        )
        self.assertEqual(credential.name, "Tour CMS")


@tagged("post_install", "-at_install")
class TestVaultPortalNoPort(PortalCase):
    def test_credential_handed_over_without_a_port_has_none(self):
        self._login(self.user_a)
        self._post("/my/credentials/new", {"name": "A CMS", "platform": "cms", "secret": "a-cms-secret"})
        credential = self.env["res.partner.credential"].search([("partner_id", "=", self.client_a.id)])
        self.assertEqual(credential.name, "A CMS")
        self.assertIs(credential.read(["port"])[0]["port"], False)
