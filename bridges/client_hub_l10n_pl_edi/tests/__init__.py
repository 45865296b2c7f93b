from . import test_ksef_partial_correction
from . import test_ksef_full_correction
from . import test_ksef_second_correction
from . import test_ksef_currency
from . import test_demo_data
from . import test_ksef_other_documents
from . import test_ksef_totals_add_up
from . import test_ksef_correction_period
