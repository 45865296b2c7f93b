from . import contract_template
from . import contract_contract
from . import res_partner
from . import res_partner_client_report
