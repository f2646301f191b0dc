# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Machinery of the attack suite (``test_security_attack``).

It discovers what it attacks instead of listing it: the addon's routes from
Odoo's routing rules (with their methods, ``<int:...>`` arguments and the form
parameters the endpoints read), and the model methods the addon makes callable
over RPC. Every request runs in a savepoint that is rolled back afterwards, so
one request never changes what the next one sees, and every answer goes
through the same checks (see ``AttackMixin._check_answer``).
"""

import ast
import builtins
import contextlib
import inspect
import json
import logging
import re
import sys
import textwrap
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from types import SimpleNamespace

import requests

from odoo import http
from odoo.exceptions import AccessError
from odoo.service.model import get_public_method
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

ADDON_MODULE = "odoo.addons.partijnetwerken"
ADDON_DIR = Path(__file__).resolve().parent.parent
TRACEBACK = "Traceback (most recent call last)"
SCRIPT_PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')

# Values sent in every form parameter a route reads. Text that is acceptable once
# the control characters are stripped may be accepted (it is by design); the
# script, the markup and the 200 kB string never may.
MALFORMED = {
    "NUL": "\x00",
    "NUL inside": "a\x00b",
    "NUL in an address": "geheim\x00@example.org",
    "control chars": "\x07\x1b",
    "200 kB": "A" * 200_000,
    "script": SCRIPT_PAYLOADS[0],
    "img onerror": SCRIPT_PAYLOADS[1],
    "negative": "-1",
    "2**31": str(2**31),
    "2**63": str(2**63),
    "non-numeric": "abc",
}
NEVER_VALID = ("200 kB", "script", "img onerror")
# A URL holds at most 64 kB (the server closes the connection beyond): in a query
# string, "200 kB" is as long as that allows.
MAX_QUERY = 60_000
# These are also sent one parameter at a time, so a failure names its parameter.
SINGLE = ("NUL inside", "NUL in an address")
# How a checkbox or a yes/no field may arrive when the answer is no.
FALSY = ("0", "false", "off", "no", "")
# Parameter names the controllers use; added for endpoints that hand their whole
# dict of form values on (to a helper, a model method or the template).
GENERIC_PARAMS = (
    "search",
    "name",
    "goal",
    "co_initiators",
    "subject",
    "body",
    "consent_data_sharing",
    "goal_endorsed",
    "network_type",
    "term_months",
    "organisation",
    "collaborations",
    "action",
    "page",
    "notice",
    "sent",
)
# A harmless value per parameter, for requests that must fail for another reason.
BENIGN = {
    "network_type": "theme",
    "term_months": "12",
    "page": "1",
    "sent": "1",
    "action": "save",
    "search": "zorg",
    "notice": "joined",
}
BENIGN_TEXT = "Aanvalstekst"
VERBS = ("GET", "POST", "PUT", "DELETE")
FORGED_CSRF = "0" * 40 + "o9999999999"
# Arguments given to every parameter of a model method over RPC.
RPC_VALUES = ("a\x00b", 2**63)
# Rows of these tables are compared before and after each request ...
WATCHED_TABLES = (
    "party_network",
    "party_network_membership",
    "party_network_core_member",
    "party_network_plan",
    "event_registration",
    "party_network_working_group",
    "party_network_contribution",
    "party_network_advice",
)
# Tables whose rows belong to a member (``partner_id``): a member may write their own.
OWNED_TABLES = (
    "party_network_membership",
    "event_registration",
    "party_network_contribution",
)
# ... and these are counted.
COUNTED_TABLES = ("mail_message", "mail_followers", "mail_mail")
# Stored counts that the ORM keeps for what is watched itself: the network's number
# of active members changes when a member joins or leaves, which the memberships
# show, and the ORM stamps that recomputation with the writer and the time.
DERIVED_COLUMNS = {"party_network": ["member_count", "write_uid", "write_date"]}
PYTHON_ERRORS = {
    name
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, Exception)
}
URL_ARG = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")
FORM_ACTION = re.compile(r"<form\b[^>]*?\saction=\"([^\"]*)\"")
INPUT_TAG = re.compile(r"<input\b[^>]*>")


# ----------------------------------------------------------------------
# Discovery
# ----------------------------------------------------------------------


@dataclass
class Route:
    url: str
    methods: tuple
    endpoint: str
    url_args: tuple  # ((converter, name), ...) in URL order
    params: tuple  # form parameters the endpoint may read
    booleans: tuple  # those of them that the endpoint reads as a checkbox
    auth: str = "user"  # "public": a page for everyone (a bridge's website)


def checkbox_names():
    """Names of the yes/no inputs in the templates of the addon and its bridges:
    checkboxes and hidden inputs that carry a yes (``value="1"``)."""
    names = set()
    for path in sorted(ADDON_DIR.parent.glob("partijnetwerken*/views/*.xml")):
        for tag in INPUT_TAG.findall(path.read_text(encoding="utf-8")):
            attrs = dict(re.findall(r'\s([\w-]+)="([^"]*)"', tag))
            if attrs.get("type") == "checkbox" or (
                attrs.get("type") == "hidden" and attrs.get("value") in ("1", "on")
            ):
                names.add(attrs.get("name"))
    names.discard(None)
    return names


def _function_tree(func):
    try:
        source = inspect.getsource(inspect.unwrap(func))
    except (OSError, TypeError):
        return None
    return ast.parse(textwrap.dedent(source))


def _dict_reads(tree, name):
    """Keys read from the dict ``name`` (``name.get("x")``, ``name["x"]``), whether
    the dict itself is used otherwise (handed on, put in the page values), and the
    ``self.<helper>`` names that appear in a call that is handed the dict."""
    keys, helpers, reads = [], set(), set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == name
            and node.func.attr in ("get", "pop")
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            keys.append(node.args[0].value)
            reads.add(id(node.func.value))
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == name
            and isinstance(node.slice, ast.Constant)
        ):
            keys.append(node.slice.value)
            reads.add(id(node.value))
        elif isinstance(node, ast.Call):
            values = [*node.args, *(kw.value for kw in node.keywords)]
            if any(isinstance(v, ast.Name) and v.id == name for v in values):
                helpers |= {
                    sub.attr
                    for sub in [node.func, *values]
                    if isinstance(sub, ast.Attribute)
                    and isinstance(sub.value, ast.Name)
                    and sub.value.id == "self"
                }
    used = any(
        isinstance(node, ast.Name)
        and node.id == name
        and isinstance(node.ctx, ast.Load)
        and id(node) not in reads
        for node in ast.walk(tree)
    )
    return keys, helpers, used


def _helper_reads(controller_class, helper):
    func = getattr(controller_class, helper, None)
    tree = func and _function_tree(func)
    if tree is None:
        return []
    keys = []
    for param in list(inspect.signature(func).parameters)[1:]:
        keys += _dict_reads(tree, param)[0]
    return keys


def endpoint_params(controller, name, url_arg_names):
    """The form parameters an endpoint reads: the named arguments of its
    signature and the keys its code (or a helper it hands them to) reads from
    the dict of other form values.

    :return: (those names, whether the dict itself is handed on: to a model
        method or to the template, which may read any key)
    """
    names, handed_on = [], False
    for cls in type(controller).mro():
        func = vars(cls).get(name)
        if func is None:
            continue
        varkw = None
        for param in list(inspect.signature(func).parameters.values())[1:]:
            if param.kind is param.VAR_KEYWORD:
                varkw = param.name
            elif param.name not in url_arg_names:
                names.append(param.name)
        tree = varkw and _function_tree(func)
        if tree is None:
            continue
        keys, helpers, used = _dict_reads(tree, varkw)
        names += keys
        for helper in sorted(helpers):
            names += _helper_reads(type(controller), helper)
        handed_on |= used
    return tuple(dict.fromkeys(n for n in names if isinstance(n, str))), handed_on


def discover_routes(env):
    """Every route whose endpoint the addon defines or overrides."""
    modules = sorted(env.registry._init_modules)
    converters = env["ir.http"]._get_converters()
    checkboxes = checkbox_names()
    routes = []
    rules = http._generate_routing_rules(
        modules, nodb_only=False, converters=converters
    )
    for url, endpoint in rules:
        method = endpoint.func
        name = method.__name__
        controller = method.__self__
        if not any(
            name in vars(cls) and cls.__module__.startswith(ADDON_MODULE)
            for cls in type(controller).mro()
        ):
            continue
        url_args = tuple((conv or "default", arg) for conv, arg in URL_ARG.findall(url))
        read, handed_on = endpoint_params(
            controller, name, {arg for _c, arg in url_args}
        )
        # the generic names too where the dict of form values is handed on
        params = tuple(dict.fromkeys(read + GENERIC_PARAMS)) if handed_on else read
        methods = endpoint.routing.get("methods") or ("GET", "POST")
        routes.append(
            Route(
                url=url,
                methods=tuple(m for m in methods if m != "OPTIONS"),
                endpoint=name,
                url_args=url_args,
                params=params,
                booleans=tuple(p for p in read if p in checkboxes),
                auth=endpoint.routing.get("auth", "user"),
            )
        )
    return sorted(routes, key=lambda r: (r.url.count("<"), r.url))


def discover_rpc_methods(env):
    """``{model: [method, ...]}``: the methods the addon defines on any model
    that RPC lets a user call (public, and not ``@api.private``)."""
    found = {}
    for model_name in sorted(env.registry):
        model = env[model_name]
        names = {
            attr
            for cls in type(model).mro()
            if cls.__module__.startswith(ADDON_MODULE)
            for attr, value in vars(cls).items()
            if not attr.startswith("_") and callable(value)
        }
        public = []
        for attr in sorted(names):
            try:
                get_public_method(model, attr)
            except (AccessError, AttributeError):
                continue
            public.append(attr)
        if public:
            found[model_name] = public
    return found


def portal_called_methods():
    """Names of the model methods the addon's controllers call for the user
    (``network.action_join(...)``): over RPC they may change the caller's own
    membership, as they do through the portal."""
    names = set()
    for module_name, module in sorted(sys.modules.items()):
        if not module_name.startswith(f"{ADDON_MODULE}.controllers") or not module:
            continue
        tree = ast.parse(inspect.getsource(module))
        names |= {
            node.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr.startswith("action_")
        }
    return names


def method_params(model, name):
    """(whether the method takes no ids, its parameters without self, the
    names of those without a default)."""
    func = getattr(type(model), name)
    params = list(inspect.signature(func).parameters.values())[1:]
    params = [
        p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    required = [p.name for p in params if p.default is p.empty]
    return bool(getattr(func, "_api", None)), [p.name for p in params], required


# ----------------------------------------------------------------------
# Running and checking
# ----------------------------------------------------------------------


@dataclass
class Attempt:
    kind: str  # "http" or "rpc"
    target: str
    user: str
    param: str
    status: object = None
    reasons: list = field(default_factory=list)
    group: str = ""  # the route or method, for the report


class _LogCapture(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@contextlib.contextmanager
def captured_logs(names=("odoo", "werkzeug")):
    """Keep the server's logs of the attack out of the test log; 500s and
    database errors are read from them for the report."""
    handler = _LogCapture()
    loggers = [logging.getLogger(name) for name in names]
    saved = [(lg.propagate, lg.level) for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.propagate = False
        lg.setLevel(logging.WARNING)
    try:
        yield handler
    finally:
        for lg, (propagate, level) in zip(loggers, saved, strict=True):
            lg.removeHandler(handler)
            lg.propagate = propagate
            lg.setLevel(level)


def _interleave(pairs):
    """The (user, path) pairs with the users taking turns."""
    by_user = {}
    for who, path in pairs:
        by_user.setdefault(who, []).append((who, path))
    rounds = max((len(v) for v in by_user.values()), default=0)
    return [v[i] for i in range(rounds) for v in by_user.values() if i < len(v)]


def _short(value, width=40):
    text = repr(value)
    return text if len(text) <= width else f"{text[: width - 12]}...({len(text)} ch)"


class AttackMixin:
    """Sends the attacks and checks every answer. Needs an ``HttpCase`` with
    ``attack_secrets`` (``{user key: own secrets}`` plus ``None``: everyone's)."""

    def _attack_start(self, users):
        self.attempts = []
        self.failures = []
        self.status_counts = {"http": Counter(), "rpc": Counter()}
        self.leaks = Counter()
        self.started = time.monotonic()
        self.attackers = {}
        for key, user in users.items():
            self.session = None  # authenticate() would delete the previous one
            if user:
                self.authenticate(user.login, user.login)
            else:
                self.authenticate(None, None)
            session = self.session
            self.addCleanup(http.root.session_store.delete, session)
            self.attackers[key] = SimpleNamespace(
                key=key,
                user=user,
                opener=self.opener,
                csrf=http.Request.csrf_token(
                    SimpleNamespace(env=self.env, session=session)
                ),
                partner_id=user.partner_id.id if user else None,
            )
        self.session = None
        self._column_cache = {}
        self._token_tables = [
            table for table in WATCHED_TABLES if "access_token" in self._columns(table)
        ]

    def _columns(self, table):
        cache = self._column_cache
        if table not in cache:
            self.cr.execute(
                SQL(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = %s",
                    table,
                )
            )
            cache[table] = {row[0] for row in self.cr.fetchall()}
        return cache[table]

    # -- database state ---------------------------------------------------

    def _snapshot(self, true_columns=()):
        rows = {}
        for table in WATCHED_TABLES:
            owner = (
                SQL.identifier("partner_id") if table in OWNED_TABLES else SQL("NULL")
            )
            self.cr.execute(
                SQL(
                    "SELECT id, %s, md5((to_jsonb(t) - %s::text[])::text) FROM %s t",
                    owner,
                    DERIVED_COLUMNS.get(table, []),
                    SQL.identifier(table),
                )
            )
            rows[table] = {row[0]: row[1:] for row in self.cr.fetchall()}
        counts = {}
        for table in COUNTED_TABLES:
            self.cr.execute(SQL("SELECT count(*) FROM %s", SQL.identifier(table)))
            counts[table] = self.cr.fetchone()[0]
        trues = set()
        for column in true_columns:
            for table in WATCHED_TABLES:
                if column in self._columns(table):
                    self.cr.execute(
                        SQL(
                            "SELECT id FROM %s WHERE %s",
                            SQL.identifier(table),
                            SQL.identifier(column),
                        )
                    )
                    trues |= {(table, column, r[0]) for r in self.cr.fetchall()}
        return rows, counts, trues

    def _tokens(self):
        tokens = set()
        for table in self._token_tables:
            self.cr.execute(
                SQL(
                    "SELECT access_token FROM %s WHERE access_token IS NOT NULL",
                    SQL.identifier(table),
                )
            )
            tokens |= {row[0] for row in self.cr.fetchall() if len(row[0]) >= 8}
        return tokens

    def _changes(self, before, after, attacker, allow):
        """What the request wrote that it may not: ``allow`` is ``"none"``,
        ``"own"`` (rows of the attacker's own memberships, and the mail that
        goes with them) or ``"any"``."""
        wrong = []
        if allow == "any":
            return wrong
        for table in WATCHED_TABLES:
            old, new = before[0][table], after[0][table]
            for row_id in sorted(set(old) | set(new)):
                if old.get(row_id) == new.get(row_id):
                    continue
                owner = (new.get(row_id) or old.get(row_id))[0]
                if allow == "own" and owner and owner == attacker.partner_id:
                    continue
                verb = "created" if row_id not in old else "changed"
                wrong.append(f"{verb} {table} {row_id}")
        if allow != "own":
            for table, count in after[1].items():
                if count != before[1][table]:
                    wrong.append(f"{table} {count - before[1][table]:+d}")
        return wrong

    # -- sending ------------------------------------------------------------

    def _run_isolated(self, send, true_columns=()):
        """``send()`` inside a savepoint that is rolled back afterwards; returns
        its answer, the state before and after, and the tokens it could know."""
        self.env.flush_all()
        self.cr.execute(SQL("SAVEPOINT pn_attack"))
        try:
            before = self._snapshot(true_columns)
            try:
                answer = send()
            except requests.RequestException as error:
                answer = error
            after = self._snapshot(true_columns)
            tokens = self._tokens()
        finally:
            self.cr.execute(SQL("ROLLBACK TO SAVEPOINT pn_attack"))
            self.cr.execute(SQL("RELEASE SAVEPOINT pn_attack"))
            self.env.invalidate_all()
        return answer, before, after, tokens

    def http_attack(self, who, verb, path, data=(), csrf=True, param="", **expect):
        """Send one HTTP request as ``who`` and check the answer.

        :param data: list of (name, value) pairs, query string for GET
        :param csrf: True (a valid token), None (no token) or a token to send
        :param expect: ``refused=True`` (a 4xx or the login page, nothing else),
            ``allow="none"|"own"|"any"`` (what it may write, default none),
            ``not_true="field"`` (no row may get ``field`` set by it)
        """
        attacker = self.attackers[who]
        pairs = list(data)
        if verb != "GET" and csrf:
            pairs.append(("csrf_token", attacker.csrf if csrf is True else csrf))
        options = {"params" if verb == "GET" else "data": pairs}
        not_true = expect.get("not_true")
        attempt = Attempt("http", f"{verb} {path}", who, param)
        attempt.group = f"{verb} {getattr(self, 'attack_route', path)}"
        logs = len(self.log_capture.records)
        answer, before, after, tokens = self._run_isolated(
            lambda: attacker.opener.request(
                verb,
                self.base_url() + path,
                allow_redirects=False,
                timeout=60,
                **options,
            ),
            true_columns=[not_true] if not_true else (),
        )
        if isinstance(answer, Exception):
            attempt.status = "no answer"
            attempt.reasons.append(f"no answer: {answer}")
            return self._record(attempt)
        attempt.status = answer.status_code
        text = "\n".join(
            [
                answer.text,
                answer.headers.get("Location", ""),
                answer.headers.get("Content-Disposition", ""),
            ]
        )
        is_html = "text/html" in answer.headers.get("Content-Type", "")
        self._check_answer(attempt, attacker, text, tokens, logs)
        if TRACEBACK in answer.text:
            attempt.reasons.append("Python traceback in the page")
        if is_html:
            for payload in SCRIPT_PAYLOADS:
                if payload in answer.text:
                    attempt.reasons.append(f"echoes {payload!r} unescaped")
        refused = answer.status_code >= 400 or (
            answer.is_redirect and "/web/login" in answer.headers.get("Location", "")
        )
        if expect.get("refused") and not refused:
            attempt.reasons.append(f"accepted ({answer.status_code}), not refused")
        attempt.reasons += self._changes(
            before, after, attacker, expect.get("allow", "none")
        )
        for table, column in sorted({(t, c) for t, c, _id in after[2] - before[2]}):
            attempt.reasons.append(f"counted as yes: set {table}.{column}")
        return self._record(attempt, answer)

    def rpc_attack(self, who, model, method, args, kwargs=None, allow="none"):
        """Call ``model.method`` over JSON-RPC as ``who`` and check the answer."""
        attacker = self.attackers[who]
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": len(self.attempts),
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        }
        attempt = Attempt("rpc", f"{model}.{method}", who, _short(args, 60))
        attempt.group = attempt.target
        logs = len(self.log_capture.records)
        answer, before, after, tokens = self._run_isolated(
            lambda: attacker.opener.post(
                f"{self.base_url()}/web/dataset/call_kw/{model}/{method}",
                data=json.dumps(payload),
                headers={"Content-Type": "application/json"},
                allow_redirects=False,
                timeout=60,
            )
        )
        if isinstance(answer, Exception):
            attempt.status = "no answer"
            attempt.reasons.append(f"no answer: {answer}")
            return self._record(attempt)
        if answer.status_code >= 300:
            attempt.status = answer.status_code
        else:
            error = (answer.json().get("error") or {}).get("data") or {}
            attempt.status = error.get("name", "result").rsplit(".", 1)[-1]
            if error.get("name", "").startswith("psycopg2"):
                attempt.reasons.append(
                    f"database error: {error.get('message', '')[:120]}"
                )
        self._check_answer(attempt, attacker, answer.text, tokens, logs)
        attempt.reasons += self._changes(before, after, attacker, allow)
        return self._record(attempt, answer)

    def _check_answer(self, attempt, attacker, text, tokens, logs):
        status = attempt.status
        if isinstance(status, int) and status >= 500:
            attempt.reasons.append(f"HTTP {status}{self._log_reason(logs)}")
        lowered = text.lower()
        for secret in self.attack_secrets[None]:
            if secret in self.attack_secrets.get(attempt.user, ()):
                continue
            if secret.lower() in lowered:
                self.leaks["secret"] += 1
                attempt.reasons.append(f"leaks {secret!r}")
        for token in tokens:
            if token in text:
                self.leaks["access token"] += 1
                attempt.reasons.append("leaks a portal access token")

    def _log_reason(self, since):
        """The error the server logged for the last request, in one line."""
        errors = [r for r in self.log_capture.records[since:] if r.levelno >= 40]
        for record in sorted(errors, key=lambda r: not r.exc_info):
            error = record.exc_info and record.exc_info[1]
            if error:
                text = f"{type(error).__name__}: {error}"
            else:
                text = record.getMessage()
            return ": " + " ".join(text.split())[:110]
        return ""

    def _record(self, attempt, answer=None):
        attempt.reasons = list(dict.fromkeys(attempt.reasons))
        self.attempts.append(attempt)
        self.status_counts[attempt.kind][attempt.status] += 1
        if attempt.reasons:
            self.failures.append(attempt)
        return answer

    # -- the attacks on routes ----------------------------------------------

    def _url_fills(self, arg, real):
        if real:
            return self.attack_fills.get(arg) or {"1": 1, "2": 2}
        return {
            "nonexistent": self.attack_missing_id,
            "negative": -1,
            "2**31": 2**31,
            "2**63": 2**63,
            "non-numeric": "abc",
        }

    @staticmethod
    def _fill_url(url, values):
        values = iter(values)
        return URL_ARG.sub(lambda _match: str(next(values)), url)

    def _paths(self, route, real):
        """``[(label, path)]``: each URL argument in turn takes each of its
        values, the others their first real value."""
        args = [arg for _conv, arg in route.url_args]
        if not args:
            return [("", route.url)] if real else []
        base = [next(iter(self._url_fills(arg, True).values())) for arg in args]
        paths = {}
        for index, arg in enumerate(args):
            for label, value in self._url_fills(arg, real).items():
                values = [*base[:index], value, *base[index + 1 :]]
                paths.setdefault(self._fill_url(route.url, values), f"{arg}={label}")
        return [(label, path) for path, label in paths.items()]

    def _logged_in(self):
        return [key for key, a in self.attackers.items() if a.user]

    def attack_route_access(self, routes):
        """Every route, every method it takes, as every user, with every id;
        notes which users reach which forms (for the attacks on inputs)."""
        first = self._logged_in()[0]
        reached, actions = {}, {key: set() for key in self.attackers}
        for route in routes:
            self.attack_route = route.url
            real = self._paths(route, real=True)
            for verb in route.methods:
                # the anonymous visitor is sent to the login page, whatever the id,
                # except on the public pages (which still change nothing)
                self.http_attack(
                    "anonymous", verb, real[0][1], refused=route.auth != "public"
                )
            for label, path in real:
                for verb, who in product(route.methods, self._logged_in()):
                    # a bare POST may be a member leaving: their own row only
                    allow = "none" if verb == "GET" else "own"
                    answer = self.http_attack(who, verb, path, param=label, allow=allow)
                    if verb == "GET" and answer is not None:
                        if answer.status_code == 200:
                            reached.setdefault(route.url, []).append((who, path))
                            actions[who] |= set(FORM_ACTION.findall(answer.text))
            for label, path in self._paths(route, real=False):
                # an unknown id is refused; a page number beyond the last is not
                refused = label.split("=")[0].endswith("_id")
                for verb in route.methods:
                    self.http_attack(first, verb, path, param=label, refused=refused)
        self.reachable = {}
        for route in routes:
            pairs = [
                (who, path)
                for _label, path in self._paths(route, real=True)
                for who in self._logged_in()
                if path in actions[who]
                or (
                    "POST" not in route.methods
                    and (who, path) in reached.get(route.url, ())
                )
            ]
            self.reachable[route.url] = _interleave(pairs)

    def attack_route_inputs(self, routes):
        """Malformed values in every parameter of every endpoint, sent by the
        users who reach its form; repeated parameters; falsy checkboxes."""
        seen, turn = set(), 0
        for route in routes:
            pairs = self.reachable.get(route.url)
            if route.endpoint in seen or not pairs:
                continue
            seen.add(route.endpoint)
            self.attack_route = route.url
            verb = "POST" if "POST" in route.methods else "GET"
            for data, param, expect in self._malformed_inputs(route, verb):
                who, path = pairs[turn % len(pairs)]
                turn += 1
                self.http_attack(who, verb, path, data, param=param, **expect)
            self._attack_falsy(route, verb, pairs)

    @staticmethod
    def _malformed_inputs(route, verb):
        """``[(data, label, expectations)]`` for one endpoint."""
        plain = [p for p in route.params if p not in route.booleans]
        sends = []
        for label, value in MALFORMED.items():
            allow = "none" if label in NEVER_VALID else "any"
            if verb == "GET" and len(value) > MAX_QUERY:
                value = value[: MAX_QUERY // max(len(plain), 1)]
                label = f"{len(value) // 1000} kB"
            if plain:
                sends.append(
                    ([(p, value) for p in plain], f"all={label}", {"allow": allow})
                )
            # a checkbox with any value but a no may be a yes
            sends += [
                ([(p, value)], f"{p}={label}", {"allow": "own"}) for p in route.booleans
            ]
        # one parameter alone never makes a complete form: nothing is written
        for label in SINGLE:
            sends += [([(p, MALFORMED[label])], f"{p}={label}", {}) for p in plain]
        if plain:
            twice = [
                (p, v)
                for p in plain
                for v in (MALFORMED["NUL inside"], BENIGN.get(p, BENIGN_TEXT))
            ]
            sends.append((twice, "each twice, NUL first", {"allow": "any"}))
        return sends

    def _attack_falsy(self, route, verb, pairs):
        """A checkbox sent as "0", "false", ... is a no: it sets nothing."""
        who, path = pairs[0]
        for param in route.booleans:
            others = [(p, "on") for p in route.booleans if p != param]
            for value in FALSY:
                self.http_attack(
                    who,
                    verb,
                    path,
                    [(param, value), *others],
                    param=f"{param}={value!r}",
                    allow="own",
                    not_true=param,
                )

    def attack_route_protocol(self, routes):
        """Methods a route does not take, and POSTs without a valid CSRF token."""
        for route in routes:
            self.attack_route = route.url
            pairs = self.reachable.get(route.url) or [
                (self._logged_in()[0], self._paths(route, real=True)[0][1])
            ]
            who, path = pairs[0]
            for verb in VERBS:
                if verb not in route.methods:
                    self.http_attack(
                        who, verb, path, param="wrong method", refused=True
                    )
            if "POST" not in route.methods:
                continue
            data = [
                (p, "on" if p in route.booleans else BENIGN.get(p, BENIGN_TEXT))
                for p in route.params
            ]
            users = {}
            for who, path in pairs:
                users.setdefault(who, path)
            for who, path in list(users.items())[:2]:
                for csrf, label in (
                    (None, "no CSRF token"),
                    (FORGED_CSRF, "forged CSRF token"),
                ):
                    self.http_attack(
                        who, "POST", path, data, csrf=csrf, param=label, refused=True
                    )

    # -- the attacks over RPC -----------------------------------------------

    @staticmethod
    def _rpc_value(param, value):
        return {"name": value} if "vals" in param else value

    def attack_rpc_methods(self, methods, records):
        """Every discovered method as every user, on the fixture's records, on
        ids that do not exist, and with malformed arguments."""
        self_service = portal_called_methods()
        first = self._logged_in()[0]
        for model, names in methods.items():
            ids = records.get(model) or [self.attack_missing_id]
            for name in names:
                no_ids, params, required = method_params(self.env[model], name)
                allow = "own" if name in self_service else "none"
                targets = [[]] if no_ids else [[[i]] for i in ids[:2]]
                for who in self._logged_in():
                    for target in targets if not required else ():
                        self.rpc_attack(who, model, name, target, allow=allow)
                    for value in RPC_VALUES if params else ():
                        args = [
                            *targets[0],
                            *(self._rpc_value(p, value) for p in params),
                        ]
                        self.rpc_attack(who, model, name, args, allow=allow)
                if not no_ids and not required:
                    for bogus in (-1, 2**63):
                        self.rpc_attack(first, model, name, [[bogus]])
                self.rpc_attack("anonymous", model, name, targets[0])

    def attack_portal_tokens(self, records):
        """Portal access tokens: nobody but the office gets or mints one."""
        for model, ids in records.items():
            if "access_token" not in self.env[model]._fields:
                continue
            for who in self._logged_in():
                for record_id in ids:
                    self.rpc_attack(who, model, "get_portal_url", [[record_id]])
                    self.rpc_attack(who, model, "_portal_ensure_token", [[record_id]])
                    self.rpc_attack(
                        who,
                        model,
                        "read",
                        [[record_id], ["access_token", "access_url"]],
                    )
                self.rpc_attack(who, model, "search_read", [[], ["access_token"]])

    @contextlib.contextmanager
    def attack_canary(self):
        """Requests sent inside are checked like all others but left out of the
        figures: the suite's test of its own checks. Yields their attempts."""
        sizes = len(self.attempts), len(self.failures)
        saved = (
            Counter(self.leaks),
            {k: Counter(v) for k, v in self.status_counts.items()},
        )
        sent = []
        try:
            yield sent
        finally:
            sent += self.attempts[sizes[0] :]
            del self.attempts[sizes[0] :]
            del self.failures[sizes[1] :]
            self.leaks, self.status_counts = saved

    # -- report -------------------------------------------------------------

    def _grouped(self, attempts, with_reasons=True):
        """One line per route or method, status and reason: users and
        parameters listed."""
        order = list(self.attackers)
        groups = {}
        for attempt in attempts:
            reasons = "; ".join(attempt.reasons) if with_reasons else ""
            key = (attempt.group, str(attempt.status), reasons)
            users, params = groups.setdefault(key, (set(), []))
            users.add(attempt.user)
            if attempt.param not in params:
                params.append(attempt.param)
        lines = []
        for (group, status, reasons), (users, params) in groups.items():
            # one-parameter attacks first: they name the culprit
            params = sorted(params, key=lambda p: p.startswith("all="))
            shown = ", ".join(p or "-" for p in params[:8])
            if len(params) > 8:
                shown += f" (+{len(params) - 8} more)"
            who = ", ".join(sorted(users, key=order.index))
            lines.append(f"{group} | {who} | {shown} | {status} | {reasons}")
        return lines

    def attack_report(self, title):
        """Print and log the figures; fail with the list of failures."""
        seconds = time.monotonic() - self.started
        http_count = sum(self.status_counts["http"].values())
        rpc_count = sum(self.status_counts["rpc"].values())

        def counts(kind):
            items = sorted(self.status_counts[kind].items(), key=lambda i: str(i[0]))
            return ", ".join(f"{k}: {v}" for k, v in items) or "-"

        summary = (
            f"attack suite: {title}: {http_count} HTTP requests, {rpc_count} RPC "
            f"calls in {seconds:.1f} s; leaks: {self.leaks['secret']} secret, "
            f"{self.leaks['access token']} access token; failures: "
            f"{len(self.failures)}"
        )
        failures = self._grouped(self.failures)
        # Python errors (wrong arity, ...) that RPC answers with: not a failure,
        # but worth knowing
        notes = self._grouped(
            [
                a
                for a in self.attempts
                if a.kind == "rpc" and not a.reasons and a.status in PYTHON_ERRORS
            ],
            with_reasons=False,
        )
        lines = [
            summary,
            *(
                f"attack suite: {title}: {label}: {counts(kind)}"
                for kind, label in (("http", "HTTP status"), ("rpc", "RPC outcome"))
                if self.status_counts[kind]
            ),
            *(f"attack suite: {title}: note: {line}" for line in notes),
            *(f"attack suite: FAIL {line}" for line in failures),
        ]
        sys.stdout.write("\n" + "\n".join(lines) + "\n")
        _logger.info(summary)
        if failures:
            self.fail(
                f"{len(self.failures)} attacks got through ({len(failures)} kinds):\n"
                + "\n".join(f"FAIL {line}" for line in failures)
            )
