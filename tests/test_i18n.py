"""Every catalogue loads and covers the strings of the code: French and English leave nothing
untranslated, the six other languages at least 98 % (a new string may wait for its translators, and
falls back to French meanwhile); none is fuzzy, and each translation keeps the placeholders of its
English text."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = [translation.to_locale(code) for code, _name in settings.LANGUAGES]
COMPLETE = ("fr", "en")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
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


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    """Each catalogue as `makemessages` makes it from the code now, keeping the translations."""
    copy_root = tmp_path_factory.mktemp("project")
    for name in SOURCES:
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, copy_root / name)
    locales = [option for language in CATALOGUES for option in ("--locale", language)]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *locales, "--no-obsolete"],
        cwd=copy_root,
        check=True,
        capture_output=True,
    )
    return {
        language: (copy_root / "locale" / language / "LC_MESSAGES" / "django.po").read_text()
        for language in CATALOGUES
    }


def test_there_are_eight_catalogues():
    assert CATALOGUES == ["fr", "en", "ar", "fa", "ps", "ru", "ht", "pt_BR"]


@pytest.mark.parametrize("language", CATALOGUES)
def test_every_string_of_the_code_is_translated_and_none_is_fuzzy(refreshed, language):
    catalogue = list(entries(refreshed[language]))
    fuzzy = [msgid for msgid, _strings, flags in catalogue if "fuzzy" in flags]
    missing = [msgid for msgid, strings, _flags in catalogue if not all(strings)]
    assert fuzzy == []
    if language in COMPLETE:
        assert missing == []
    else:
        assert len(missing) <= 0.02 * len(catalogue), missing


@pytest.mark.parametrize("language", CATALOGUES)
def test_each_translation_keeps_the_placeholders_of_its_english(refreshed, language):
    astray = [
        msgid
        for msgid, strings, _flags in entries(refreshed[language])
        for string in strings
        if string and set(PLACEHOLDER.findall(string)) - set(PLACEHOLDER.findall(msgid))
    ]
    assert astray == []


def formatted(text, names, positional):
    """The text as Python's % formats it, with a stand-in value for each placeholder."""
    if names:
        return text % dict.fromkeys(names, 1)
    return text % ((1,) * positional) if positional else text


@pytest.mark.parametrize("language", CATALOGUES)
def test_each_formatted_translation_formats_without_an_error(language):
    # A stray % in a translation would raise at the moment the page is rendered: a 500.
    catalogue = polib.pofile(ROOT / "locale" / language / "LC_MESSAGES" / "django.po")
    failing = []
    for entry in catalogue:
        english = f"{entry.msgid} {entry.msgid_plural}"
        # Python code's strings with a placeholder, and every {% blocktranslate %} with a % in it
        # (its % are doubled), are formatted; a string marked no-python-format is not.
        if "%" not in english or "no-python-format" in entry.flags:
            continue
        names = set(re.findall(r"%\((\w+)\)", english))
        positional = len(re.findall(r"%[sd]", entry.msgid))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            try:
                formatted(text, names, positional)
            except (KeyError, TypeError, ValueError) as error:
                failing.append((entry.msgid, repr(error)))
    assert failing == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Vos réponses"),
        ("en", "Your answers"),
        ("ar", "إجاباتك"),
        ("ru", "Ваши ответы"),
        ("pt-br", "Suas respostas"),
    ],
)
def test_each_catalogue_loads(language, expected):
    with translation.override(language):
        assert translation.gettext("Your answers") == expected
