"""Each legal term is translated by the one term the glossary fixes (locale/GLOSSARY.md), in
every message of each catalogue whose English holds it: one word per thing, everywhere."""

import polib
import pytest

from tests.helpers import BASE_DIR

GLOSSARY = BASE_DIR / "locale" / "GLOSSARY.md"
LANGUAGES = ("fr", "ar", "fa", "ps", "ru", "ht", "pt_BR")


def cells(line):
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def glossaries():
    """Catalogue directory → {English term → the forms accepted}, read from each table, whose
    second heading names the catalogue."""
    tables, language = {}, None
    for line in GLOSSARY.read_text().splitlines():
        if not line.startswith("|"):
            language = None
            continue
        row = cells(line)
        if row[0] == "English (msgid)":
            language = row[1]
            tables[language] = {}
        elif language and row[0] != "---":
            tables[language][row[0]] = [form.strip().lower() for form in row[1].split(" / ")]
    return tables


def messages(language):
    """(English, translation) of each message of a catalogue, in lower case."""
    catalogue = polib.pofile(BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po")
    for entry in catalogue:
        english = f"{entry.msgid} {entry.msgid_plural}"
        translated = " ".join([entry.msgstr, *entry.msgstr_plural.values()])
        yield english.lower(), translated.lower()


def without_longer_terms(english, term, terms):
    """The term "administrative court" is not meant inside "administrative court of appeal"."""
    for longer in terms:
        if term in longer and longer != term:
            english = english.replace(longer, "")
    return english


def test_the_glossary_has_a_table_for_each_catalogue_with_the_same_terms():
    tables = glossaries()
    assert sorted(tables) == sorted(LANGUAGES)
    assert tables["fr"]["legal aid"] == ["aide juridictionnelle"]
    for language in LANGUAGES:
        assert tables[language].keys() == tables["fr"].keys(), language


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_message_uses_the_glossarys_term(language):
    terms = glossaries()[language]
    astray = [
        (term, english)
        for english, translated in messages(language)
        for term, forms in terms.items()
        if term in without_longer_terms(english, term, terms)
        and not any(form in translated for form in forms)
    ]
    assert astray == []
