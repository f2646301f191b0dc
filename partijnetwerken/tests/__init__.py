from . import test_access_rights
from . import test_record_rules
from . import test_core_group_privacy
from . import test_revocation
from . import test_membership
from . import test_rpc_privacy
