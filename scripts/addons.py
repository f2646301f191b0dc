"""The repository's Odoo addons, for the scripts.

An addon is a folder at the repository root with a ``__manifest__.py`` that is not
marked ``"installable": False``. The core addon, ``partijnetwerken``, comes first; the
others (the bridges to website, payment, membership, ...) follow by name.

    addons.py    print them, one per line (scripts/setup.sh reads them from here)
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = "partijnetwerken"


def _installable(manifest_path):
    manifest = ast.literal_eval(manifest_path.read_text(encoding="utf-8"))
    return manifest.get("installable", True)


def find_addons(root=ROOT):
    """Names of the installable addons at ``root``, the core addon first."""
    names = sorted(
        path.parent.name
        for path in Path(root).glob("*/__manifest__.py")
        if not path.parent.name.startswith(".") and _installable(path)
    )
    return sorted(names, key=lambda name: name != CORE)


def main():
    addons = find_addons()
    if CORE not in addons:
        sys.exit(f"The core addon {CORE}/ (with its __manifest__.py) is missing.")
    print("\n".join(addons))


if __name__ == "__main__":
    main()
