from . import test_install
from . import test_menu_access
from . import test_tour_clients
