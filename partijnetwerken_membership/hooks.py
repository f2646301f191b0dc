# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from .models.res_partner import MEMBER_STATES


def post_init_hook(env):
    """Nobody loses their networks by installing the bridge: the party members the
    office had marked by hand, without a current membership in the Members app, get
    a free membership until the office records their dues."""
    partners = env["res.partner"].search(
        [
            ("is_party_member", "=", True),
            ("membership_state", "not in", MEMBER_STATES),
        ]
    )
    partners.write({"free_member": True})
