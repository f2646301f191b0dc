#!/usr/bin/env bash
# Linters, then the addon's tests inside Odoo 18.0 on PostgreSQL.
#
#   1. ruff check, ruff format --check, pylint-odoo (OCA's mandatory checks);
#   2. installs the addon into two throwaway databases, with and without demo data,
#      and fails on errors in those logs and on warnings that mention the addon;
#   3. exports the translation template from the code and checks that the committed
#      partijnetwerken.pot matches it and that nl.po translates every term;
#   4. runs partijnetwerken/tests with pytest-odoo (HTTP server on a free port)
#      against the database with demo data.
# The databases and temporary files are removed on exit. The exit code is pytest's.
#
# Honours PGHOST, PGPORT, PGUSER, PGPASSWORD and the variables of scripts/setup.sh.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=setup.sh
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
pn_setup
cd "$PN_ROOT"

ADDON=partijnetwerken
PGDB=("$PN_PY" "$PN_ROOT/scripts/pgdb.py")

# -- 1. Linters -----------------------------------------------------------------------
lint_failed=0
echo "== ruff check"
"$PN_VENV/bin/ruff" check --no-cache . || lint_failed=1
echo "== ruff format --check"
"$PN_VENV/bin/ruff" format --check --no-cache . || lint_failed=1
echo "== pylint-odoo (.pylintrc-mandatory)"
"$PN_VENV/bin/pylint" --rcfile=.pylintrc-mandatory "$ADDON" && echo "No issues." || lint_failed=1
if [ "$lint_failed" != 0 ]; then
    pn_die "lint failed (see above). '.venv/bin/ruff check --fix . && .venv/bin/ruff format .' fixes most ruff findings."
fi

# -- 2. Throwaway databases ------------------------------------------------------------
"${PGDB[@]}" check
run_id="$(date +%Y%m%d%H%M%S)_$$"
DB_DEMO="pn_test_${run_id}"
DB_NODEMO="pn_test_${run_id}_nodemo"
TMP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pn_test.XXXXXX")

install_pids=()
# shellcheck disable=SC2317  # called from the traps below
cleanup() {
    trap - EXIT INT TERM
    # An interrupt can come while the installs run; stop them before dropping their databases.
    if [ "${#install_pids[@]}" != 0 ]; then
        kill -KILL "${install_pids[@]}" 2>/dev/null || true
        wait "${install_pids[@]}" 2>/dev/null || true
    fi
    "${PGDB[@]}" drop "$DB_DEMO" "$DB_NODEMO" >/dev/null 2>&1 || true
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

# Print the log records (with their tracebacks) that fail an install: any ERROR or
# CRITICAL, and any WARNING that mentions the addon or its models (party.network*).
# Installing only the addon's dependencies logs no warning at all.
bad_log_records() {
    awk -v mention="$ADDON|party[.]network" '
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

start_install() { # database log-file [odoo options...]; runs in the background
    local db=$1 log=$2
    shift 2
    TZ=UTC "$PN_PY" -m odoo -c "$TMP_DIR/odoo.conf" -d "$db" -i "$ADDON" \
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

# Both installs run at once: each is mostly one busy process, so two cores finish both
# in about the time of one.
echo "== install $ADDON with demo data ($DB_DEMO) and without ($DB_NODEMO)"
start=$SECONDS
start_install "$DB_DEMO" "$TMP_DIR/install-demo.log"
start_install "$DB_NODEMO" "$TMP_DIR/install-nodemo.log" --without-demo=all
rc_demo=0
rc_nodemo=0
wait "${install_pids[0]}" || rc_demo=$?
wait "${install_pids[1]}" || rc_nodemo=$?
install_pids=()

install_failed=0
check_install demo "$rc_demo" || install_failed=1
check_install nodemo "$rc_nodemo" || install_failed=1
[ "$install_failed" = 0 ] || pn_die "installing $ADDON failed (see above)."
echo "Both installs clean in $((SECONDS - start))s."

# -- 3. Translations -------------------------------------------------------------------
echo "== translations: template regenerated from the code, nl.po complete"
TZ=UTC "$PN_PY" -m odoo -c "$TMP_DIR/odoo.conf" -d "$DB_NODEMO" --no-http \
    --i18n-export="$TMP_DIR/$ADDON.pot" --modules="$ADDON" --stop-after-init \
    >"$TMP_DIR/i18n-export.log" 2>&1 || { cat "$TMP_DIR/i18n-export.log"; pn_die "exporting the template failed."; }
"$PN_PY" "$PN_ROOT/scripts/check_i18n.py" "$TMP_DIR/$ADDON.pot" \
    "$ADDON/i18n/$ADDON.pot" "$ADDON/i18n/nl.po" || pn_die "translations are incomplete (see above)."

# -- 4. Tests --------------------------------------------------------------------------
echo "== pytest $ADDON/tests"
pytest_rc=0
# Plugins are named explicitly so that pytest plugins from the system site-packages
# (visible when Odoo comes from there) stay out of the run.
PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 "$PN_VENV/bin/pytest" -c "$PN_ROOT/pytest.ini" \
    -p pytest_odoo -p no:cacheprovider \
    --odoo-database="$DB_DEMO" --odoo-http --odoo-config="$TMP_DIR/odoo.conf" \
    "$ADDON/tests" </dev/null || pytest_rc=$?
if [ "$pytest_rc" = 5 ]; then
    echo "ERROR: pytest collected no tests in $ADDON/tests; there must be tests." >&2
fi
exit "$pytest_rc"
