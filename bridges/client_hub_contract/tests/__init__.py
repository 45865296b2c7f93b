from . import test_contract_counts
from . import test_contract_access
from . import test_contract_analysis
from . import test_contract_portal
from . import test_contract_tour
from . import test_generic_paths_contract_rule
