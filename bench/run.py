"""Load benchmark and page weights of the production server, on this machine only.

Starts gunicorn as `make run` does, on 127.0.0.1 and a free port, with DEBUG off; then virtual users
walk the questionnaire as a browser with htmx does, for every branch of the public cases: GET the
start page, then for each question a POST with `HX-Request: true` (cookies and CSRF token carried),
whose response is the next question, until the outcome.
Prints requests/s, latency percentiles and errors, then the weight of the pages as served (gzip).

    .venv/bin/python bench/run.py                     # 100 users for 60 s (make bench)
    .venv/bin/python bench/run.py --think 0           # the same users, never pausing
    .venv/bin/python bench/run.py --users 20 --duration 10 --think 0.5
    .venv/bin/python bench/run.py --slow-clients 64   # and 64 connections trickling their headers
    .venv/bin/python bench/run.py --worker-class sync # gunicorn's sync workers, to compare

Stdlib only on the client side (http.client, threading); every request goes to 127.0.0.1, and the
run stops by itself after --duration seconds (plus the flows in flight, each bounded by a timeout).
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

HOST = "127.0.0.1"
TIMEOUT = 10  # seconds, for one request
MANAGEMENT = "questionnaire-current_step"
BUDGETS = {"first page": 30_000, "htmx step": 5_000, "p99 ms": 25.0, "visit s": 2.0}
# Each virtual user pauses 0 to 6 s before each request: less than a person takes to read a
# question, find the answer on their paper and tap it.
THINK = 3.0


# --- The flows: what a person would answer, for each public case ----------------------------------


def flows():
    """Each public case as the answers the questionnaire is given, and the same in English."""
    import django

    django.setup()
    from tests.helpers import CASES, page_fields, shown_steps

    cases = [(case["name"], case["answers"]) for case in CASES]
    both = [(name, answers, language) for name, answers in cases for language in ("", "/en")]
    return shown_steps, page_fields, both


# --- The server -----------------------------------------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_server(port, workers=None, worker_class=None):
    """gunicorn with make run's settings (config/gunicorn.conf.py), or other workers: `sync`
    serves the WSGI application, one request at a time per worker, read by the worker itself."""
    from tests.helpers import NOW

    # The public cases are dated around their own "now": the server counts from it too.
    frozen = NOW.isoformat()
    env = {**os.environ, "DJANGO_DEBUG": "0", "DJANGO_HTTPS": "0", "DJANGO_FROZEN_NOW": frozen}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    python = sys.executable
    for command in (
        ["manage.py", "compilemessages", "--ignore", ".venv", "--ignore", "var", "-v", "0"],
        ["manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
    ):
        subprocess.run([python, *command], cwd=ROOT, env=env, check=True)
    gunicorn = Path(python).with_name("gunicorn")
    server = subprocess.Popen(
        [
            str(gunicorn),
            "--config",
            "config/gunicorn.conf.py",
            "--bind",
            f"{HOST}:{port}",
            *(["--workers", str(workers)] if workers else []),
            *(["--worker-class", worker_class] if worker_class else []),
            *(["config.wsgi:application"] if worker_class == "sync" else []),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=1)
            connection.request("GET", "/")
            if connection.getresponse().status == 200:
                connection.close()
                return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit("the server did not start")


def server_settings(workers, worker_class):
    count = f"{workers}" if workers else "one per core, as make run"
    return f"{worker_class or 'asgi'} workers ({count})"


def stop_server(server):
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


# --- A browser, as far as the questionnaire is concerned ------------------------------------------


class Stopped(Exception):
    """The load's time is over: the flow in progress stops there."""


class Browser:
    """Cookies, one keep-alive connection, the CSRF token of the last page."""

    def __init__(self, port, record=None, pause=None, stop_at=None):
        self.port, self.record, self.pause, self.stop_at = port, record, pause, stop_at
        self.cookies, self.token = {}, None
        self.connection = None

    def request(self, method, path, body=None, headers=None):
        headers = {
            "Host": f"{HOST}:{self.port}",
            "Accept-Encoding": "gzip",
            **(headers or {}),
        }
        if self.pause:
            self.pause()
        if self.stop_at is not None and time.monotonic() >= self.stop_at:
            raise Stopped
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=TIMEOUT)
            started = time.perf_counter()
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                raw = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # The server closed a kept-alive connection between two requests: open another.
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
                continue
            elapsed = time.perf_counter() - started
            break
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
            self.connection = None
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                cookie_value = rest.split(";", 1)[0]
                if "max-age=0" in value.lower():
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = cookie_value
        text = gzip.decompress(raw) if response.getheader("Content-Encoding") == "gzip" else raw
        if self.record is not None:
            self.record(elapsed, response.status)
        found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', text)
        if found:
            self.token = found.group(1).decode()
        return response, raw, text

    def close(self):
        if self.connection is not None:
            self.connection.close()


def walk(browser, answers, language, shown_steps, page_fields):
    """One complete flow: each page's questions, read from the page, answered together. Returns
    False at the first unexpected answer from the server."""
    origin = f"http://{HOST}:{browser.port}"
    response, _raw, text = browser.request("GET", f"{language}/")
    if response.status != 200:
        return False
    path = f"{language}/questions/measure/"
    seen = set()
    while not path.endswith("/outcome/"):
        page = path.rstrip("/").rsplit("/", 1)[-1]
        shown = shown_steps(text.decode())
        if page in seen or not shown:
            return False
        seen.add(page)
        fields = page_fields(shown, answers)
        # Bytes, so that http.client sends the headers and the body in one packet, as browsers
        # do (a body sent apart waits for the server's delayed acknowledgement).
        body = urlencode(
            {**fields, MANAGEMENT: page, "csrfmiddlewaretoken": browser.token}, doseq=True
        ).encode()
        response, _raw, text = browser.request(
            "POST",
            path,
            body=body,
            headers={
                "HX-Request": "true",
                "HX-Current-URL": origin + path,
                "Origin": origin,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        # The next question (or the outcome) comes in the same response, with its address.
        path = response.getheader("HX-Push-Url")
        if response.status != 200 or not path:
            return False
    return True


# --- The load -------------------------------------------------------------------------------------


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies, self.http_errors, self.flows, self.failed_flows = [], 0, 0, 0

    def record(self, elapsed, status):
        with self.lock:
            self.latencies.append(elapsed)
            if status >= 400:
                self.http_errors += 1


def user(port, cases, helpers, results, stop_at, think, seed):
    chooser = random.Random(seed)
    while time.monotonic() < stop_at:
        _name, answers, language = chooser.choice(cases)
        pause = (lambda: time.sleep(chooser.uniform(0, 2 * think))) if think else None
        browser = Browser(port, results.record, pause, stop_at)
        try:
            ok = walk(browser, answers, language, *helpers)
        except Stopped:
            break
        except (OSError, http.client.HTTPException):
            ok = False
        finally:
            browser.close()
        with results.lock:
            results.flows += 1
            results.failed_flows += 0 if ok else 1


def percentile(ordered, fraction):
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def load(port, users, duration, think, helpers, cases):
    results = Results()
    started = time.monotonic()
    stop_at = started + duration
    threads = [
        threading.Thread(
            target=user,
            args=(port, cases, helpers, results, stop_at, think, seed),
            daemon=True,
        )
        for seed in range(users)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 2 * TIMEOUT + 10)
    elapsed = time.monotonic() - started
    ordered = sorted(results.latencies)
    # Flows stop at the deadline: completed flows are counted, the ones cut short are not.
    return {
        "requests": len(ordered),
        "seconds": elapsed,
        "rps": len(ordered) / elapsed,
        "p50": percentile(ordered, 0.50) * 1000,
        "p95": percentile(ordered, 0.95) * 1000,
        "p99": percentile(ordered, 0.99) * 1000,
        "max": (ordered[-1] if ordered else float("nan")) * 1000,
        "http_errors": results.http_errors,
        # A flow fails at the first status it did not expect, or a connection error or time-out.
        "errors": results.failed_flows,
        "flows": results.flows,
        "failed_flows": results.failed_flows,
    }


# --- Slow clients ---------------------------------------------------------------------------------

# A request whose headers never end within a run: a slow client sends one byte of it every
# SLOW_INTERVAL seconds.
SLOW_REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\nX-Padding: " + b"a" * 4000
SLOW_INTERVAL = 2.0
VISITS = 10


class SlowClients:
    """Connections that send their headers one byte every SLOW_INTERVAL seconds and never finish:
    a bad line, or someone who wants the server to wait. One thread drips a byte into each; a
    connection the server closes is opened again, so that `count` always wait."""

    def __init__(self, port, count, interval=SLOW_INTERVAL):
        self.port, self.count, self.interval = port, count, interval
        self.stopped = threading.Event()
        self.connections, self.reopened = [], 0
        self.thread = threading.Thread(target=self.drip, daemon=True)

    def open(self):
        connection = socket.create_connection((HOST, self.port), timeout=TIMEOUT)
        connection.setblocking(False)
        return [connection, 0]

    def start(self):
        self.connections = [self.open() for _ in range(self.count)]
        self.thread.start()
        return self

    def drip(self):
        while not self.stopped.wait(self.interval):
            for index, (connection, sent) in enumerate(self.connections):
                try:
                    connection.send(SLOW_REQUEST[sent : sent + 1])
                    self.connections[index][1] = (sent + 1) % len(SLOW_REQUEST)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    connection.close()
                    self.reopened += 1
                    self.connections[index] = self.open()

    def stop(self):
        self.stopped.set()
        self.thread.join(timeout=self.interval + 5)
        for connection, _sent in self.connections:
            connection.close()


def visit(port):
    """A new visitor's start page, on a new connection: seconds to the last byte, or None."""
    started = time.perf_counter()
    try:
        connection = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
        connection.request("GET", "/", headers={"Host": f"{HOST}:{port}"})
        response = connection.getresponse()
        response.read()
        connection.close()
    except (OSError, http.client.HTTPException):
        return None
    return time.perf_counter() - started if response.status == 200 else None


def visits(port, count, spread):
    """`count` visitors, one after another over `spread` seconds, while the load runs."""
    found = []
    for _ in range(count):
        time.sleep(spread / (count + 1))
        found.append(visit(port))
    return found


# --- Page weights ---------------------------------------------------------------------------------


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def weights(port, helpers, cases):
    """Bytes on the wire (as served, gzip when offered) and uncompressed, per page; the start page
    all in and the outcome page in each other language too."""
    from django.conf import settings  # set up by flows()

    # The other languages' prefixes; the budget of the first page is for the Latin script's
    # pages, those in Arabic script are reported beside them (README, "Languages").
    others = [f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    right_to_left = [f"/{code}" for code in settings.LANGUAGES_BIDI]
    shown_steps, page_fields = helpers
    answers = dict(cases[0][1])
    browser = Browser(port)
    rows = []

    def measure(label, method, path, **kwargs):
        response, raw, text = browser.request(method, path, **kwargs)
        rows.append((label, len(raw), len(text), response.getheader("Content-Encoding") or "-"))
        return text

    def start_page_all_in(prefix, detailed):
        """The start page and the files it loads, as a first visit fetches them."""
        start = len(rows)
        parser = Assets()
        parser.feed(measure(f"start page{prefix}: HTML", "GET", f"{prefix}/").decode())
        for url in parser.urls:
            measure(f"start page{prefix}: {url.rsplit('/', 1)[-1]}", "GET", url)
        served, plain = sum(row[1] for row in rows[start:]), sum(row[2] for row in rows[start:])
        if not detailed:
            del rows[start:]
        rows.append((f"start page{prefix}, all in", served, plain, ""))
        return served

    first = {"": start_page_all_in("", detailed=True)}
    walk(browser, answers, "", shown_steps, page_fields)
    measure("question page (HTML)", "GET", "/questions/departement/")
    htmx = measure(
        "htmx step response", "GET", "/questions/departement/", headers={"HX-Request": "true"}
    )
    assert b"<html" not in htmx
    measure("outcome page (HTML)", "GET", "/outcome/")
    measure("outcome, htmx response", "GET", "/outcome/", headers={"HX-Request": "true"})
    for prefix in others:
        first[prefix] = start_page_all_in(prefix, detailed=False)
        measure(f"outcome page{prefix} (HTML)", "GET", f"{prefix}/outcome/")
    browser.close()
    latin = max(served for prefix, served in first.items() if prefix not in right_to_left)
    return rows, latin, next(row[1] for row in rows if row[0] == "htmx step response")


# --- Main -----------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=100, help="concurrent virtual users")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load")
    parser.add_argument(
        "--think",
        type=float,
        default=THINK,
        help="mean pause before each request, in seconds: a person reading the question and "
        "answering it (0: as fast as the server answers)",
    )
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: as make run)")
    parser.add_argument(
        "--worker-class", choices=["asgi", "sync"], help="gunicorn workers (default: as make run)"
    )
    parser.add_argument(
        "--slow-clients",
        type=int,
        default=0,
        help=f"connections that send their headers one byte every {SLOW_INTERVAL:g} s during the "
        f"load, while a new visitor asks for the start page {VISITS} times",
    )
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    args = parser.parse_args()
    if args.users > 1000 or args.duration > 600 or args.slow_clients > 1000:
        raise SystemExit("bounded: at most 1000 users, 1000 slow clients and 600 seconds")

    shown_steps, page_fields, cases = flows()
    helpers = (shown_steps, page_fields)
    port = args.port or free_port()
    server = start_server(port, args.workers, args.worker_class)
    slow, visited = None, []
    try:
        for name, answers, language in cases:  # every branch once, and a warm server
            if not walk(Browser(port), answers, language, *helpers):
                raise SystemExit(f"the flow failed before the load: {name} {language or '/fr'}")
        print(
            f"Load: {args.users} users, {args.duration:g} s, think {args.think:g} s, "
            f"gunicorn {server_settings(args.workers, args.worker_class)}, "
            f"{len(cases)} flows ({len(cases) // 2} public cases, French and English), "
            f"{args.slow_clients} slow clients, on {os.cpu_count()} cores"
        )
        if args.slow_clients:
            slow = SlowClients(port, args.slow_clients).start()
            visitor = threading.Thread(
                target=lambda: visited.extend(visits(port, VISITS, args.duration)), daemon=True
            )
            visitor.start()
        result = load(port, args.users, args.duration, args.think, helpers, cases)
        if slow is not None:
            visitor.join(timeout=VISITS * TIMEOUT)
            slow.stop()
        rows, first, htmx = weights(port, helpers, cases)
    finally:
        stop_server(server)

    print(
        f"  {result['requests']} requests in {result['seconds']:.1f} s: "
        f"{result['rps']:.0f} requests/s; {result['flows']} complete flows "
        f"({result['failed_flows']} failed)"
    )
    print(
        f"  latency ms: p50 {result['p50']:.1f}  p95 {result['p95']:.1f}  "
        f"p99 {result['p99']:.1f}  max {result['max']:.1f}"
    )
    print(
        f"  errors: {result['errors']} (flows that failed; "
        f"{result['http_errors']} responses with a status of 400 or more)"
    )
    if args.slow_clients:
        times = [f"{seconds * 1000:.0f}" if seconds is not None else "none" for seconds in visited]
        print(
            f"  with {args.slow_clients} slow clients (reopened {slow.reopened} times), a new "
            f"visitor's {len(visited)} start pages, ms: {' '.join(times)}"
        )
    print("\nPage weight (bytes as served / uncompressed):")
    for label, served, plain, encoding in rows:
        print(f"  {label:<40} {served:>8,} / {plain:>8,}  {encoding}")

    checks = [
        (
            "first page all in <= 30 KB gzip, each Latin-script language",
            first <= BUDGETS["first page"],
        ),
        ("htmx step response <= 5 KB gzip", htmx <= BUDGETS["htmx step"]),
        ("p99 <= 25 ms", result["p99"] <= BUDGETS["p99 ms"]),
        ("0 errors", result["errors"] == 0),
    ]
    if args.slow_clients:
        in_time = [s for s in visited if s is not None and s < BUDGETS["visit s"]]
        checks.append(
            (
                f"each of {VISITS} start pages in < 2 s beside {args.slow_clients} slow clients",
                len(in_time) == VISITS,
            )
        )
    print("\nBudgets:")
    for label, ok in checks:
        print(f"  {'ok  ' if ok else 'MISS'} {label}")
    return 0 if all(ok for _label, ok in checks[3:]) else 1


if __name__ == "__main__":
    sys.exit(main())
