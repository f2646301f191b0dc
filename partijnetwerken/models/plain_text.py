# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo.exceptions import ValidationError

# Control characters other than tab and newline: PostgreSQL refuses NUL in text, and
# none of them belongs in a name or a message.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A tag such as <b>, </p>, <script src=…> or <!-- …; "a < b" and "<3" stay allowed.
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>")
# What an HTML checkbox of our forms sends when it is ticked: "on" (no value
# attribute) or "1" (a hidden field that gives consent). Anything else is no.
CHECKBOX_ON = frozenset({"on", "1"})


def strip_control_chars(value):
    """``value`` as text without control characters (tab and newline stay).

    Every piece of free text that a visitor sends goes through here where it enters,
    before it reaches a domain or the database: PostgreSQL refuses NUL in text.
    Anything that is not a string (a missing parameter) becomes "".
    """
    return _CONTROL_CHARS.sub("", value) if isinstance(value, str) else ""


def checkbox_value(value):
    """Whether a form's checkbox parameter means yes: only what a ticked box sends."""
    return isinstance(value, str) and value in CHECKBOX_ON


def clean_plain_text(env, value, label, max_length, required=False, multiline=False):
    """Validate text typed by a member and return it cleaned, or raise.

    The text is stored and shown as plain text (QWeb escapes it), so markup is not
    dangerous here; it is refused because it would show up as garbage for the
    readers, and the member gets told why.

    :param str label: the (translated) label of the field, used in the messages
    :raise ValidationError: with a message meant for the member
    """
    text = strip_control_chars(value).replace("\r\n", "\n").replace("\r", "\n")
    if multiline:
        text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    else:
        text = " ".join(text.split())
    if required and not text:
        raise ValidationError(env._("Please fill in: %(field)s.", field=label))
    if len(text) > max_length:
        raise ValidationError(
            env._(
                "%(field)s: use at most %(max)s characters (you used %(length)s).",
                field=label,
                max=max_length,
                length=len(text),
            )
        )
    if _HTML_TAG.search(text):
        raise ValidationError(
            env._("%(field)s: please use plain text, without HTML tags.", field=label)
        )
    return text
