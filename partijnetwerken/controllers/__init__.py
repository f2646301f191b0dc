from . import portal
from . import portal_application
from . import portal_core_group
from . import portal_advice
