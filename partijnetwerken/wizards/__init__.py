from . import party_network_plan_decision
from . import party_network_close
from . import party_network_merge
from . import party_network_forget
