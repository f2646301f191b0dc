#!/usr/bin/env bash
# Linters, then the addons' tests inside Odoo 18.0 on PostgreSQL.
#
# The addons are the folders at the repository root with a __manifest__.py
# (scripts/addons.py, through setup.sh): the core addon partijnetwerken and its
# bridges (partijnetwerken_website, _payment, _membership, ... when present).
#
#   1. ruff check, ruff format --check, pylint-odoo (OCA's mandatory checks) over all
#      addons, and each README.rst against its readme/ fragments (scripts/gen_readme.py);
#   2. installs into throwaway databases, at once where two cores help:
#        core    the core addon alone, with demo data. Bridges such as website_event
#                grant access rights of their own (public read on events), which
#                could hide an access right missing from the core;
#        full    all addons, with demo data (only when there are bridges): a copy of
#                "core" with the bridges installed on top;
#        nodemo  all addons at once, without demo data;
#      and fails on errors in those logs and on warnings that mention our addons;
#   3. exports each addon's translation template from the code and checks that the
#      committed i18n/<addon>.pot matches it and that i18n/nl.po translates every term;
#   4. runs pytest-odoo (HTTP server on a free port): the core addon's tests against
#      "core", then, if there are bridges, their tests against "full". Odoo's log of
#      each test run is kept in a file and checked like the install logs;
#   5. meanwhile, in the background: packaging. Builds each addon's wheel with whool,
#      checks that it holds every file of the addon (scripts/check_wheels.py), installs
#      the wheels and OCA's odoo-addon-auditlog 18.0 (from PyPI; skipped with a message
#      when PyPI cannot be reached) into a throwaway venv made from .venv, checks that
#      their requirements (odoo==18.0.*, ...) are met by the installed Odoo distribution,
#      and installs partijnetwerken and auditlog into a throwaway database with an
#      addons path without this repository, so that Odoo finds them in the wheels.
# The databases and temporary files are removed on exit. The output ends with pytest's
# summary line(s); the exit code is non-zero if any step or any pytest run failed
# (pytest collecting no tests counts as a failure).
#
# Honours PGHOST, PGPORT, PGUSER, PGPASSWORD and the variables of scripts/setup.sh.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=setup.sh
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
pn_setup
cd "$PN_ROOT"

PGDB=("$PN_PY" "$PN_ROOT/scripts/pgdb.py")
CORE=$PN_CORE
ADDONS=("${PN_ADDONS[@]}")
BRIDGES=("${ADDONS[@]:1}")
join_by_comma() { local IFS=,; printf '%s' "$*"; }
echo "== addons: ${ADDONS[*]}"

# -- 1. Linters -----------------------------------------------------------------------
lint_failed=0
echo "== ruff check"
"$PN_VENV/bin/ruff" check --no-cache . || lint_failed=1
echo "== ruff format --check"
"$PN_VENV/bin/ruff" format --check --no-cache . || lint_failed=1
echo "== pylint-odoo (.pylintrc-mandatory)"
"$PN_VENV/bin/pylint" --rcfile=.pylintrc-mandatory "${ADDONS[@]}" && echo "No issues." || lint_failed=1
echo "== README.rst generated from readme/"
"$PN_PY" scripts/gen_readme.py --check || lint_failed=1
if [ "$lint_failed" != 0 ]; then
    pn_die "lint failed (see above). '.venv/bin/ruff check --fix . && .venv/bin/ruff format .' fixes most ruff findings."
fi

# -- 2. Throwaway databases ------------------------------------------------------------
"${PGDB[@]}" check
run_id="$(date +%Y%m%d%H%M%S)_$$"
DB_CORE="pn_test_${run_id}_core"
DB_FULL="pn_test_${run_id}_full"
DB_NODEMO="pn_test_${run_id}_nodemo"
DB_PACK="pn_test_${run_id}_pack"
TMP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pn_test.XXXXXX")

bg_pids=()
pack_pid=""
# shellcheck disable=SC2317  # called from the traps below
cleanup() {
    trap - EXIT INT TERM
    # An interrupt can come while installs run; stop them before dropping their databases.
    if [ "${#bg_pids[@]}" != 0 ]; then
        kill -KILL "${bg_pids[@]}" 2>/dev/null || true
        wait "${bg_pids[@]}" 2>/dev/null || true
    fi
    # The packaging step stops its own Odoo or pip on TERM (see packaging).
    if [ -n "$pack_pid" ]; then
        kill -TERM "$pack_pid" 2>/dev/null || true
        wait "$pack_pid" 2>/dev/null || true
    fi
    "${PGDB[@]}" drop "$DB_CORE" "$DB_FULL" "$DB_NODEMO" "$DB_PACK" >/dev/null 2>&1 || true
    rm -rf "$TMP_DIR"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

# A free port, never a running dev server's 8069 (pytest-odoo picks its own for tests).
http_port=$("$PN_PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
{
    echo "[options]"
    echo "addons_path = $ADDONS_PATH"
    echo "data_dir = $TMP_DIR/data"
    echo "http_port = $http_port"
    echo "log_level = warn"
    echo "log_handler = :WARNING"
    [ -z "${PGHOST:-}" ] || echo "db_host = $PGHOST"
    [ -z "${PGPORT:-}" ] || echo "db_port = $PGPORT"
    [ -z "${PGUSER:-}" ] || echo "db_user = $PGUSER"
} >"$TMP_DIR/odoo.conf"

# Print the log records (with their tracebacks) that fail a run: any ERROR or CRITICAL,
# and any WARNING that mentions one of our addons or their models (party.network*).
# Installing only the addons' dependencies logs no warning at all. conftest.py keeps
# pytest-odoo's early import of Odoo's test framework from logging an ERROR into
# every test run.
bad_log_records() {
    awk -v mention="$(IFS='|'; printf '%s' "${ADDONS[*]}")|party[.]network" '
        function flush() {
            if (record != "" && (level == "ERROR" || level == "CRITICAL" ||
                                 (level == "WARNING" && record ~ mention))) {
                print record
                found = 1
            }
            record = ""
        }
        /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9:,]+ [0-9]+ [A-Z]+ / { flush(); level = $4; record = $0; next }
        { record = record "\n" $0 }
        END { flush(); exit !found }
    ' "$1"
}

odoo_bg() { # log-file odoo-options...; starts Odoo in the background, pid in $bg_pid
    local log=$1
    shift
    TZ=UTC "$PN_PY" -m odoo -c "$TMP_DIR/odoo.conf" --stop-after-init --no-http "$@" >"$log" 2>&1 &
    bg_pid=$!
    bg_pids+=("$bg_pid")
}

wait_bg() { # pid; waits for it, sets $bg_rc, and forgets the pid (so cleanup never kills a reused one)
    local pid=$1 kept=() other
    bg_rc=0
    wait "$pid" || bg_rc=$?
    for other in "${bg_pids[@]}"; do
        [ "$other" = "$pid" ] || kept+=("$other")
    done
    bg_pids=("${kept[@]}")
}

install_failed=0
check_install() { # variant exit-code
    local log="$TMP_DIR/install-$1.log"
    if [ "$2" != 0 ]; then
        echo "Install ($1) exited with $2; the end of its log:"
        tail -n 60 "$log"
        install_failed=1
    elif bad_log_records "$log"; then
        echo "^ errors/warnings in the install log ($1)"
        install_failed=1
    fi
}

# Two Odoo processes at a time, one per core. "full" starts from a copy of "core", so
# the core and its dependencies are installed once for both; the translation exports
# need only "nodemo" and run while "full" still installs.
echo "== install: $DB_CORE ($CORE, demo data), $DB_NODEMO (all addons, no demo data)${BRIDGES[0]:+, $DB_FULL (all addons, demo data)}"
start=$SECONDS
odoo_bg "$TMP_DIR/install-core.log" -d "$DB_CORE" -i "$CORE"
pid_core=$bg_pid
odoo_bg "$TMP_DIR/install-nodemo.log" -d "$DB_NODEMO" -i "$(join_by_comma "${ADDONS[@]}")" --without-demo=all
pid_nodemo=$bg_pid

wait_bg "$pid_core"
check_install core "$bg_rc"
pid_full=""
if [ "${#BRIDGES[@]}" != 0 ] && [ "$bg_rc" = 0 ]; then
    # Odoo's own copy: database and filestore.
    TZ=UTC "$PN_PY" -m odoo db -c "$TMP_DIR/odoo.conf" duplicate "$DB_CORE" "$DB_FULL" \
        >"$TMP_DIR/duplicate.log" 2>&1 || { cat "$TMP_DIR/duplicate.log"; pn_die "copying $DB_CORE failed."; }
    odoo_bg "$TMP_DIR/install-full.log" -d "$DB_FULL" -i "$(join_by_comma "${BRIDGES[@]}")"
    pid_full=$bg_pid
fi

wait_bg "$pid_nodemo"
check_install nodemo "$bg_rc"
export_pids=()
if [ "$bg_rc" = 0 ]; then
    mkdir -p "$TMP_DIR/i18n"
    for addon in "${ADDONS[@]}"; do
        odoo_bg "$TMP_DIR/i18n/$addon.log" -d "$DB_NODEMO" \
            --i18n-export="$TMP_DIR/i18n/$addon.pot" --modules="$addon"
        export_pids+=("$bg_pid")
    done
fi

if [ -n "$pid_full" ]; then
    wait_bg "$pid_full"
    check_install full "$bg_rc"
fi
[ "$install_failed" = 0 ] || pn_die "installing the addons failed (see above)."
echo "Installs clean in $((SECONDS - start))s."

# -- 3. Translations -------------------------------------------------------------------
echo "== translations: templates regenerated from the code, nl.po complete"
for i in "${!export_pids[@]}"; do
    addon=${ADDONS[$i]}
    wait_bg "${export_pids[$i]}"
    if [ "$bg_rc" != 0 ]; then
        cat "$TMP_DIR/i18n/$addon.log"
        pn_die "exporting the template of $addon failed."
    fi
done
"$PN_PY" scripts/check_i18n.py "$TMP_DIR/i18n" "${ADDONS[@]}" ||
    pn_die "translations are incomplete (see above)."

# -- 5. Packaging (defined here, run in the background while the tests run) ------------
# Runs in a subshell with its output in $TMP_DIR/packaging.out; each long command runs
# in the background and is waited for, so that the subshell's TERM trap (from cleanup)
# can stop it at once. The throwaway venv sees what .venv sees: it is made from the
# same Python, with the system site-packages when .venv has them (Odoo from the
# system), and a .pth that adds .venv's site-packages (Odoo installed by setup.sh).
packaging() {
    local wheels="$TMP_DIR/wheels" oca="$TMP_DIR/oca" venv="$TMP_DIR/pack-venv" child=""
    local system_site=() pip site oca_wheel=()
    trap '[ -z "$child" ] || kill -KILL "$child" 2>/dev/null; exit 143' TERM
    pack_run() { "$@" & child=$!; wait "$child"; }
    pip=(--no-input --disable-pip-version-check --quiet)

    echo "Building the wheels (whool) into $wheels ..."
    pack_run "$PN_PY" -m pip wheel "${pip[@]}" --no-deps --no-build-isolation --no-index \
        --wheel-dir "$wheels" "${ADDONS[@]/#/./}" || { echo "ERROR: building the wheels failed."; return 1; }
    pack_run "$PN_PY" scripts/check_wheels.py files "$wheels" "${ADDONS[@]}" 2>&1 || return 1

    grep -Eqi '^include-system-site-packages *= *true' "$PN_VENV/pyvenv.cfg" && system_site=(--system-site-packages)
    pack_run "$PN_PY" -m venv "${system_site[@]}" "$venv" || { echo "ERROR: creating the throwaway venv failed."; return 1; }
    site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    "$PN_PY" -c 'import sysconfig; p = sysconfig.get_paths()["purelib"]; print(f"import site; site.addsitedir({p!r})")' \
        >"$site/pn-setup-venv.pth"

    # OCA's addon from the registry: the one step that needs PyPI.
    if pack_run "$venv/bin/python" -m pip download "${pip[@]}" --timeout 30 --retries 2 --no-deps --dest "$oca" \
        'odoo-addon-auditlog==18.0.*' >"$TMP_DIR/pack-download.log" 2>&1; then
        oca_wheel=("$oca"/odoo_addon_auditlog-*.whl)
    elif grep -Eqi 'connection|resolve|network|timed out|proxy|ssl' "$TMP_DIR/pack-download.log"; then
        echo "SKIPPED: odoo-addon-auditlog (OCA) was not installed beside ours: PyPI cannot be reached:"
        grep -Ei 'connection|resolve|network|timed out|proxy|ssl' "$TMP_DIR/pack-download.log" | tail -n 2
    else
        cat "$TMP_DIR/pack-download.log"
        echo "ERROR: downloading odoo-addon-auditlog 18.0 from PyPI failed."
        return 1
    fi
    # --no-deps: pip would also resolve Odoo's own declared requirements, and gevent
    # among them is left out of the set-up; check_wheels.py checks the wheels' own.
    pack_run "$venv/bin/python" -m pip install "${pip[@]}" --no-index --no-deps "$wheels"/*.whl "${oca_wheel[@]}" ||
        { echo "ERROR: installing the wheels failed."; return 1; }
    local addons_csv=${ADDONS_PATH#"$PN_ROOT",}
    sed -e "s|^addons_path = .*|addons_path = $addons_csv|" -e "s|^data_dir = .*|data_dir = $TMP_DIR/pack-data|" \
        "$TMP_DIR/odoo.conf" >"$TMP_DIR/pack-odoo.conf"
    local found=("${ADDONS[@]}")
    [ "${#oca_wheel[@]}" = 0 ] || found+=(auditlog)
    # From $TMP_DIR, so that nothing of the repository is on sys.path or the addons path.
    cd "$TMP_DIR"
    pack_run "$venv/bin/python" "$PN_ROOT/scripts/check_wheels.py" installed \
        "$TMP_DIR/pack-odoo.conf" "${found[@]}" 2>&1 || return 1

    local install=("$CORE")
    [ "${#oca_wheel[@]}" = 0 ] || install+=(auditlog)
    echo "Installing $(join_by_comma "${install[@]}") from the wheels into $DB_PACK (no demo data) ..."
    pack_run env TZ=UTC "$venv/bin/python" -m odoo -c "$TMP_DIR/pack-odoo.conf" --stop-after-init --no-http \
        -d "$DB_PACK" -i "$(join_by_comma "${install[@]}")" --without-demo=all >"$TMP_DIR/install-pack.log" 2>&1 ||
        { tail -n 60 "$TMP_DIR/install-pack.log"; echo "ERROR: installing from the wheels failed."; return 1; }
    if bad_log_records "$TMP_DIR/install-pack.log"; then
        echo "ERROR: ^ errors/warnings in the log of the install from the wheels."
        return 1
    fi
    for addon in "${install[@]}"; do
        [ "$("${PGDB[@]}" module-state "$DB_PACK" "$addon")" = installed ] ||
            { echo "ERROR: $addon is not installed in $DB_PACK."; return 1; }
    done
    echo "Installed from the wheels with a clean log: $(join_by_comma "${install[@]}")."
    echo "pip list | grep -i odoo (throwaway venv):"
    "$venv/bin/python" -m pip list --disable-pip-version-check 2>/dev/null | grep -i odoo
}

# -- 4. Tests --------------------------------------------------------------------------
final_rc=0
# Each run's label and summary line; the failed runs' come last, so that the output
# ends with a failure's summary when there is one.
passed_summaries=()
failed_summaries=()
run_pytest() { # key label database test-directories...
    local label=$2 db=$3 out="$TMP_DIR/pytest-$1.out" log="$TMP_DIR/pytest-$1.log" rc=0
    shift 3
    local color=()
    [ ! -t 1 ] || color=(--color=yes)
    echo "== pytest $* against $db"
    # Plugins are named explicitly so that pytest plugins from the system site-packages
    # (visible when Odoo comes from there) stay out of the run. pytest-odoo sets Odoo's
    # log level to critical unless told; warn, into a file, so the log can be checked.
    PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 "$PN_VENV/bin/pytest" -c "$PN_ROOT/pytest.ini" \
        -p pytest_odoo -p no:cacheprovider "${color[@]}" \
        --odoo-database="$db" --odoo-http --odoo-config="$TMP_DIR/odoo.conf" \
        --odoo-log-level=warn --odoo-extra="logfile=$log" \
        "$@" </dev/null 2>&1 | tee "$out" || rc=${PIPESTATUS[0]}
    if [ "$rc" = 5 ]; then
        echo "ERROR: pytest collected no tests in $*; there must be tests." >&2
    fi
    if [ -f "$log" ] && bad_log_records "$log"; then
        echo "ERROR: ^ errors, or warnings about our addons, in Odoo's log of the test run ($label)." >&2
        echo "  An error that a test provokes on purpose belongs in that test, under mute_logger." >&2
        [ "$rc" != 0 ] || rc=1
    elif [ "$rc" = 0 ]; then
        echo "Odoo's log of the test run ($label): no errors, no warnings about our addons."
    fi
    if [ "$rc" = 0 ]; then
        passed_summaries+=("$label:" "$(tail -n 1 "$out")")
    else
        failed_summaries+=("$label:" "$(tail -n 1 "$out")")
    fi
    [ "$final_rc" != 0 ] || final_rc=$rc
}

echo "== packaging: wheels into a throwaway venv, in the background (reported after the tests)"
(packaging) >"$TMP_DIR/packaging.out" 2>&1 &
pack_pid=$!

run_pytest core "$CORE on the core database" "$DB_CORE" "$CORE/tests"
if [ "${#BRIDGES[@]}" != 0 ]; then
    bridge_tests=()
    for addon in "${BRIDGES[@]}"; do
        bridge_tests+=("$addon/tests")
    done
    run_pytest full "${BRIDGES[*]} on the full database" "$DB_FULL" "${bridge_tests[@]}"
fi

echo "== packaging"
pack_rc=0
wait "$pack_pid" || pack_rc=$?
pack_pid=""
cat "$TMP_DIR/packaging.out"
if [ "$pack_rc" = 0 ]; then
    echo "Packaging: the wheels build, hold every file and install into Odoo without the repository."
else
    echo "ERROR: packaging failed (see above)." >&2
    [ "$final_rc" != 0 ] || final_rc=1
fi

echo "== results"
printf '%s\n' "${passed_summaries[@]}" "${failed_summaries[@]}"
exit "$final_rc"
