"""The dependencies: listed by hand in the .in files, compiled (`make lock`) into requirements
files where every package, transitive ones included, is pinned with its hashes, and installed so
that pip refuses anything else."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPILED = {"requirements.txt": "requirements.in", "requirements-dev.txt": "requirements-dev.in"}


def entries(text):
    """Each requirement of a compiled file: its line, with the hashes that follow it."""
    logical = re.sub(r"\\\n", " ", text)
    return [line.split("#", 1)[0].strip() for line in logical.splitlines() if line[:1].isalnum()]


def names_in(path):
    lines = (ROOT / path).read_text().splitlines()
    return {
        re.split(r"[=<>~!\[ ]", line, maxsplit=1)[0].lower().replace("_", "-")
        for line in lines
        if line[:1].isalnum()
    }


@pytest.mark.parametrize("compiled", COMPILED)
def test_every_requirement_is_pinned_with_its_hashes(compiled):
    found = entries((ROOT / compiled).read_text())
    assert len(found) > 10
    for entry in found:
        assert re.match(r"^[A-Za-z0-9._-]+==[^ ]+ ", entry), entry
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", entry), entry


@pytest.mark.parametrize(("compiled", "source"), COMPILED.items())
def test_every_package_listed_by_hand_is_compiled(compiled, source):
    assert names_in(source) <= names_in(compiled)


def test_the_development_requirements_hold_the_runtime_ones_at_the_same_versions():
    runtime = set(entries((ROOT / "requirements.txt").read_text()))
    development = {
        entry.split(" ", 1)[0] for entry in entries((ROOT / "requirements-dev.txt").read_text())
    }
    assert {entry.split(" ", 1)[0] for entry in runtime} <= development


def test_the_makefile_installs_with_require_hashes():
    makefile = (ROOT / "Makefile").read_text()
    installs = [line for line in makefile.splitlines() if "-r requirements" in line]
    assert len(installs) == 2
    assert all(line.strip().startswith("$(PIP_INSTALL)") for line in installs)
    assert re.search(r"^PIP_INSTALL := .*--require-hashes", makefile, re.MULTILINE)
