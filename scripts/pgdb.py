"""PostgreSQL helper for scripts/run.sh and scripts/test.sh.

Connects the way Odoo does when no db_* option is given: through libpq's
PGHOST, PGPORT, PGUSER and PGPASSWORD environment variables.

    pgdb.py check                   connect; fail unless this role may create databases
    pgdb.py module-state DB MODULE  print the module's state ('' if DB/module absent)
    pgdb.py drop DB [DB ...]        drop databases, closing their connections first
"""

import sys

import psycopg2
from psycopg2 import sql

MAINTENANCE_DB = "postgres"


def _connect(dbname):
    conn = psycopg2.connect(dbname=dbname)
    conn.autocommit = True
    return conn


def _database_exists(cr, dbname):
    cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname])
    return bool(cr.fetchone())


def check():
    try:
        conn = _connect(MAINTENANCE_DB)
    except psycopg2.OperationalError as err:
        sys.exit(
            "Cannot connect to PostgreSQL (PGHOST/PGPORT/PGUSER/PGPASSWORD select "
            f"the server and role):\n{err}"
        )
    with conn, conn.cursor() as cr:
        cr.execute(
            "SELECT current_user, rolcreatedb OR rolsuper FROM pg_roles"
            " WHERE rolname = current_user"
        )
        role, may_create = cr.fetchone()
    conn.close()
    if not may_create:
        sys.exit(
            f"PostgreSQL role {role!r} may not create databases; "
            f"run: sudo -u postgres createuser --createdb {role}"
        )


def module_state(dbname, module):
    conn = _connect(MAINTENANCE_DB)
    with conn, conn.cursor() as cr:
        exists = _database_exists(cr, dbname)
    conn.close()
    if not exists:
        return ""
    conn = _connect(dbname)
    with conn, conn.cursor() as cr:
        cr.execute("SELECT to_regclass('ir_module_module')")
        if cr.fetchone()[0] is None:
            state = ""
        else:
            cr.execute("SELECT state FROM ir_module_module WHERE name = %s", [module])
            row = cr.fetchone()
            state = row[0] if row else ""
    conn.close()
    return state


def drop(dbnames):
    conn = _connect(MAINTENANCE_DB)
    with conn.cursor() as cr:
        for dbname in dbnames:
            if not _database_exists(cr, dbname):
                continue
            cr.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid != pg_backend_pid()",
                [dbname],
            )
            cr.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(dbname)))
    conn.close()


def main(argv):
    command, args = (argv[0], argv[1:]) if argv else ("", [])
    if command == "check" and not args:
        check()
    elif command == "module-state" and len(args) == 2:
        print(module_state(*args))
    elif command == "drop":
        drop(args)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
