# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class PartyNetworkThreadMixin(models.AbstractModel):
    """The chatter of the party networks' records: by login only, followers by choice
    of the party office.

    Put it first in ``_inherit``, before ``mail.thread`` and ``portal.mixin``:

    - no access by token or signed link (``access_token``, ``hash``/``pid``): every
      page of ours needs a login, and a token minted by a reader would let anyone
      read the followers and activities and post on the chatter;
    - portal users never subscribe themselves as followers; on models that hold
      member data (``_pn_followers_office_only``) only the office and the board
      add followers.
    """

    _name = "party.network.thread.mixin"
    _description = "Party network chatter: login access only"

    # Followers of records that hold member data are chosen by the office alone.
    _pn_followers_office_only = False

    @api.model
    def _get_thread_with_access(self, thread_id, mode="read", **kwargs):
        # the token, hash and pid of portal links are dropped: access rights decide
        return super()._get_thread_with_access(thread_id, mode)

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        if not self.env.su and partner_ids:
            user = self.env.user
            office_or_board = user._is_party_office() or user._is_national_board()
            if user.share or (self._pn_followers_office_only and not office_or_board):
                raise AccessError(
                    self.env._(
                        "Followers of %(model)s are chosen by the party office.",
                        model=self._description,
                    )
                )
        return super().message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids
        )


class PartyNetworkPortalMixin(models.AbstractModel):
    """``portal.mixin`` without its tokens: the access URL stays, access is by login."""

    _name = "party.network.portal.mixin"
    _inherit = ["party.network.thread.mixin"]
    _description = "Party network portal page: login access only"

    # Nobody reads or writes the token of ``portal.mixin``; it is never minted.
    access_token = fields.Char(groups="base.group_system")

    def _get_share_url(
        self, redirect=False, signup_partner=False, pid=None, share_token=True
    ):
        # a link to the page itself, never with a token or a signed partner hash
        return super()._get_share_url(redirect=redirect, share_token=False)

    def _portal_ensure_token(self):
        raise AccessError(
            self.env._(
                "Party network pages cannot be shared by link; members log in to see "
                "them."
            )
        )
