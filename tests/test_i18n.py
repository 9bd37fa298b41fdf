"""Both catalogues load, cover every string of the code, and leave nothing untranslated."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("config", "questionnaire", "rules", "appeal", "templates", "locale", "manage.py")


def entries(po_text: str):
    """(msgid, [msgstr…], flags) of each entry of a .po file; the header is left out."""
    for block in po_text.split("\n\n"):
        lines = [line for line in block.splitlines() if line and not line.startswith("#~")]
        flags = " ".join(line for line in lines if line.startswith("#,"))
        fields, current = {}, None
        for line in lines:
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                fields[current] += line[1:-1]
            else:
                current, _, value = line.partition(" ")
                fields[current] = value[1:-1]
        if fields.get("msgid"):
            strings = [v for k, v in fields.items() if k.startswith("msgstr")]
            yield fields["msgid"], strings, flags


def refreshed_catalogue(tmp_path, language):
    """The catalogue as `makemessages` makes it from the code now, keeping the translations."""
    for name in SOURCES:
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", language, "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    return (tmp_path / "locale" / language / "LC_MESSAGES" / "django.po").read_text()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_string_of_the_code_is_translated(tmp_path, language):
    missing = [
        msgid
        for msgid, strings, flags in entries(refreshed_catalogue(tmp_path, language))
        if "fuzzy" in flags or not all(strings)
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Vos réponses"), ("en", "Your answers")],
)
def test_each_catalogue_loads(language, expected):
    with translation.override(language):
        assert translation.gettext("Your answers") == expected
