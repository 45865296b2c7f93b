from odoo.addons.client_hub.controllers.portal import ClientHubPortal
from odoo.http import request


class ClientHubContractPortal(ClientHubPortal):
    def _client_hub_profile_values(self, client):
        values = super()._client_hub_profile_values(client)
        # What OCA's /my/contracts lists for this user (its record rules decide).
        Contract = request.env["contract.contract"]
        values["contract_count"] = Contract.search_count([]) if Contract.has_access("read") else None
        return values
