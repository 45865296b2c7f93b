from . import account_move_correction
