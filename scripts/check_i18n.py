"""Check the addon's translations against the code.

    check_i18n.py GENERATED.pot COMMITTED.pot nl.po

GENERATED.pot is exported from a database where the addon is installed. The check
fails when the committed template misses terms of the code or keeps stale ones, and
when nl.po leaves any term untranslated, fuzzy, or with other placeholders.
"""

import re
import sys

import polib

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{\{.*?\}\}|\{[a-z_]*\}")


def _terms(path):
    return {entry.msgid for entry in polib.pofile(path) if entry.msgid}


def main(generated, committed, nl_po):
    problems = []
    code_terms = _terms(generated)
    pot_terms = _terms(committed)
    for term in sorted(code_terms - pot_terms):
        problems.append(f"missing from {committed}: {term!r}")
    for term in sorted(pot_terms - code_terms):
        problems.append(f"stale in {committed}: {term!r}")

    translations = {entry.msgid: entry for entry in polib.pofile(nl_po) if entry.msgid}
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

    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} translation problem(s); regenerate the template with")
        print("  odoo-bin -d DB --i18n-export=partijnetwerken/i18n/partijnetwerken.pot")
        print("           --modules=partijnetwerken --stop-after-init")
        print("and translate the new terms in nl.po.")
        return 1
    print(f"Translations complete: {len(code_terms)} terms.")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
