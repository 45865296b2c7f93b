from . import res_partner_client_status
from . import res_partner_client_category
from . import res_partner_tax_condition
from . import res_partner_satisfaction
from . import res_partner_address_type
from . import res_partner
from . import account_fiscal_position
from . import account_move
