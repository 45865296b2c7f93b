from odoo import models
from odoo.exceptions import AccessError

from ..models.readable_names import readable_names

MANAGER_GROUP = "client_hub.group_client_hub_manager"


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Odoo's contact merge moves a client's credentials and ratings in SQL: only Client Hub managers
    merge partners holding credentials or the portal vault right, and each moved credential gets
    an audit row; the destination's satisfaction is recomputed."""

    _inherit = "base.partner.merge.automatic.wizard"

    def _update_reference_fields(self, src_partners, dst_partner):
        # The client ratings' rated record follows the client (their client_id, a foreign key, is
        # moved with the others): before the merged partners are deleted, with their ratings.
        self.env.cr.execute(
            "UPDATE rating_rating SET res_id = %s WHERE res_model = 'res.partner' AND res_id IN %s",
            [dst_partner.id, tuple(src_partners.ids)],
        )
        return super()._update_reference_fields(src_partners, dst_partner)

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        partners = self.env["res.partner"].sudo().browse(partner_ids).exists()
        Credential = self.env["res.partner.credential"].sudo().with_context(active_test=False)
        credentials = Credential.search([("partner_id", "in", partners.ids)])
        # A flagged contact below a merged partner moves with it: to the destination's client.
        flagged = partners._client_hub_vault_flagged(below=True)
        if (credentials or flagged) and not (self.env.su or self.env.user.has_group(MANAGER_GROUP)):
            raise AccessError(
                self.env._(
                    "%(partners)s hold credentials or open them in the portal: only Client Hub managers "
                    "merge them.",
                    partners=readable_names(credentials.partner_id | flagged),
                )
            )
        before = {credential.id: credential.partner_id.display_name for credential in credentials}
        ratings = self.env["rating.rating"].sudo().search([("client_id", "in", partners.ids)])
        result = super()._merge(partner_ids, dst_partner=dst_partner, extra_checks=extra_checks)
        # The SQL update bypassed the ORM: read the new clients, then log and recompute.
        self.env.invalidate_all()
        for credential in credentials.exists():
            if before[credential.id] != credential.partner_id.display_name:
                credential.sudo(False)._log(
                    "merge",
                    note=self.env._(
                        "%(merged)s merged into %(kept)s",
                        merged=before[credential.id],
                        kept=credential.partner_id.display_name,
                    ),
                )
        clients = ratings.exists().client_id
        for name in ("satisfaction_score", "satisfaction_average", "satisfaction_count"):
            self.env.add_to_compute(clients._fields[name], clients)
        clients.flush_recordset()
        return result
