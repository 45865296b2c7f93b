from . import account_move_correction
from . import account_move_correction_line
from . import base_partner_merge_automatic_wizard
from . import portal_wizard_user
from . import portal_wizard
from . import base_import
