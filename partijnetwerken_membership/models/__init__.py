# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import res_partner
from . import membership_line
from . import account_move
