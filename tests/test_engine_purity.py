"""The law's core runs without Django: every module of rules.engine imports, and evaluates a
case, in a fresh interpreter where importing Django fails."""

import pkgutil
import subprocess
import sys

import rules.engine
from tests.helpers import BASE_DIR

ENGINE_MODULES = sorted(
    f"rules.engine.{m.name}" for m in pkgutil.iter_modules(rules.engine.__path__)
)
BLOCK_DJANGO = """
import sys
class NoDjango:
    def find_spec(self, name, path=None, target=None):
        if name == "django" or name.startswith("django."):
            raise ImportError("Django is blocked in the law's core: " + name)
sys.meta_path.insert(0, NoDjango())
"""


def run_without_django(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", BLOCK_DJANGO + code],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_engine_has_its_modules():
    assert len(ENGINE_MODULES) >= 5
    assert {"rules.engine.answers", "rules.engine.outcome", "rules.engine.law"} <= set(
        ENGINE_MODULES
    )


def test_every_engine_module_imports_with_django_blocked():
    imports = "\n".join(f"import {name}" for name in ENGINE_MODULES)
    result = run_without_django(
        imports + "\nprint(sorted(m for m in sys.modules if 'django' in m))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_engine_evaluates_a_case_with_django_blocked():
    code = """
from datetime import UTC, datetime
from rules.engine.answers import parse
from rules.engine.model import outcome_json
from rules.engine.outcome import evaluate
now = datetime(2026, 12, 4, 12, tzinfo=UTC)
answers = parse({"measure": "oqtf", "territory": "metropole", "decided_on": "2025-03-10",
                 "notified_on": "2025-03-10", "departure_period": "given"}, now)
print(outcome_json(evaluate(answers, now))["appeal"]["deadline"])
"""
    result = run_without_django(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2025-04-11T23:59:00+02:00"


def test_blocking_django_is_effective():
    result = run_without_django("import django.utils.translation")
    assert result.returncode != 0
    assert "blocked" in result.stderr
