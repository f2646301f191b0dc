"""Check each addon's translations against the code.

    check_i18n.py EXPORT_DIR [ADDON ...]

EXPORT_DIR holds one ``<addon>.pot`` per addon, exported from a database where the
addons are installed; without ADDON arguments every addon of the repository is checked
(scripts/addons.py). For each addon the check fails when the committed
``<addon>/i18n/<addon>.pot`` misses terms of the code or keeps stale ones, and when
``<addon>/i18n/nl.po`` is missing or leaves any term untranslated, fuzzy, or with
other placeholders.
"""

import re
import sys
from pathlib import Path

import polib
from addons import ROOT, find_addons

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{\{.*?\}\}|\{[a-z_]*\}")


def _terms(path):
    return {entry.msgid for entry in polib.pofile(str(path)) if entry.msgid}


def check_addon(addon, generated):
    """Return the translation problems of one addon."""
    committed = Path(addon, "i18n", f"{addon}.pot")
    nl_po = Path(addon, "i18n", "nl.po")
    problems = []
    for path in (generated, ROOT / committed, ROOT / nl_po):
        if not path.is_file():
            problems.append(f"missing file: {path}")
    if problems:
        return problems

    code_terms = _terms(generated)
    pot_terms = _terms(ROOT / committed)
    for term in sorted(code_terms - pot_terms):
        problems.append(f"missing from {committed}: {term!r}")
    for term in sorted(pot_terms - code_terms):
        problems.append(f"stale in {committed}: {term!r}")

    translations = {
        entry.msgid: entry for entry in polib.pofile(str(ROOT / nl_po)) if entry.msgid
    }
    for term in sorted(code_terms):
        entry = translations.get(term)
        if entry is None or not entry.msgstr.strip():
            problems.append(f"untranslated in {nl_po}: {term!r}")
        elif entry.fuzzy:
            problems.append(f"fuzzy in {nl_po}: {term!r}")
        elif sorted(PLACEHOLDER.findall(term)) != sorted(
            PLACEHOLDER.findall(entry.msgstr)
        ):
            problems.append(f"placeholders differ in {nl_po}: {term!r}")
    return problems


def main(argv):
    if not argv:
        sys.exit(__doc__)
    export_dir = Path(argv[0])
    addons = argv[1:] or find_addons()
    failed = False
    for addon in addons:
        problems = check_addon(addon, export_dir / f"{addon}.pot")
        for problem in problems:
            print(f"{addon}: {problem}")
        if problems:
            failed = True
            print(f"{addon}: {len(problems)} translation problem(s); regenerate the")
            print("  template with (a database where the addon is installed)")
            print(f"    odoo-bin -d DB --i18n-export={addon}/i18n/{addon}.pot")
            print(f"             --modules={addon} --stop-after-init")
            print("  and translate the new terms in nl.po.")
        else:
            terms = len(_terms(export_dir / f"{addon}.pot"))
            print(f"{addon}: translations complete, {terms} terms.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
