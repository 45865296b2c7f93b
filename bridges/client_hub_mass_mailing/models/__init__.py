from . import mailing_mailing_demo
from . import mailing_trace
from . import res_partner
from . import res_partner_journey_report
