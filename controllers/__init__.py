from . import portal
from . import satisfaction_survey
from . import rating
