"""Check the addons' wheels (built by whool) for scripts/test.sh.

    check_wheels.py files WHEEL_DIR ADDON [ADDON ...]

For each addon, WHEEL_DIR must hold exactly one wheel odoo_addon_<addon>-*.whl whose
odoo/addons/<addon>/ holds every file of the addon directory that git does not ignore
(except pyproject.toml, which whool leaves out): data and demo XML, views, security
CSV, report templates, translations, static files, README. whool packages only the
files git knows, so a file that is there but not committed is missing from the wheel
and is reported as such. Prints each wheel's name, version and requirements.

    check_wheels.py installed ODOO_CONF ADDON [ADDON ...]

Run by the python of the environment the wheels were installed into: each addon is
installed there as the distribution odoo-addon-<addon>, every requirement of every
odoo-addon-* distribution (odoo==18.0.*, the other addons) is met by an installed
distribution, and Odoo, configured by ODOO_CONF, finds each addon in that
environment's site-packages (odoo/addons/<addon>), not elsewhere on its addons path.

Exits non-zero when a check fails.
"""

import importlib.metadata
import os
import subprocess
import sys
import sysconfig
import zipfile
from email.parser import HeaderParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_PACKAGED = {"pyproject.toml"}


def _git_files(addon, *options):
    out = subprocess.check_output(
        ["git", "ls-files", "-z", *options, "--", addon], cwd=ROOT, text=True
    )
    return {
        path.removeprefix(f"{addon}/")
        for path in out.split("\0")
        if path and (ROOT / path).is_file()
    }


def check(wheel_dir, addon):
    """Print the addon's wheel and return its problems (a list of lines)."""
    wheels = sorted(wheel_dir.glob(f"odoo_addon_{addon}-*.whl"))
    if len(wheels) != 1:
        found = len(wheels)
        return [f"{addon}: expected one wheel odoo_addon_{addon}-*.whl, found {found}"]
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = wheel.namelist()
        metadata_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = HeaderParser().parsestr(wheel.read(metadata_name).decode())
    prefix = f"odoo/addons/{addon}/"
    packaged = {name.removeprefix(prefix) for name in names if name.startswith(prefix)}
    requires = ", ".join(metadata.get_all("Requires-Dist") or []) or "nothing"
    print(
        f"{wheels[0].name}: {metadata['Name']} {metadata['Version']},"
        f" {len(packaged)} files, requires {requires}"
    )
    committed = _git_files(addon, "--cached") - NOT_PACKAGED
    untracked = _git_files(addon, "--others", "--exclude-standard") - NOT_PACKAGED
    problems = [
        f"{addon}: {path} is missing from the wheel"
        for path in sorted(committed - packaged)
    ] + [
        f"{addon}: {path} is missing from the wheel: not committed"
        " (whool packages only the files git knows; git add it)"
        for path in sorted(untracked - packaged)
    ]
    return problems


def _requirement_class():
    try:
        from packaging.requirements import Requirement
    except ImportError:  # not installed here: the copy that pip carries
        from pip._vendor.packaging.requirements import Requirement
    return Requirement


def check_installed(conf, addons):
    """Print the installed addon distributions and return the problems found."""
    requirement_class = _requirement_class()
    problems = []
    distributions = {
        dist.metadata["Name"]: dist
        for dist in importlib.metadata.distributions()
        if dist.metadata["Name"].lower().startswith("odoo-addon-")
    }
    for name in sorted(distributions):
        dist = distributions[name]
        met = []
        for line in dist.requires or []:
            requirement = requirement_class(line)
            if requirement.marker and not requirement.marker.evaluate():
                continue
            try:
                version = importlib.metadata.version(requirement.name)
            except importlib.metadata.PackageNotFoundError:
                problems.append(f"{name}: {requirement} is not installed")
                continue
            if not requirement.specifier.contains(version, prereleases=True):
                problems.append(f"{name}: {requirement} is not met by {version}")
            met.append(f"{requirement} ({requirement.name} {version})")
        print(f"{name} {dist.version}: requires {', '.join(met) or 'nothing'}")

    import odoo
    from odoo.modules.module import get_module_path, initialize_sys_path
    from odoo.tools import config

    config.parse_config(["-c", conf])
    initialize_sys_path()
    site = os.path.realpath(
        os.path.join(sysconfig.get_paths()["purelib"], "odoo/addons")
    )
    print(f"Odoo {odoo.release.version} from {os.path.dirname(odoo.__file__)}")
    for addon in addons:
        if f"odoo-addon-{addon}" not in distributions:
            problems.append(f"odoo-addon-{addon} is not installed")
        path = get_module_path(addon, display_warning=False)
        if not path or os.path.dirname(os.path.realpath(path)) != site:
            problems.append(f"Odoo finds {addon} at {path}, not in {site}")
        else:
            print(f"Odoo finds {addon} in {site}")
    return problems


def main(argv):
    if len(argv) < 3 or argv[0] not in ("files", "installed"):
        sys.exit(__doc__)
    problems = []
    if argv[0] == "files":
        wheel_dir = Path(argv[1])
        for addon in argv[2:]:
            problems += check(wheel_dir, addon)
    else:
        problems = check_installed(argv[1], argv[2:])
    for problem in problems:
        print(f"ERROR: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
