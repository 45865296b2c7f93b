from odoo import api, models


class ContractContract(models.Model):
    _inherit = "contract.contract"

    @api.model_create_multi
    def create(self, vals_list):
        contracts = super().create(vals_list)
        contracts._client_hub_propose_contract_type()
        return contracts

    def write(self, vals):
        result = super().write(vals)
        if {"contract_template_id", "partner_id"} & set(vals):
            self._client_hub_propose_contract_type()
        return result

    def _client_hub_propose_contract_type(self):
        """A client without a contract type takes its template's: the classification follows what the
        client signed, never overriding one a user chose (the client's form decides then)."""
        for contract in self:
            client = contract.commercial_partner_id
            contract_type = contract.contract_template_id.client_contract_type_id
            if contract_type and client.is_client and not client.contract_type_id:
                # The contract's author may not edit partners: the classification is derived, in sudo.
                client.sudo().contract_type_id = contract_type
