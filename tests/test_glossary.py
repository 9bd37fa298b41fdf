"""Each legal term is translated by the one term the glossary fixes (locale/GLOSSARY.md), in
every message of the French catalogue whose English holds it: one word per thing, everywhere."""

import polib
import pytest

from tests.helpers import BASE_DIR

GLOSSARY = BASE_DIR / "locale" / "GLOSSARY.md"


def glossary():
    """English term → the French forms accepted, read from the glossary's table."""
    terms = {}
    for line in GLOSSARY.read_text().splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("English (msgid)", "---"):
            terms[cells[0]] = [form.strip() for form in cells[1].split(" / ")]
    return terms


def french_messages():
    catalogue = polib.pofile(BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.po")
    for entry in catalogue:
        english = f"{entry.msgid} {entry.msgid_plural}"
        french = " ".join([entry.msgstr, *entry.msgstr_plural.values()])
        yield english.lower(), french.lower()


def test_the_glossary_is_read():
    assert len(glossary()) >= 10
    assert glossary()["legal aid"] == ["aide juridictionnelle"]


def without_longer_terms(english, term):
    """The term "administrative court" is not meant inside "administrative court of appeal"."""
    for longer in glossary():
        if term in longer and longer != term:
            english = english.replace(longer, "")
    return english


@pytest.mark.parametrize(("term", "forms"), glossary().items())
def test_each_message_uses_the_glossarys_french_term(term, forms):
    astray = [
        english
        for english, french in french_messages()
        if term in without_longer_terms(english, term)
        and not any(form.lower() in french for form in forms)
    ]
    assert astray == []
