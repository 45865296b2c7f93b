from . import res_partner_satisfaction_report
from . import res_partner_client_report
from . import res_partner_journey_report
