# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The names that the whole addon shares: its roles and the stages of a network."""

GROUP_OFFICE = "partijnetwerken.group_office"
GROUP_BOARD = "partijnetwerken.group_board"
# Field ``groups=`` of what only the party office and the national board read.
OFFICE_BOARD = f"{GROUP_OFFICE},{GROUP_BOARD}"
ROLE_GROUPS = {"office": GROUP_OFFICE, "board": GROUP_BOARD}
