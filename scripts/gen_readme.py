"""Render each addon's README.rst from its readme/*.md fragments, as OCA does.

    gen_readme.py [--check] [ADDON ...]

Without ADDON arguments every addon of the repository with a readme/DESCRIPTION.md is
handled (scripts/addons.py). ``--check`` writes nothing and fails when a committed
README.rst differs from its rendering.

OCA's oca-gen-addon-readme (OCA/maintainer-tools) is not on PyPI and converts the
fragments with pandoc; this script follows its layout (title, description, table of
contents, then the fragments in OCA's order: Use Cases / Context, Installation,
Configuration, Usage, Development, Known issues / Roadmap, Changelog, and Credits with
Authors, Contributors and Other credits) and converts the plain Markdown the fragments
use: paragraphs, bullet and numbered lists (nested too), emphasis, inline code, links
and fenced code blocks. Anything else (headings, tables, images, HTML, quotes) stops
it with a message rather than rendering wrongly. The output is checked with docutils.

The README carries OCA's "source digest" of the manifest and readme/, so that
oca-gen-addon-readme --if-source-changed (pre-commit) leaves the file alone. The digest
changes with every manifest edit, so ``--check`` ignores that one line.
"""

import ast
import difflib
import hashlib
import io
import os
import re
import sys

from addons import ROOT, find_addons
from docutils.core import publish_string
from docutils.utils import SystemMessage

# (fragment, section title, level): OCA's order and levels.
SECTIONS = [
    ("CONTEXT", "Use Cases / Context", 2),
    ("INSTALL", "Installation", 2),
    ("CONFIGURE", "Configuration", 2),
    ("USAGE", "Usage", 2),
    ("DEVELOP", "Development", 2),
    ("ROADMAP", "Known issues / Roadmap", 2),
    ("HISTORY", "Changelog", 2),
]
CREDITS = [("CONTRIBUTORS", "Contributors"), ("CREDITS", "Other credits")]
FRAGMENTS = ["DESCRIPTION"] + [name for name, *_ in SECTIONS + CREDITS]
UNDERLINE = {2: "=", 3: "-"}
DIGEST_LINE = re.compile(r"^ *!! source digest: .*$", re.MULTILINE)

MARKER = re.compile(r"(?P<marker>[-*+]|(?P<number>\d{1,9})[.)]) +(?=\S)")
FENCE = re.compile(r"(?P<fence>```+|~~~+) *(?P<lang>[\w+-]*) *$")
INDENTED_CODE = re.compile(r" {4}")
UNSUPPORTED = [
    (re.compile(r"#{1,6}( |$)"), "headings (section titles come from the file names)"),
    (re.compile(r">"), "block quotes"),
    (re.compile(r"\|"), "tables"),
    (re.compile(r"<[a-zA-Z!/]"), "HTML"),
    (re.compile(r"(\*\s*){3,}$|(-\s*){3,}$|(_\s*){3,}$"), "horizontal rules"),
    (INDENTED_CODE, "indented code blocks (use a ``` fence)"),
]
REGENERATE = ".venv/bin/python scripts/gen_readme.py"
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")


class FragmentError(Exception):
    pass


def source_digest(addon_dir):
    """OCA's digest (maintainer-tools tools/_hash.py) of the manifest and readme/."""
    paths = ["__manifest__.py"]
    for dirpath, dirnames, filenames in os.walk(addon_dir / "readme"):
        dirnames.sort()
        reldir = os.path.relpath(dirpath, addon_dir)
        paths.extend(
            os.path.join(reldir, name) for name in sorted(filenames) if name[0] != "."
        )
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.encode("utf-8"))
        digest.update((addon_dir / path).read_bytes())
    return f"{digest.name}:{digest.hexdigest()}"


def _inline(text):
    """Markdown inline markup of one line as reStructuredText."""
    parts = []
    pos = 0
    for match in CODE_SPAN.finditer(text):
        parts.append(_inline_text(text[pos : match.start()]))
        parts.append(f"``{match.group(2).strip()}``")
        pos = match.end()
    parts.append(_inline_text(text[pos:]))
    return "".join(parts)


def _inline_text(text):
    if "![" in text:
        raise FragmentError(f"not supported here: images: {text.strip()!r}")
    if re.search(r"<[a-zA-Z!/]", AUTOLINK.sub("", text)):
        raise FragmentError(f"not supported here: HTML: {text.strip()!r}")
    text = text.replace("|", r"\|")
    text = re.sub(r"(?<![\w\\])__(?=\S)(.+?)(?<=\S)__(?!\w)", r"**\1**", text)
    text = re.sub(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)", r"*\1*", text)
    # A word ending in "_" is a reference in reStructuredText.
    text = re.sub(r"(?<=\w)_(?=\W|$)", r"\\_", text)
    text = AUTOLINK.sub(r"\1", text)
    return LINK.sub(r"`\1 <\2>`__", text)


def _is_block_start(line):
    return bool(MARKER.match(line) or FENCE.match(line))


def _check_supported(line, first):
    for pattern, what in UNSUPPORTED:
        if pattern.match(line) and (first or pattern is not INDENTED_CODE):
            raise FragmentError(f"not supported here: {what}: {line.strip()!r}")


def _blocks(lines):
    """reStructuredText lines for Markdown ``lines`` (dedented to column 0)."""
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if out:
            out.append("")
        fence = FENCE.match(line)
        if fence:
            i = _code_block(lines, i, fence, out)
        elif MARKER.match(line):
            i = _list(lines, i, out)
        else:
            start = i
            while i < len(lines) and lines[i].strip():
                if i > start and _is_block_start(lines[i]):
                    break
                _check_supported(lines[i], i == start)
                out.append(_inline(lines[i].strip()))
                i += 1
    return out


def _code_block(lines, i, fence, out):
    out.append(f".. code-block:: {fence.group('lang') or 'text'}")
    out.append("")
    i += 1
    while i < len(lines) and not lines[i].strip().startswith(fence.group("fence")):
        out.append(f"   {lines[i]}" if lines[i].strip() else "")
        i += 1
    if i == len(lines):
        raise FragmentError("a code fence is not closed")
    return i + 1


def _same_list(line, ordered):
    match = MARKER.match(line)
    return bool(match) and (match.group("number") is not None) == ordered


def _list(lines, i, out):
    first = MARKER.match(lines[i])
    ordered = first.group("number") is not None
    number = int(first.group("number") or 1)
    while i < len(lines):
        if not lines[i].strip():
            # A blank line between two items of the same list (a "loose" list).
            following = next((j for j in range(i, len(lines)) if lines[j].strip()), 0)
            if not following or not _same_list(lines[following], ordered):
                break
            i = following
            out.append("")
        match = MARKER.match(lines[i])
        if not match or (match.group("number") is not None) != ordered:
            break
        column = match.end()
        item = [lines[i][column:]]
        i += 1
        while i < len(lines):
            line = lines[i]
            if not line.strip():
                following = next((x for x in lines[i:] if x.strip()), "")
                if not following.startswith(" "):
                    break
                item.append("")
            elif line.startswith(" "):
                indent = len(line) - len(line.lstrip(" "))
                item.append(line[min(indent, column) :])
            elif MARKER.match(line) or not item[-1].strip():
                break
            else:
                item.append(line)  # lazy continuation of the item's paragraph
            i += 1
        marker = f"{number}. " if ordered else "- "
        number += 1
        body = _blocks(item)
        out.append(marker + body[0])
        out.extend(f"{' ' * len(marker)}{line}" if line else "" for line in body[1:])
    return i


def markdown_to_rst(text):
    return "\n".join(_blocks(text.expandtabs(4).splitlines())) + "\n"


def _section(title, level, body):
    return f"{title}\n{UNDERLINE[level] * len(title)}\n\n{body.rstrip()}\n"


def render(addon):
    """The README.rst of ``addon`` as a string (raises FragmentError)."""
    addon_dir = ROOT / addon
    manifest = ast.literal_eval((addon_dir / "__manifest__.py").read_text("utf-8"))
    fragments = {}
    for fragment in FRAGMENTS:
        path = addon_dir / "readme" / f"{fragment}.md"
        if not path.is_file():
            continue
        try:
            body = markdown_to_rst(path.read_text("utf-8"))
        except FragmentError as err:
            raise FragmentError(f"{path.relative_to(ROOT)}: {err}") from None
        if body.strip():
            fragments[fragment] = body
    name = manifest["name"]
    parts = [
        f"{'=' * len(name)}\n{name}\n{'=' * len(name)}\n",
        "..\n"
        "   !! This file is generated by scripts/gen_readme.py from readme/*.md and\n"
        f"   !! __manifest__.py: edit those, then run {REGENERATE}\n"
        f"   !! source digest: {source_digest(addon_dir)}\n",
        fragments.get("DESCRIPTION", ""),
        "**Table of contents**\n\n.. contents::\n   :local:\n",
    ]
    for fragment, title, level in SECTIONS:
        if fragment in fragments:
            parts.append(_section(title, level, fragments[fragment]))
    credits = []
    authors = [a.strip() for a in manifest.get("author", "").split(",") if a.strip()]
    if authors:
        credits.append(_section("Authors", 3, "".join(f"- {a}\n" for a in authors)))
    for fragment, title in CREDITS:
        if fragment in fragments:
            credits.append(_section(title, 3, fragments[fragment]))
    if credits:
        parts.append(_section("Credits", 2, "\n".join(credits)))
    readme = "\n".join(part.rstrip() + "\n" for part in parts)
    _validate(readme, f"{addon}/README.rst")
    return readme


def _validate(rst, name):
    messages = io.StringIO()
    try:
        publish_string(
            rst,
            writer_name="null",
            settings_overrides={
                "halt_level": 2,
                "report_level": 2,
                "warning_stream": messages,
                "file_insertion_enabled": False,
                "raw_enabled": False,
            },
        )
    except SystemMessage as err:
        message = f"{name} would not be valid reStructuredText: {err}"
        raise FragmentError(message) from None


def main(argv):
    check = "--check" in argv
    addons = [arg for arg in argv if arg != "--check"] or [
        addon
        for addon in find_addons()
        if (ROOT / addon / "readme" / "DESCRIPTION.md").is_file()
    ]
    failed = False
    for addon in addons:
        path = ROOT / addon / "README.rst"
        try:
            readme = render(addon)
        except FragmentError as err:
            print(f"ERROR: {err}")
            failed = True
            continue
        current = path.read_text("utf-8") if path.is_file() else ""
        if not check:
            if current != readme:
                path.write_text(readme, "utf-8")
                print(f"wrote {addon}/README.rst")
        elif DIGEST_LINE.sub("", current) != DIGEST_LINE.sub("", readme):
            failed = True
            diff = difflib.unified_diff(
                current.splitlines(),
                readme.splitlines(),
                f"{addon}/README.rst (committed)",
                f"{addon}/README.rst (from {addon}/readme/)",
                lineterm="",
            )
            print("\n".join(list(diff)[:60]))
            print(
                f"ERROR: {addon}/README.rst is not the rendering of"
                f" {addon}/readme/*.md; edit the fragments, not README.rst, and"
                f" regenerate it with '{REGENERATE}'."
            )
    if check and not failed:
        print(f"README.rst generated from readme/ for {', '.join(addons)}.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
