# shellcheck shell=bash
# Shared set-up for scripts/run.sh and scripts/test.sh: source this file, then call
# pn_setup. Idempotent; a second run only checks what the first one made.
#
# After pn_setup:
#   PN_ROOT      repository root (holds the addon directory partijnetwerken/)
#   PN_VENV      virtualenv at $PN_ROOT/.venv with Odoo 18.0 and the dev tools
#   PN_PY        its python
#   ADDONS_PATH  $PN_ROOT plus Odoo's own addons directories
#   PN_CORE      the core addon (partijnetwerken)
#   PN_ADDONS    every addon of the repository (a folder at the root with a
#                __manifest__.py), the core first; an array
#
# Where Odoo 18.0 comes from, first match wins:
#   1. the machine's python3 (or $PYTHON) already imports it -> venv with
#      --system-site-packages;
#   2. $ODOO_SRC names an Odoo 18.0 source tree -> its requirements, then the tree itself
#      pip-installed into the venv as the distribution "odoo" (editable);
#   3. the official 18.0 source release, downloaded once into .odoo/ -> as 2.
# Either way pip knows a distribution "odoo" 18.0 afterwards, so that addons packaged as
# wheels (odoo-addon-*, which require odoo==18.0.*) install beside it.

PN_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PN_VENV="$PN_ROOT/.venv"
PN_PY="$PN_VENV/bin/python"
# The official 18.0 source release: Odoo's nightly build, else the 18.0 branch on GitHub.
PN_ODOO_URLS="https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz
https://github.com/odoo/odoo/archive/refs/heads/18.0.tar.gz"

pn_say() { printf '%s\n' "$*" >&2; }
pn_die() {
    printf 'ERROR: %s\n' "$*" >&2
    exit 1
}

_pn_sha() { "$PN_PY" -c 'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())' <"$1"; }

# Odoo 18.0 supports Python 3.10-3.13; this project needs 3.11 or newer.
_pn_python_ok() {
    "$1" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null
}

_pn_find_python() {
    local candidate
    for candidate in ${PYTHON:-} python3 python3.12 python3.11 python3.13; do
        if command -v "$candidate" >/dev/null 2>&1 && _pn_python_ok "$candidate"; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

_pn_imports_odoo18() {
    "$1" -c 'import sys, odoo.release as r; sys.exit(tuple(r.version_info[:2]) != (18, 0))' \
        >/dev/null 2>&1
}

_pn_is_odoo18_src() {
    [ -f "$1/odoo/release.py" ] && [ -f "$1/requirements.txt" ] &&
        grep -Eq '^version_info = \(18, 0,' "$1/odoo/release.py"
}

# Download the official 18.0 source release into .odoo/ (once) and print its path.
_pn_download_odoo() {
    local dest="$PN_ROOT/.odoo" src="$PN_ROOT/.odoo/odoo-18.0" url
    if [ -f "$dest/.complete" ] && _pn_is_odoo18_src "$src"; then
        printf '%s\n' "$src"
        return 0
    fi
    rm -rf "$src" "$dest/.complete"
    for url in $PN_ODOO_URLS; do
        rm -rf "$dest/download"
        mkdir -p "$dest/download/tree"
        pn_say "Downloading Odoo 18.0 (about 300 MB, first run only) from $url ..."
        if "$1" - "$url" "$dest/download/odoo.tar.gz" <<'PY' &&
import shutil, sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=60) as resp, open(sys.argv[2], "wb") as out:
        shutil.copyfileobj(resp, out, 1 << 20)
except OSError as err:
    sys.exit(f"  {err}")
PY
            tar -xzf "$dest/download/odoo.tar.gz" -C "$dest/download/tree" --strip-components=1 &&
            _pn_is_odoo18_src "$dest/download/tree"; then
            mv "$dest/download/tree" "$src"
            rm -rf "$dest/download"
            touch "$dest/.complete"
            printf '%s\n' "$src"
            return 0
        fi
        pn_say "  ... failed."
    done
    rm -rf "$dest/download"
    rmdir "$dest" 2>/dev/null
    return 1
}

# Odoo's requirements.txt, adjusted for what fails to install on Python 3.11+.
_pn_odoo_requirements() {
    local psycopg='psycopg2'
    # psycopg2 is built from source and needs pg_config; the binary wheel is the same code.
    command -v pg_config >/dev/null 2>&1 || psycopg='psycopg2-binary'
    # cbor2 5.4.2 (sdist) no longer builds; Odoo pins the 5.6.2 wheel on Python 3.12.
    # python-ldap needs LDAP headers and only serves auth_ldap; gevent/greenlet only
    # serve the longpolling worker, which a threaded dev server does not use.
    sed -E \
        -e '/^(python-ldap|gevent|greenlet)[[:space:]]*(==|;|$)/d' \
        -e 's/^cbor2==5\.4\.2/cbor2==5.6.2/' \
        -e "s/^psycopg2==/$psycopg==/" \
        "$1/requirements.txt"
    # What _pn_install_odoo builds Odoo's editable install with (setuptools >= 64: PEP 660).
    printf '%s\n' 'setuptools>=64' 'wheel'
}

# pip install the Odoo source tree into the venv as the distribution "odoo", once (the
# stamp records the tree). Its requirements are installed first, hence --no-deps; and
# --no-build-isolation, so that the build needs nothing beyond the venv. Editable, in
# setuptools' "compat" mode: a plain path entry for the tree. The default mode imports
# "odoo" through a finder that Python consults after site-packages, where the odoo/addons/
# folder of any installed addon wheel would then make "odoo" an empty namespace package.
_pn_install_odoo() {
    local src=$1 site=$2 stamp="$PN_VENV/.pn-odoo-dist"
    # The .pth file that earlier set-ups used instead of a distribution.
    rm -f "$site/odoo-src.pth"
    if [ "$(cat "$stamp" 2>/dev/null)" = "$src" ] && "$PN_PY" -m pip show odoo >/dev/null 2>&1; then
        return 0
    fi
    pn_say "Installing Odoo 18.0 from $src into .venv (pip, editable) ..."
    "$PN_PY" -m pip install --quiet --no-input --no-deps --no-build-isolation --use-pep517 \
        --config-settings editable_mode=compat -e "$src" ||
        pn_die "pip could not install Odoo from $src (see above)."
    printf '%s\n' "$src" >"$stamp"
}

# pip install -r FILE into the venv unless STAMP records the same FILE already.
_pn_pip_install() {
    local file=$1 stamp=$2 what=$3 sum
    sum=$(_pn_sha "$file")
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
        return 0
    fi
    pn_say "Installing $what into .venv ..."
    "$PN_PY" -m pip install --quiet --no-input -r "$file" ||
        pn_die "pip could not install $what (see above)."
    printf '%s\n' "$sum" >"$stamp"
}

_pn_chromium() {
    local browser
    for browser in chromium chromium-browser google-chrome google-chrome-stable; do
        command -v "$browser" >/dev/null 2>&1 && return 0
    done
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        pn_say "Installing Debian's chromium for browser tours ..."
        if DEBIAN_FRONTEND=noninteractive apt-get -qq update >/dev/null &&
            DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends \
                chromium >/dev/null; then
            return 0
        fi
    fi
    pn_say "WARNING: no Chromium/Chrome found; browser tours will be skipped." \
        "Install the 'chromium' package to run them."
}

pn_setup() {
    # Serialise concurrent set-ups of the same checkout (lock on this file, read-only).
    exec 9<"$PN_ROOT/scripts/setup.sh"
    if command -v flock >/dev/null 2>&1; then flock 9; fi
    _pn_setup
    exec 9<&-
}

_pn_setup() {
    local base_py mode src="" site
    base_py=$(_pn_find_python) ||
        pn_die "Python 3.11, 3.12 or 3.13 is needed (python3 on PATH, or set PYTHON=/path/to/python)."

    if _pn_imports_odoo18 "$base_py"; then
        mode="system $base_py"
    elif [ -n "${ODOO_SRC:-}" ]; then
        if ! src=$(cd "$ODOO_SRC" 2>/dev/null && pwd) || ! _pn_is_odoo18_src "$src"; then
            pn_die "ODOO_SRC=$ODOO_SRC is not an Odoo 18.0 source tree (no odoo/release.py for 18.0)."
        fi
        mode="src $src $base_py"
    elif src=$(_pn_download_odoo "$base_py"); then
        mode="src $src $base_py"
    else
        pn_die "Odoo 18.0 not found and the download failed. Provide it in one of these ways:
  - ODOO_SRC=/path/to/odoo-18.0-source ./scripts/...   (a checkout of github.com/odoo/odoo, branch 18.0)
  - install Odoo 18.0 so that '$base_py -c \"import odoo\"' works
  - allow access to nightly.odoo.com or github.com for the one-time download into .odoo/"
    fi

    # (Re)create the venv when it is missing, broken, or was made for another Odoo source.
    if ! "$PN_PY" -c '' >/dev/null 2>&1 || [ "$(cat "$PN_VENV/.pn-odoo" 2>/dev/null)" != "$mode" ]; then
        rm -rf "$PN_VENV"
        pn_say "Creating .venv with $base_py ..."
        if [ -z "$src" ]; then
            "$base_py" -m venv --system-site-packages "$PN_VENV"
        else
            "$base_py" -m venv "$PN_VENV"
        fi || pn_die "Could not create a virtualenv (on Debian/Ubuntu: apt-get install python3-venv)."
        printf '%s\n' "$mode" >"$PN_VENV/.pn-odoo"
    fi

    if [ -n "$src" ]; then
        site=$("$PN_PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
        _pn_odoo_requirements "$src" >"$PN_VENV/odoo-requirements.txt"
        _pn_pip_install "$PN_VENV/odoo-requirements.txt" "$PN_VENV/.pn-odoo-reqs" \
            "Odoo 18.0's requirements (first run only, a few minutes)"
        _pn_install_odoo "$src" "$site"
    fi
    _pn_pip_install "$PN_ROOT/requirements-dev.txt" "$PN_VENV/.pn-dev-reqs" \
        "the dev tools from requirements-dev.txt"
    _pn_chromium

    ADDONS_PATH=$(cd "$PN_ROOT" && "$PN_PY" - "$PN_ROOT" <<'PY'
import os
import sys

import odoo.release

if tuple(odoo.release.version_info[:2]) != (18, 0):
    sys.exit(f"Odoo {odoo.release.version} found in .venv, 18.0 needed.")
package = os.path.dirname(odoo.__file__)
candidates = [os.path.join(os.path.dirname(package), "addons"), os.path.join(package, "addons")]
print(",".join([sys.argv[1]] + [path for path in candidates if os.path.isdir(path)]))
PY
    ) || pn_die "Odoo 18.0 does not import in .venv; remove .venv and try again."
    pn_find_addons
    export PN_ROOT PN_VENV PN_PY ADDONS_PATH PN_CORE
}

# The addons of the repository, found by their manifests (scripts/addons.py, which the
# Python scripts use too): the core first, then the bridges in alphabetical order.
pn_find_addons() {
    local addons
    addons=$("$PN_PY" "$PN_ROOT/scripts/addons.py") || pn_die "the addons could not be listed (see above)."
    mapfile -t PN_ADDONS <<<"$addons"
    PN_CORE=${PN_ADDONS[0]}
}
