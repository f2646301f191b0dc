#!/usr/bin/env bash
# Party-scale benchmark of the portal pages and the office's back-office searches.
#
# Creates a throwaway database, installs the repository's addons without demo data,
# generates party-scale data through the models (scripts/bench.py; sizes as options),
# starts Odoo on a free port, and times every page as a core member of the largest
# network and as a plain member, interleaved with Odoo's own /my/home and its /web
# list of contacts, printing medians, ratios and query counts; then once more with
# --workers=2 (Odoo's multi-process mode); then the wall time of the daily crons.
# The database is dropped at the end. CI does not run it (a few minutes at the
# default size on two cores).
#
#   ./scripts/bench.sh                      # 30,000 members, 40 networks, largest 5,000
#   ./scripts/bench.sh --members 3000 --largest 500 --networks 10 --runs 5
#   ./scripts/bench.sh --help               # every option
#   PN_BENCH_KEEP_DB=1 ./scripts/bench.sh   # keep the database, to profile or EXPLAIN
#
# Honours PGHOST, PGPORT, PGUSER, PGPASSWORD and the variables of scripts/setup.sh.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=setup.sh
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
pn_setup
cd "$PN_ROOT"

case " $* " in
*" --help "* | *" -h "*) exec "$PN_PY" scripts/bench.py --help ;;
esac

"$PN_PY" scripts/pgdb.py check
DB="pn_bench_$(date +%Y%m%d%H%M%S)_$$"
TMP_DIR=$(mktemp -d)
cleanup() {
    if [ -n "${PN_BENCH_KEEP_DB:-}" ]; then
        echo "== kept database $DB and $TMP_DIR (PN_BENCH_KEEP_DB); drop it with: dropdb $DB"
    else
        "$PN_PY" scripts/pgdb.py drop "$DB" >/dev/null 2>&1 || true
        rm -rf "$TMP_DIR"
    fi
}
trap cleanup EXIT

addons=$(IFS=,; echo "${PN_ADDONS[*]}")
echo "== install: $DB ($addons, no demo data)"
TZ=UTC "$PN_PY" -m odoo --addons-path="$ADDONS_PATH" -d "$DB" -i "$addons" \
    --without-demo=all --stop-after-init --no-http --log-level=warn \
    --logfile="$TMP_DIR/install.log" ||
    pn_die "installing the addons failed (see $TMP_DIR/install.log)."

TZ=UTC "$PN_PY" scripts/bench.py --db "$DB" --addons-path "$ADDONS_PATH" \
    --tmp-dir "$TMP_DIR" "$@"
