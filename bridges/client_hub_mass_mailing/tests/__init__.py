from . import test_mailing_recipients
from . import test_mailing_blacklist
from . import test_mailing_filter_access
from . import test_journey_mailing
from . import test_mailing_tour
