from . import party_network
from . import party_network_core_member
from . import party_network_advice
from . import event_event
from . import website
