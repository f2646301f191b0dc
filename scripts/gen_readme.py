"""Write each addon's README.md from its readme/ fragments, as OCA's generator does.

    gen_readme.py ADDON_DIR [ADDON_DIR ...]          write README.md
    gen_readme.py --check ADDON_DIR [ADDON_DIR ...]  fail if a README.md is stale

The title is the manifest's name; the sections follow OCA's order, each from its
fragment when it exists: DESCRIPTION (no heading), INSTALL, CONFIGURE, USAGE,
ROADMAP, HISTORY, CONTRIBUTORS, CREDITS; then the authors and licence.
"""

import ast
import sys
from pathlib import Path

SECTIONS = [
    ("DESCRIPTION", None),
    ("INSTALL", "Installation"),
    ("CONFIGURE", "Configuration"),
    ("USAGE", "Usage"),
    ("ROADMAP", "Known issues / Roadmap"),
    ("HISTORY", "Changelog"),
    ("CONTRIBUTORS", "Contributors"),
    ("CREDITS", "Other credits"),
]


def render(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    parts = [
        f"# {manifest['name']}",
        "<!-- Generated from readme/*.md by scripts/gen_readme.py; edit those. -->",
    ]
    for fragment, heading in SECTIONS:
        path = addon / "readme" / f"{fragment}.md"
        if not path.exists():
            continue
        if heading:
            parts.append(f"## {heading}")
        parts.append(path.read_text().strip())
    parts.append(
        f"## Credits\n\nAuthors: {manifest['author']}. License: {manifest['license']}."
    )
    return "\n\n".join(parts) + "\n"


def main(args):
    check = args[:1] == ["--check"]
    stale = []
    for name in args[1:] if check else args:
        addon = Path(name)
        text = render(addon)
        readme = addon / "README.md"
        if check:
            if not readme.exists() or readme.read_text() != text:
                stale.append(str(readme))
        else:
            readme.write_text(text)
    for path in stale:
        print(
            f"{path} is not generated from its readme/ fragments; run "
            f"'python3 scripts/gen_readme.py {Path(path).parent}'"
        )
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
