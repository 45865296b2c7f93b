"""Which clients keep credentials in the vault is vault information: users without the Credentials
group do not read credentials (no access right), nor learn through a search which clients have some."""

from odoo.tests import tagged

from .common import SecurityCase


@tagged("post_install", "-at_install", "security")
class TestCredentialExistenceHiddenFromOtherRoles(SecurityCase):
    def test_searching_partners_by_credentials_tells_nothing(self):
        """The Attacked Client has two credentials, the Other Client none. An internal user, or a
        Client Hub user without the Credentials group, cannot read credentials, but
        res.partner.search([("credential_ids", "!=", False)]) answers the Attacked Client and not the
        Other Client (the search on the one2many skips the comodel's access rights)."""
        clients = self.client | self.other_client
        for role in ("internal", "user"):
            with self.subTest(role=role):
                _result, read_error = self.call_kw(role, "res.partner.credential", "search", [[]])
                self.assertTrue(read_error, f"{role} reads no credential")
                for domain in (
                    [("credential_ids", "!=", False)],
                    [("credential_ids", "=", False)],
                ):
                    result, error = self.call_kw(
                        role, "res.partner", "search", [[("id", "in", clients.ids), *domain]]
                    )
                    if not error:
                        self.assertEqual(
                            self.client.id in result,
                            self.other_client.id in result,
                            f"{role} told the client with credentials from the other by {domain}: {result}",
                        )
