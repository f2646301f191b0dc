# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The names that the whole addon shares: its roles and the stages of a network."""

GROUP_OFFICE = "partijnetwerken.group_office"
GROUP_BOARD = "partijnetwerken.group_board"
# Field ``groups=`` of what only the party office and the national board read.
OFFICE_BOARD = f"{GROUP_OFFICE},{GROUP_BOARD}"
ROLE_GROUPS = {"office": GROUP_OFFICE, "board": GROUP_BOARD}

NETWORK_STATES = [
    ("application", "Application"),
    ("intake", "Intake"),
    ("plan", "Founding plan"),
    ("submitted", "Submitted to the board"),
    ("active", "Active"),
    ("rejected", "Rejected"),
    ("merged", "Merged"),
    ("closed", "Closed"),
]
# The stages before the founding plan: nothing is written yet but the application.
PRE_PLAN_STATES = ("application", "intake")
# The stages in which a network is being founded; co-initiators can still join
# up to and including the plan.
FOUNDING_STATES = (*PRE_PLAN_STATES, "plan", "submitted")
INVITATION_OPEN_STATES = (*PRE_PLAN_STATES, "plan")
# Networks that still exist or may come to exist: candidates for overlap and merge,
# and the pipeline that the kanban always shows.
OPEN_STATES = (*FOUNDING_STATES, "active")
# Stages that only a decision of the national board leads to.
BOARD_DECISION_STATES = ("active", "rejected", "closed")

# How a member's consent was given or withdrawn (the privacy register, DESIGN §10.6).
CONSENT_CHANNELS = [
    ("portal", "Member, in the portal"),
    ("office", "Party office"),
    ("merge", "Merge of networks"),
    ("system", "System"),
]
