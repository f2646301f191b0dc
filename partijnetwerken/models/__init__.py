from . import res_partner
from . import party_network
from . import party_network_plan
from . import party_network_core_member
from . import party_network_membership
from . import event_event
from . import res_config_settings
