from odoo import models
from odoo.exceptions import UserError

from .rating_rating import CLIENT_MODEL, TASK_MODEL
from .readable_names import readable_names

# What points to a partner with ondelete="cascade" and only some roles may delete (model, field,
# which of them): the database's cascade would delete it with the partner, past its access rights.
HELD = (
    ("res.partner.vault.grant", "partner_id", []),  # managers only; revoked grants are kept too
    # The client's ratings and own answers, managers only; its task ratings are the tasks' (below).
    ("rating.rating", "client_id", [("res_model", "=", CLIENT_MODEL)]),
)
HISTORY = "res.partner.status.history"


class ResPartner(models.Model):
    """Deleting a partner deletes, by the database's cascade, only what the user may delete too:
    anyone else is asked to archive the partner. Odoo's merge moves these records to the kept
    partner before it deletes the others: nothing of them is left to guard then."""

    _inherit = "res.partner"

    def unlink(self):
        self._client_hub_check_cascade()
        self._client_hub_detach_task_ratings()
        return super().unlink()

    def _client_hub_check_cascade(self):
        # As the user, not the code's sudo: a generic path deleting partners in sudo for a plain user
        # still needs a user who may delete what goes with them.
        held = self.browse()
        for model, field, domain in HELD:
            records = (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                .search([(field, "in", self.ids), *domain])
            )
            if records and not records.sudo(False).has_access("unlink"):
                held |= records[field]
        if held:
            raise UserError(
                self.env._(
                    "%(partners)s cannot be deleted: they hold portal vault grants or client ratings, which "
                    "only Client Hub managers may delete. Ask a manager, or archive them instead.",
                    partners=readable_names(held),
                )
            )
        # A client's status history goes with it: only when the user, not the code's sudo, may
        # delete the client.
        history = self.env[HISTORY].sudo().search([("partner_id", "in", self.ids)])
        if history and not history.partner_id.sudo(False).has_access("unlink"):
            raise UserError(
                self.env._(
                    "%(partners)s cannot be deleted with their status history: you may not delete them. "
                    "Archive them instead.",
                    partners=readable_names(history.partner_id),
                )
            )

    def _client_hub_detach_task_ratings(self):
        """The client's people's task ratings (Odoo's project ratings, linked to the client for the
        analysis only) stay with their tasks, no longer the client's."""
        self.env["rating.rating"].sudo().search(
            [("client_id", "in", self.ids), ("res_model", "=", TASK_MODEL)]
        ).write({"client_id": False, "channel": False})
