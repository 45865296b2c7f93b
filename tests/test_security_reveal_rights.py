from odoo.tests import tagged

from .common import SecurityCase

CREDENTIAL = "res.partner.credential"
# Roles that are not Client Hub managers and may use the back office's models.
BACK_OFFICE = ("internal", "user", "credentials")


@tagged("post_install", "-at_install", "security")
class TestSecurityRevealRights(SecurityCase):
    """Issue #24 items 1 and 2: who may reveal is decided by managers only, on every path."""

    def _new(self, **values):
        return {"partner_id": self.client.id, "name": "Planted", "secret": "planted-secret", **values}

    def _planted(self):
        return self.env[CREDENTIAL].with_context(active_test=False).search([("name", "=", "Planted")])

    def test_salesperson_is_no_reveal_right(self):
        """Item 1: a Credentials user makes itself the client's salesperson; what the client hands
        over next is allowed to nobody but the managers, and the salesperson gets a to-do."""
        thief = self.users["credentials"]
        _result, error = self.call_kw(
            "credentials", "res.partner", "write", [self.client.ids, {"user_id": thief.id}]
        )
        self.assertFalse(error, "editing a client's salesperson is a Client Hub user's right")
        response = self.post_form(
            "portal", "/my/credentials/new", {"name": "Handed over", "secret": "handed-secret"}
        )
        self.assertIn(response.status_code, (302, 303), "saved")
        handed = self.env[CREDENTIAL].search([("name", "=", "Handed over")])
        self.assertFalse(handed.user_ids)
        self.assertEqual(handed.activity_ids.user_id, thief, "the salesperson is told")
        self.assertRefused("credentials", CREDENTIAL, "reveal_secret", [handed.ids])
        self.assertEqual(len(self.log_rows(handed, "reveal")), 0)

    def test_create_allows_the_creator_at_most(self):
        """Item 2: a new credential lists its creator as allowed user, no one else."""
        others = [self.users["manager"].id, self.users["user"].id]
        for role in (*BACK_OFFICE, "portal"):
            with self.subTest(role=role, path="JSON-RPC"):
                self.assertRefused(role, CREDENTIAL, "create", [self._new(user_ids=[(6, 0, others)])])
        for role in BACK_OFFICE:
            with self.subTest(role=role, path="JSON-2"):
                self.assertRefused2(
                    role, CREDENTIAL, "create", vals_list=[self._new(user_ids=[(6, 0, others)])]
                )
                # A default in the context is the same path.
                self.assertRefused2(
                    role, CREDENTIAL, "create", vals_list=[self._new()], context={"default_user_ids": others}
                )
        self.assertFalse(self._planted())
        own = self.users["credentials"].id
        _result, error = self.call_kw(
            "credentials", CREDENTIAL, "create", [self._new(user_ids=[(6, 0, [own])])]
        )
        self.assertFalse(error)
        self.assertEqual(self._planted().user_ids, self.users["credentials"])

    def test_copy_and_import_do_not_grant(self):
        """Item 2: copy (with default=) and import go through the same rule."""
        granted = {"user_ids": [(6, 0, [self.users["manager"].id, self.users["credentials"].id])]}
        self.assertRefused(
            "credentials",
            CREDENTIAL,
            "copy",
            [self.allowed.ids],
            {"default": {**granted, "secret": "Copied-S3cret"}},
        )
        self.assertRefused2(
            "credentials",
            CREDENTIAL,
            "copy",
            ids=self.allowed.ids,
            default={**granted, "secret": "Copied-S3cret"},
        )
        result, _error = self.call_kw(
            "credentials",
            CREDENTIAL,
            "load",
            [
                ["partner_id/.id", "name", "secret", "user_ids/.id"],
                [[self.client.id, "Planted", "x", str(self.users["manager"].id)]],
            ],
        )
        self.assertFalse(result["ids"], "the import is refused")
        self.assertIn("Only Client Hub managers", str(result["messages"]))
        self.assertFalse(self._planted())
        # A plain copy keeps nobody's reveal right: the allowed users are not copied.
        result, error = self.call_kw(
            "credentials",
            CREDENTIAL,
            "copy",
            [self.allowed.ids],
            {"default": {"secret": "Copied-S3cret", "name": "Planted"}},
        )
        self.assertFalse(error)
        self.assertFalse(self._planted().user_ids)
        _result, error = self.call_kw(
            "manager", CREDENTIAL, "copy", [self.allowed.ids], {"default": {**granted, "secret": "m"}}
        )
        self.assertFalse(error, "a manager decides who may reveal")

    def test_only_managers_move_a_credential_to_another_client(self):
        before = self.snapshot(self.allowed)
        self.assertRefused(
            "credentials", CREDENTIAL, "write", [self.allowed.ids, {"partner_id": self.other_client.id}]
        )
        self.assertRefused2(
            "credentials",
            CREDENTIAL,
            "write",
            ids=self.allowed.ids,
            vals={"partner_id": self.other_client.id},
        )
        self.assertEqual(self.snapshot(self.allowed), before)
        _result, error = self.call_kw(
            "manager", CREDENTIAL, "write", [self.allowed.ids, {"partner_id": self.other_client.id}]
        )
        self.assertFalse(error)
        self.assertEqual(self.allowed.partner_id, self.other_client)
