"""Party-scale benchmark of partijnetwerken; run through scripts/bench.sh.

1. Generates party-scale data in the given database through the models (fixed
   random seed): party members across the twelve provinces, networks with Zipf-like
   sizes (the largest ``--largest``), appointed core groups, memberships with
   ``--consent`` consent, activities and, when their models are installed, the
   second stage's records.
2. Starts Odoo on a free port and logs in as a core member of the largest network,
   as a plain member and as the party office.
3. Times every page ``--runs`` times, interleaved: the portal pages against Odoo's
   own ``/my/home`` and the office's back-office searches against Odoo's own list of
   contacts (``/web``'s ``web_search_read`` on ``res.partner``), all in the same
   run; prints medians, ratios, the goal and the query count of each page (from
   Odoo's request log), and a final line with the worst ratio.
4. Does the same with ``--workers=2`` (Odoo's multi-process mode, as production
   runs it), fewer runs, plus two clients at once.
5. Runs the addons' daily crons once at that size and prints their wall time.
"""

import argparse
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, datetime, timedelta

import requests

FIRST_NAMES = (
    "Anna Bram Carla Daan Esther Fleur Gijs Hanneke Ingrid Joost Karin Lars Mohamed "
    "Noor Olga Pieter Quinten Rosa Sanne Thijs Umut Vera Willem Yara Zeynep Anouk "
    "Bas Chantal Dirk Eva Fatima Gerrit Hatice Ilse Jan Kees Lotte Mark Nina Otto"
).split()
LAST_NAMES = (
    "de Vries|Jansen|van den Berg|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|"
    "Bos|Vos|Peters|Hendriks|van Dijk|Dekker|el Amrani|Yilmaz|Brouwer|de Wit|Dijkstra|"
    "Smits|de Graaf|van der Meer|van Leeuwen|Kok|Jacobs|de Haan|Vermeulen|van den Broek"
).split("|")
THEMES = (
    "Zorg Klimaat Onderwijs Landbouw Wonen Digitaal Energie Cultuur Economie "
    "Veiligheid Mobiliteit Europa Water Armoede Sport Natuur Defensie Migratie "
    "Werk Justitie"
).split()
GROUPS = (
    "Jongeren Vrouwen Senioren Nieuwe-Nederlanders Ondernemers Studenten Boeren "
    "Mantelzorgers Zzp'ers Docenten Lhbti+ Ouderen Platteland Stad Artsen Agenten "
    "Kunstenaars Sporters Vrijwilligers Gepensioneerden"
).split()
PASSWORD = "bench-password"
# Goals of the issue: ratio to Odoo's own page, by page key.
GOALS = {
    "my_networks": 1.5,
    "browse": 1.5,
    "network": 1.5,
    "members": 1.5,
    "members_csv": 4.0,
}
LOG_LINE = re.compile(
    r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d{3}) \S+ '
    r"(?P<queries>\d+) [\d.]+ [\d.]+"
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="database (made by bench.sh)")
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--tmp-dir", default="/tmp")
    parser.add_argument("--members", type=int, default=30000, help="party members")
    parser.add_argument("--networks", type=int, default=40, help="active networks")
    parser.add_argument(
        "--largest", type=int, default=5000, help="members of the largest network"
    )
    parser.add_argument(
        "--consent", type=float, default=0.6, help="share of members who consent"
    )
    parser.add_argument("--runs", type=int, default=15, help="timed runs per page")
    parser.add_argument(
        "--worker-runs", type=int, default=5, help="timed runs with --workers=2"
    )
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument(
        "--no-workers", action="store_true", help="skip the --workers=2 run"
    )
    args = parser.parse_args()
    if not 0 < args.largest <= args.members:
        parser.error("--largest must lie between 1 and --members")
    return args


# ---------------------------------------------------------------------------
# 1. Data, through the models
# ---------------------------------------------------------------------------


def zipf_sizes(count, largest):
    """Network sizes that fall off as 1/rank from the largest, at least 3."""
    return [max(3, round(largest / rank)) for rank in range(1, count + 1)]


def odoo_env(args):
    import odoo  # noqa: PLC0415 - Odoo is imported only once the arguments are known
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    if odoo.tools.config["db_name"] != args.db:
        odoo.tools.config.parse_config(
            ["--addons-path", args.addons_path, "-d", args.db, "--log-level=warn"]
        )
    registry = odoo.modules.registry.Registry(args.db)
    cr = registry.cursor()
    context = {
        "tracking_disable": True,
        "mail_create_nolog": True,
        "mail_notrack": True,
        "tz": "Europe/Amsterdam",
    }
    return cr, api.Environment(cr, SUPERUSER_ID, context)


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def generate(args):
    from odoo import Command  # noqa: PLC0415

    rng = random.Random(args.seed)
    cr, env = odoo_env(args)
    t0 = time.perf_counter()
    today = date.today()
    provinces = env["res.country.state"].search([("country_id.code", "=", "NL")])
    Partner = env["res.partner"]
    partner_ids = []
    for batch in chunks(range(args.members), 2000):
        partners = Partner.create(
            [
                {
                    "name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                    "email": f"lid{i:05d}@bench.example.nl",
                    "phone": f"+31 6 {i:08d}",
                    "city": "Utrecht",
                    "state_id": rng.choice(provinces).id if provinces else False,
                    "country_id": env.ref("base.nl").id,
                    "is_party_member": True,
                    "governance_experience": rng.random() < 0.3,
                }
                for i in batch
            ]
        )
        partner_ids += partners.ids
    portal = env.ref("base.group_portal")
    users = {}
    for key, login, groups in (
        ("core", "bench.core@example.nl", portal),
        ("member", "bench.member@example.nl", portal),
        ("office", "bench.office@example.nl", env.ref("partijnetwerken.group_office")),
    ):
        users[key] = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": f"Bench {key}",
                    "login": login,
                    "password": PASSWORD,
                    "tz": "Europe/Amsterdam",
                    "groups_id": [Command.set(groups.ids)],
                }
            )
        )
        users[key].partner_id.is_party_member = True
    print(f"   {args.members} members in {time.perf_counter() - t0:.0f} s", flush=True)

    sizes = zipf_sizes(args.networks, args.largest)
    Network = env["party.network"]
    networks = Network.browse()
    start = today - timedelta(days=420)
    for rank in range(len(sizes)):
        theme = rank % 2 == 0
        names = THEMES if theme else GROUPS
        label = names[(rank // 2) % len(names)]
        suffix = f" {rank // (2 * len(names)) + 1}" if rank >= 2 * len(names) else ""
        networks |= Network.create(
            {
                "name": f"{'Themanetwerk' if theme else 'Doelgroepnetwerk'} "
                f"{label}{suffix}",
                "network_type": "theme" if theme else "target_group",
                "goal": f"Het netwerk {label} versterkt de partij met kennis en "
                "ervaring van de leden.",
                "state": "active",
                "date_start": start,
            }
        )
    largest = networks[0]
    Seat = env["party.network.core.member"]
    # the party's existing memberships, as a migration brings them in: no welcome
    # mail to each of them (a member who joins in the portal gets one)
    Membership = env["party.network.membership"].with_context(pn_welcome_mail=False)
    for network, size in zip(networks, sizes, strict=True):
        members = rng.sample(partner_ids, size)
        if network == largest:
            for key in ("core", "member"):
                members[rng.randrange(size)] = users[key].partner_id.id
            members = list(dict.fromkeys(members))
        core = members[:5]
        if network == largest and users["core"].partner_id.id not in core:
            core[0] = users["core"].partner_id.id
        Seat.create(
            [
                {
                    "network_id": network.id,
                    "partner_id": partner_id,
                    "role": ("chair", "secretary", "treasurer", "member", "member")[i],
                    "state": "appointed",
                    "date_start": start,
                    "date_end": start + timedelta(days=730),
                    "requirements_met": True,
                }
                for i, partner_id in enumerate(dict.fromkeys(core))
            ]
        )
        for batch in chunks(members, 1000):
            Membership.create(
                [
                    {
                        "network_id": network.id,
                        "partner_id": partner_id,
                        "goal_endorsed": True,
                        "consent_data_sharing": (
                            consent := partner_id == users["member"].partner_id.id
                            or rng.random() < args.consent
                        ),
                        "consent_channel": "portal",
                        "consent_date": datetime.now()
                        - timedelta(days=rng.randrange(1, 400))
                        if consent
                        else False,
                        "date_joined": start + timedelta(days=rng.randrange(0, 400)),
                    }
                    for partner_id in batch
                ]
            )
    generate_activities(env, networks, rng)
    second_stage = generate_second_stage(env, largest, users, rng)
    cr.commit()
    # As autovacuum would before long on a real database: the planner needs the
    # statistics of the new rows, and the visibility map lets PostgreSQL count
    # from an index alone (an index-only scan) instead of visiting every row.
    # VACUUM runs outside a transaction only: autocommit, then back.
    cr._cnx.autocommit = True  # the psycopg2 connection: Odoo's cursor has no switch
    try:
        cr.execute("VACUUM ANALYZE")
    finally:
        cr._cnx.autocommit = False
    counts = {
        "memberships": Membership.search_count([("state", "=", "active")]),
        "consenting": Membership.search_count(
            [("state", "=", "active"), ("consent_data_sharing", "=", True)]
        ),
        "largest": largest.member_count,
    }
    cr.close()
    print(
        f"   {args.networks} networks, {counts['memberships']} memberships "
        f"({counts['consenting']} consenting), largest {counts['largest']}; "
        f"data in {time.perf_counter() - t0:.0f} s",
        flush=True,
    )
    return {"largest": largest.id, **second_stage}


def generate_activities(env, networks, rng):
    """Upcoming activities for each network, and what else is installed."""
    now = datetime.now().replace(minute=0, second=0, microsecond=0)
    Event = env["event.event"]
    kinds = [k for k, _label in Event._fields["network_activity_kind"].selection]
    for network in networks:
        Event.create(
            [
                {
                    "name": f"{network.name}: bijeenkomst {i + 1}",
                    "network_id": network.id,
                    "network_activity_kind": rng.choice(kinds),
                    "date_begin": now + timedelta(days=7 * (i + 1), hours=19),
                    "date_end": now + timedelta(days=7 * (i + 1), hours=21),
                }
                for i in range(3)
            ]
        )


def generate_second_stage(env, largest, users, rng):
    """What the second stage's pages show in the largest network: registrations for
    its next activity, working groups, advice, and voluntary contributions. Returns
    the ids the pages need."""
    from odoo import Command  # noqa: PLC0415

    memberships = env["party.network.membership"].search(
        [("network_id", "=", largest.id), ("state", "=", "active")]
    )
    partners = memberships.partner_id
    event = env["event.event"].search(
        [("network_id", "=", largest.id)], order="date_begin", limit=1
    )
    registrants = partners.browse(
        rng.sample(partners.ids, min(len(partners), max(len(partners) // 10, 1)))
    )
    env["event.registration"].create(
        [{"event_id": event.id, "partner_id": partner.id} for partner in registrants]
    )
    groups = env["party.network.working.group"].create(
        [
            {"network_id": largest.id, "name": name}
            for name in ("Programma", "Campagne", "Scholing")
        ]
    )
    core_membership = memberships.filtered(
        lambda membership: membership.partner_id == users["core"].partner_id
    )
    for group, share in zip(groups, (0.2, 0.05, 0.02), strict=True):
        chosen = rng.sample(memberships.ids, max(int(len(memberships) * share), 1))
        group.membership_ids = [Command.set(chosen + core_membership.ids)]
    bodies = env["party.network.advice.body"].search([]) or env[
        "party.network.advice.body"
    ].create([{"name": name} for name in ("Landelijk Bestuur", "Fractie")])
    env["party.network.advice"].create(
        [
            {
                "network_id": largest.id,
                "name": f"Advies {i + 1:02d} van het netwerk",
                "content": "<p>Het netwerk adviseert de partij.</p>",
                "state": "sent" if i % 3 else "draft",
                "date_sent": date.today() - timedelta(days=10 * i),
                "body_ids": [Command.set(bodies[: 1 + i % len(bodies)].ids)],
            }
            for i in range(30)
        ]
    )
    largest.contribution_enabled = True
    Contribution = env["party.network.contribution"]
    for partner in partners.browse(rng.sample(partners.ids, min(len(partners), 200))):
        Contribution.create(
            {"network_id": largest.id, "partner_id": partner.id, "amount": 10}
        ).action_mark_paid()
    return {"event": event.id, "working_group": groups[0].id}


# ---------------------------------------------------------------------------
# 2. Odoo's server
# ---------------------------------------------------------------------------


def odoo_command():
    """How to start Odoo: its odoo-bin, so that the multi-process server can start
    its websocket process the same way; ``python -m odoo`` otherwise."""
    import odoo  # noqa: PLC0415

    odoo_bin = os.path.join(os.path.dirname(os.path.dirname(odoo.__file__)), "odoo-bin")
    if os.path.isfile(odoo_bin):
        return [sys.executable, odoo_bin]
    console = shutil.which("odoo", path=os.path.dirname(sys.executable))
    return [console] if console else [sys.executable, "-m", "odoo"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, args, workers):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.db = args.db
        self.log = os.path.join(args.tmp_dir, f"odoo-workers-{workers}.log")
        cmd = [
            *odoo_command(),
            f"--addons-path={args.addons_path}",
            "-d",
            args.db,
            f"--db-filter=^{args.db}$",
            "--http-interface=127.0.0.1",
            f"--http-port={self.port}",
            f"--workers={workers}",
            "--max-cron-threads=0",
            "--log-level=info",
            f"--logfile={self.log}",
            "--limit-time-cpu=600",
            "--limit-time-real=1200",
            "--limit-memory-soft=4294967296",
            "--limit-memory-hard=6442450944",
        ]
        if workers:
            cmd.append(f"--gevent-port={free_port()}")
        self.proc = subprocess.Popen(  # noqa: S603 - our own command line
            # what Odoo logs goes to the log file; without gevent the multi-process
            # server's websocket process fails to start, and says so on stderr
            cmd,
            env=dict(os.environ, TZ="UTC"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                if requests.get(self.base + "/web/login", timeout=30).ok:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(1)
        self.stop()
        sys.exit(f"Odoo did not start; see {self.log}")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()

    def login(self, login):
        session = requests.Session()
        page = session.get(self.base + "/web/login", timeout=60)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = session.post(
            self.base + "/web/login",
            data={"login": login, "password": PASSWORD, "csrf_token": token},
            allow_redirects=False,
            timeout=60,
        )
        if response.status_code not in (302, 303):
            sys.exit(f"login as {login} failed ({response.status_code})")
        return session

    def query_count(self, path, request):
        """Run ``request`` once and read its query count from the request log."""
        offset = os.path.getsize(self.log)
        request()
        for _attempt in range(20):
            with open(self.log, encoding="utf-8", errors="replace") as log:
                log.seek(offset)
                for match in LOG_LINE.finditer(log.read()):
                    if match["path"].split("?")[0] == path.split("?")[0]:
                        return int(match["queries"])
            time.sleep(0.1)
        return None


# ---------------------------------------------------------------------------
# 3. Pages
# ---------------------------------------------------------------------------


class Page:
    def __init__(self, key, label, session, path, baseline, rpc=None):
        self.key, self.label, self.session, self.path = key, label, session, path
        self.baseline, self.rpc = baseline, rpc
        self.times = []
        self.queries = None
        self.rows = None

    def __call__(self, base):
        if self.rpc:
            response = self.session.post(
                base + self.path,
                json={"jsonrpc": "2.0", "method": "call", "params": self.rpc},
                timeout=300,
            )
            body = response.json()
            if "error" in body:
                raise RuntimeError(f"{self.label}: {body['error']['data']['message']}")
            self.rows = body["result"].get("length")
        else:
            response = self.session.get(base + self.path, timeout=300)
        if response.status_code != 200:
            raise RuntimeError(f"{self.label}: HTTP {response.status_code}")
        return response


def rpc_params(model, method, kwargs):
    return {"model": model, "method": method, "args": [], "kwargs": kwargs}


def pages(server, ids):
    core = server.login("bench.core@example.nl")
    member = server.login("bench.member@example.nl")
    office = server.login("bench.office@example.nl")
    largest_id = ids["largest"]
    network = f"/my/networks/{largest_id}"
    kw = "/web/dataset/call_kw"
    contacts_spec = {
        "display_name": {},
        "email": {},
        "phone": {},
        "city": {},
        "country_id": {"fields": {"display_name": {}}},
        "user_id": {"fields": {"display_name": {}}},
        "activity_ids": {"fields": {}},
    }
    membership_spec = {
        "network_id": {"fields": {"display_name": {}}},
        "partner_id": {"fields": {"display_name": {}}},
        "date_joined": {},
        "date_left": {},
        "state": {},
        "goal_endorsed": {},
        "consent_data_sharing": {},
        "consent_date": {},
    }
    kanban_spec = {
        "name": {},
        "color": {},
        "network_type": {},
        "state": {},
        "member_count": {},
        "target_member_count": {},
        "core_member_count": {},
        "activity_ids": {"fields": {}},
        "activity_state": {},
    }
    portal = [
        Page("home", "/my/home (Odoo)", core, "/my/home", None),
        Page("my_networks", "/my/networks", core, "/my/networks", "home"),
        Page("browse", "/my/networks/browse", core, "/my/networks/browse", "home"),
        Page("network", "/my/networks/<largest>", core, network, "home"),
        Page(
            "members",
            "/my/networks/<largest>/members",
            core,
            f"{network}/members",
            "home",
        ),
        Page(
            "members_csv",
            "/my/networks/<largest>/members.csv",
            core,
            f"{network}/members.csv",
            "home",
        ),
        Page(
            "privacy",
            "/my/networks/privacy (member)",
            member,
            "/my/networks/privacy",
            "home",
        ),
        Page(
            "member_network", "/my/networks/<largest> (member)", member, network, "home"
        ),
        Page(
            "registrations",
            "/my/networks/<largest>/events/<next>/registrations",
            core,
            f"{network}/events/{ids['event']}/registrations",
            "home",
        ),
        Page(
            "working_group",
            "/my/networks/<largest>/groups/<largest group>",
            core,
            f"{network}/groups/{ids['working_group']}",
            "home",
        ),
        Page(
            "advice", "/my/networks/<largest>/advice", core, f"{network}/advice", "home"
        ),
        Page(
            "contribute",
            "/my/networks/<largest>/contribute (member)",
            member,
            f"{network}/contribute",
            "home",
        ),
    ]
    backoffice = [
        Page(
            "contacts",
            "/web contacts list (Odoo)",
            office,
            f"{kw}/res.partner/web_search_read",
            None,
            rpc_params(
                "res.partner",
                "web_search_read",
                {"specification": contacts_spec, "domain": [], "limit": 80},
            ),
        ),
        Page(
            "office_memberships",
            "office: memberships of <largest>",
            office,
            f"{kw}/party.network.membership/web_search_read",
            "contacts",
            rpc_params(
                "party.network.membership",
                "web_search_read",
                {
                    "specification": membership_spec,
                    "domain": [("network_id", "=", largest_id)],
                    "limit": 80,
                    "count_limit": 10001,
                },
            ),
        ),
        Page(
            "office_kanban",
            "office: networks kanban",
            office,
            f"{kw}/party.network/web_search_read",
            "contacts",
            rpc_params(
                "party.network",
                "web_search_read",
                {"specification": kanban_spec, "domain": [], "limit": 80},
            ),
        ),
    ]
    return portal + backoffice


def measure(server, all_pages, runs, rng):
    for page in all_pages:  # warm-up: caches, assets, the first rendering
        page(server.base)
        page(server.base)
    for _run in range(runs):
        order = list(all_pages)
        rng.shuffle(order)
        for page in order:
            t0 = time.perf_counter()
            page(server.base)
            page.times.append(time.perf_counter() - t0)
    for page in all_pages:
        page.queries = server.query_count(page.path, lambda p=page: p(server.base))


def report(title, all_pages):
    by_key = {page.key: page for page in all_pages}
    print(f"\n== {title}")
    print(f"{'page':52} {'median ms':>9} {'ratio':>7} {'goal':>6} {'queries':>7}")
    worst = (0, None)
    for page in all_pages:
        median = statistics.median(page.times) * 1000
        ratio_text, goal_text = "", ""
        if page.baseline:
            ratio = statistics.median(page.times) / statistics.median(
                by_key[page.baseline].times
            )
            ratio_text = f"{ratio:.2f}x"
            goal = GOALS.get(page.key)
            if goal:
                goal_text = f"{goal:.1f}x" + (" ok" if ratio <= goal else " NO")
            worst = max(worst, (ratio, page.label))
        queries = "" if page.queries is None else str(page.queries)
        print(
            f"{page.label:52} {median:9.1f} {ratio_text:>7} {goal_text:>6} {queries:>7}"
        )
    return worst


def concurrency(server, page, requests_each=10):
    """Requests per second for one client, then for two at once."""

    def burst(count):
        for _i in range(count):
            page(server.base)

    t0 = time.perf_counter()
    burst(requests_each)
    single = requests_each / (time.perf_counter() - t0)
    threads = [threading.Thread(target=burst, args=(requests_each,)) for _i in range(2)]
    t0 = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    double = 2 * requests_each / (time.perf_counter() - t0)
    return single, double


# ---------------------------------------------------------------------------
# 5. Crons
# ---------------------------------------------------------------------------


def time_crons(args):
    cr, env = odoo_env(args)
    crons = env["ir.cron"].search(
        [("ir_actions_server_id.model_id.model", "like", "party.network")]
    )
    print("\n== daily crons at this size (wall time, one run each)")
    for cron in crons:
        t0 = time.perf_counter()
        cron.method_direct_trigger()
        env.flush_all()
        print(f"{cron.name:60} {time.perf_counter() - t0:7.2f} s")
    cr.rollback()
    cr.close()


def main():
    args = parse_args()
    rng = random.Random(args.seed)
    print(
        f"== data: {args.members} members, {args.networks} networks (largest "
        f"{args.largest}), {args.consent:.0%} consent, seed {args.seed}",
        flush=True,
    )
    ids = generate(args)

    server = Server(args, workers=0)
    try:
        all_pages = pages(server, ids)
        measure(server, all_pages, args.runs, rng)
    finally:
        server.stop()
    worst = report(
        f"threaded server, medians of {args.runs} interleaved runs", all_pages
    )
    csv_rows = next(p for p in all_pages if p.key == "office_memberships").rows
    print(f"(memberships of the largest network found by the office: {csv_rows})")

    if not args.no_workers:
        server = Server(args, workers=2)
        try:
            worker_pages = pages(server, ids)
            measure(server, worker_pages, args.worker_runs, rng)
            network_page = next(p for p in worker_pages if p.key == "network")
            single, double = concurrency(server, network_page)
        finally:
            server.stop()
        report(
            f"--workers=2, medians of {args.worker_runs} interleaved runs", worker_pages
        )
        print(
            f"network page, one client {single:.1f} req/s, two clients at once "
            f"{double:.1f} req/s ({double / single:.2f}x)"
        )

    time_crons(args)
    print(f"\nworst ratio: {worst[0]:.2f}x ({worst[1]})")


if __name__ == "__main__":
    main()
