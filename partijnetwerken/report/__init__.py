from . import party_network_health_report
from . import party_network_plan_report
