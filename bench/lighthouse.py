"""Lighthouse scores of five pages of the production server, on this machine only.

Starts gunicorn as bench/run.py does (127.0.0.1, a free port, DEBUG off), walks a public case to get
the answers cookie, then runs the pinned Lighthouse of bench/lighthouse/ (`make lighthouse`
installs it there) with Debian's chromium, mobile profile, on the start page, a question page and
the outcome page, then the start page and the outcome in Arabic, and prints the four category
scores of each.

    CHROME_PATH=/usr/bin/chromium .venv/bin/python bench/lighthouse.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import HOST, Browser, flows, free_port, start_server, stop_server, walk  # noqa: E402

LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CASE = "OQTF 2025, free, Paris - one month, franc"


def answers_cookie(port):
    """The Cookie header of a person who answered every question of one public case."""
    shown_steps, page_fields, cases = flows()
    answers = next(answers for name, answers, _language in cases if name == CASE)
    browser = Browser(port)
    if not walk(browser, answers, "", shown_steps, page_fields):
        raise SystemExit("the questionnaire could not be walked")
    browser.close()
    return "; ".join(f"{name}={value}" for name, value in browser.cookies.items())


def scores(url, cookie, report):
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if cookie:
        command.append(f"--extra-headers={json.dumps({'Cookie': cookie})}")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    for attempt in (1, 2):
        # Chromium now and then fails to start or to answer: once more before giving up.
        run = subprocess.run(command, env=env, timeout=300, capture_output=True, text=True)
        if run.returncode == 0:
            break
        if attempt == 2:
            raise SystemExit(f"Lighthouse failed on {url}:\n{run.stderr[-2000:]}")
    result = json.loads(Path(report).read_text())
    failed = [
        audit["id"]
        for category in CATEGORIES
        for ref in result["categories"][category]["auditRefs"]
        if ref["weight"] and (audit := result["audits"][ref["id"]])["score"] not in (None, 1)
    ]
    return {c: round(result["categories"][c]["score"] * 100) for c in CATEGORIES}, failed


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit("No Lighthouse: `make lighthouse` installs it in bench/lighthouse/")
    port = free_port()
    server = start_server(port)
    base = f"http://{HOST}:{port}"
    missed = 0
    try:
        cookie = answers_cookie(port)
        pages = [
            ("start page", f"{base}/", None),
            ("question page", f"{base}/questions/departure_period/", cookie),
            ("outcome page", f"{base}/outcome/", cookie),
            # Right to left, the Arabic script and its fonts: the other side of the stylesheet.
            ("start page, ar", f"{base}/ar/", None),
            ("outcome, ar", f"{base}/ar/outcome/", cookie),
        ]
        print(f"{'page':<16}" + "".join(f"{c:>16}" for c in CATEGORIES))
        with tempfile.TemporaryDirectory() as folder:
            for label, url, header in pages:
                found, failed = scores(url, header, Path(folder) / "report.json")
                print(f"{label:<16}" + "".join(f"{found[c]:>16}" for c in CATEGORIES))
                if failed:
                    print(f"{'':<16}audits not passed: {', '.join(failed)}")
                missed += sum(found[c] < TARGETS[c] for c in CATEGORIES)
    finally:
        stop_server(server)
    print("targets: performance >= 95, the others 100:", "met" if not missed else "MISSED")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
