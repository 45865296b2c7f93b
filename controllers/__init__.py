from . import portal
from . import satisfaction_survey
