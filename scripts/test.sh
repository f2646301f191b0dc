#!/usr/bin/env bash
# Linters, then the tests of every addon of the repository inside Odoo 18.0 on
# PostgreSQL. The addons are the folders at the root with a __manifest__.py.
#
#   1. ruff check, ruff format --check, pylint-odoo (OCA's mandatory checks);
#   2. installs throwaway databases and fails on errors in their logs and on
#      warnings that mention our addons:
#        core  the core addon alone, with demo data (website_event and the other
#              bridges grant rights that could hide a missing one in the core);
#        full  all addons with demo data (only when there are bridges);
#        nodemo all addons without demo data;
#   3. per addon: exports the translation template from the code and checks that
#      the committed i18n/<addon>.pot matches it and that i18n/nl.po is complete;
#   4. pytest-odoo (HTTP server on a free port): the core addon's tests against the
#      core database, the bridges' tests against the full one; the log of the test
#      runs is checked like the install logs.
# The databases and temporary files are removed on exit. The exit code is pytest's
# (the first failing run's), or 1 when the test-run log has errors.
#
# Honours PGHOST, PGPORT, PGUSER, PGPASSWORD and the variables of scripts/setup.sh.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=setup.sh
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
pn_setup
cd "$PN_ROOT"

PGDB=("$PN_PY" "$PN_ROOT/scripts/pgdb.py")

# -- 1. Linters -----------------------------------------------------------------------
echo "== addons: ${PN_ADDONS[*]}"
lint_failed=0
echo "== ruff check"
"$PN_VENV/bin/ruff" check --no-cache . || lint_failed=1
echo "== ruff format --check"
"$PN_VENV/bin/ruff" format --check --no-cache . || lint_failed=1
echo "== pylint-odoo (.pylintrc-mandatory)"
"$PN_VENV/bin/pylint" --rcfile=.pylintrc-mandatory "${PN_ADDONS[@]}" && echo "No issues." || lint_failed=1
echo "== readme: README.md generated from readme/"
"$PN_PY" scripts/gen_readme.py --check "${PN_ADDONS[@]}" || lint_failed=1
if [ "$lint_failed" != 0 ]; then
    pn_die "lint failed (see above). '.venv/bin/ruff check --fix . && .venv/bin/ruff format .' fixes most ruff findings."
fi

# -- 2. Throwaway databases ------------------------------------------------------------
"${PGDB[@]}" check
run_id="$(date +%Y%m%d%H%M%S)_$$"
DB_CORE="pn_test_${run_id}_core"
DB_FULL="pn_test_${run_id}_full"
DB_NODEMO="pn_test_${run_id}_nodemo"
TMP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pn_test.XXXXXX")
ALL_ADDONS=$(IFS=,; echo "${PN_ADDONS[*]}")
BRIDGES=("${PN_ADDONS[@]:1}")

install_pids=()
# shellcheck disable=SC2317  # called from the traps below
cleanup() {
    trap - EXIT INT TERM
    # An interrupt can come while the installs run; stop them before dropping their databases.
    if [ "${#install_pids[@]}" != 0 ]; then
        kill -KILL "${install_pids[@]}" 2>/dev/null || true
        wait "${install_pids[@]}" 2>/dev/null || true
    fi
    "${PGDB[@]}" drop "$DB_CORE" "$DB_FULL" "$DB_NODEMO" >/dev/null 2>&1 || true
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

# Print the log records (with their tracebacks) that fail a run: any ERROR or
# CRITICAL, and any WARNING that mentions one of our addons or models (party.network*).
# Installing only the addons' dependencies logs no warning at all.
mention="$(IFS='|'; echo "${PN_ADDONS[*]}")|party[.]network"
# The one record a test run always has: pytest-odoo imports Odoo's test framework
# before Odoo runs its tests (Odoo's "test mode" would run every module's own tests
# while loading the registry), and Odoo logs that import as an ERROR.
known='^[^\n]* ERROR [^\n]* odoo[.]tests[.]common: Importing test framework, avoid importing from business modules and when not running in test mode'
bad_log_records() {
    awk -v mention="$mention" -v known="$known" '
        function flush() {
            if (record != "" && record !~ known &&
                (level == "ERROR" || level == "CRITICAL" ||
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

start_install() { # database log-file addons [odoo options...]; runs in the background
    local db=$1 log=$2 addons=$3
    shift 3
    TZ=UTC "$PN_PY" -m odoo -c "$TMP_DIR/odoo.conf" -d "$db" -i "$addons" \
        --stop-after-init --no-http --log-level=warn "$@" >"$log" 2>&1 &
    install_pids+=("$!")
}

check_install() { # variant exit-code
    local log="$TMP_DIR/install-$1.log"
    if [ "$2" != 0 ]; then
        echo "Install ($1) exited with $2; the end of its log:"
        tail -n 60 "$log"
        return 1
    fi
    if bad_log_records "$log"; then
        echo "^ errors/warnings in the install log ($1)"
        return 1
    fi
}

# The installs run at once: each is mostly one busy process. Without bridges the
# full database would be the core one again, so it is not made.
variants=(core nodemo)
echo "== install $PN_CORE with demo data ($DB_CORE); ${ALL_ADDONS} without ($DB_NODEMO)"
start=$SECONDS
start_install "$DB_CORE" "$TMP_DIR/install-core.log" "$PN_CORE"
start_install "$DB_NODEMO" "$TMP_DIR/install-nodemo.log" "$ALL_ADDONS" --without-demo=all
if [ "${#BRIDGES[@]}" != 0 ]; then
    echo "== install ${ALL_ADDONS} with demo data ($DB_FULL)"
    start_install "$DB_FULL" "$TMP_DIR/install-full.log" "$ALL_ADDONS"
    variants+=(full)
else
    DB_FULL=$DB_CORE
fi
install_failed=0
for i in "${!variants[@]}"; do
    rc=0
    wait "${install_pids[$i]}" || rc=$?
    check_install "${variants[$i]}" "$rc" || install_failed=1
done
install_pids=()
[ "$install_failed" = 0 ] || pn_die "an install failed (see above)."
echo "Installs (${variants[*]}) clean in $((SECONDS - start))s."

# -- 3. Translations -------------------------------------------------------------------
echo "== translations: templates regenerated from the code, nl.po complete"
mkdir -p "$TMP_DIR/i18n"
for addon in "${PN_ADDONS[@]}"; do
    TZ=UTC "$PN_PY" -m odoo -c "$TMP_DIR/odoo.conf" -d "$DB_NODEMO" --no-http \
        --i18n-export="$TMP_DIR/i18n/$addon.pot" --modules="$addon" --stop-after-init \
        >"$TMP_DIR/i18n-export.log" 2>&1 || { cat "$TMP_DIR/i18n-export.log"; pn_die "exporting the template of $addon failed."; }
done
"$PN_PY" "$PN_ROOT/scripts/check_i18n.py" "$TMP_DIR/i18n" "${PN_ADDONS[@]}" ||
    pn_die "translations are incomplete (see above)."

# -- 4. Tests --------------------------------------------------------------------------
# Plugins are named explicitly so that pytest plugins from the system site-packages
# (visible when Odoo comes from there) stay out of the run. Odoo logs to a file, at
# the level of the installs, so the log of the test run can be checked the same way.
run_pytest() { # database log-file test-directories...
    local db=$1 log=$2
    shift 2
    PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 "$PN_VENV/bin/pytest" -c "$PN_ROOT/pytest.ini" \
        -p pytest_odoo -p no:cacheprovider \
        --odoo-database="$db" --odoo-http --odoo-config="$TMP_DIR/odoo.conf" \
        --odoo-log-level=warn --odoo-extra="logfile=$log" \
        "$@" </dev/null
}

pytest_rc=0
test_logs=()
if [ "${#BRIDGES[@]}" != 0 ]; then
    bridge_tests=()
    for addon in "${BRIDGES[@]}"; do bridge_tests+=("$addon/tests"); done
    echo "== pytest ${bridge_tests[*]} (database $DB_FULL)"
    rc=0
    run_pytest "$DB_FULL" "$TMP_DIR/test-full.log" "${bridge_tests[@]}" || rc=$?
    test_logs+=("$TMP_DIR/test-full.log")
    [ "$rc" = 5 ] && echo "ERROR: pytest collected no tests of the bridges; there must be tests." >&2
    [ "$pytest_rc" != 0 ] || pytest_rc=$rc
fi
# The core's run comes last, so that the output ends with its summary line.
echo "== pytest $PN_CORE/tests (database $DB_CORE)"
rc=0
run_pytest "$DB_CORE" "$TMP_DIR/test-core.log" "$PN_CORE/tests" || rc=$?
test_logs+=("$TMP_DIR/test-core.log")
[ "$rc" = 5 ] && echo "ERROR: pytest collected no tests in $PN_CORE/tests; there must be tests." >&2
[ "$pytest_rc" != 0 ] || pytest_rc=$rc

for log in "${test_logs[@]}"; do
    if [ -f "$log" ] && bad_log_records "$log"; then
        echo "ERROR: ^ errors/warnings in the log of the test run ($(basename "$log"))" >&2
        [ "$pytest_rc" != 0 ] || pytest_rc=1
    fi
done
exit "$pytest_rc"
