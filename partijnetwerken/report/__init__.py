from . import party_network_health_report
