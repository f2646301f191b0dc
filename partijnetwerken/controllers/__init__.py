from . import portal
from . import portal_application
from . import portal_core_group
from . import portal_privacy
from . import portal_event
from . import portal_working_group
from . import portal_contribution
from . import portal_advice
