"""The outcome and the questions stay readable for someone who reads French or English as a
second language: short sentences, few long words, measured on each catalogue.

The measure is LIX's two parts: the mean number of words per sentence and the share of words of
more than six letters. Legal terms kept in French (tribunal administratif, aide juridictionnelle…)
count like any other words. The bounds are the values of the plain-language texts with a small
margin, so that the texts cannot drift back to long sentences unnoticed.
"""

import re

import polib
import pytest

from tests.helpers import BASE_DIR

# Where the outcome's and the questions' words come from.
OUTCOME = (
    "rules/templates/rules/outcome",
    "rules/texts.py",
    "questionnaire/templates/questionnaire/_outcome.html",
)
QUESTIONS = ("questionnaire/forms/",)
MEAN_WORDS_PER_SENTENCE = 15
LONGEST_SENTENCE = 40
LONG_WORD_SHARE = {"fr": 0.25, "en": 0.20}

TAG = re.compile(r"<[^>]+>")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def messages(language, sources):
    """The translated messages of a catalogue whose msgid comes from one of these files."""
    catalogue = polib.pofile(BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po")
    for entry in catalogue:
        if any(path.startswith(sources) for path, _line in entry.occurrences):
            yield entry.msgstr_plural[1] if entry.msgid_plural else entry.msgstr


def sentences(text):
    plain = PLACEHOLDER.sub("X", TAG.sub("", text))
    for sentence in SENTENCE_END.split(plain):
        words = WORD.findall(sentence)
        if words:
            yield words


def measure(language, sources):
    found = [words for text in messages(language, sources) for words in sentences(text)]
    words = [word for sentence in found for word in sentence]
    return {
        "sentences": len(found),
        "mean_words": len(words) / len(found),
        "longest": max(found, key=len),
        "long_word_share": sum(len(word) > 6 for word in words) / len(words),
    }


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("sources", [OUTCOME, QUESTIONS], ids=["outcome", "questions"])
def test_sentences_are_short_and_words_mostly_short(language, sources):
    found = measure(language, sources)
    assert found["sentences"] > 50, "the measure must read the texts it is meant to bound"
    assert found["mean_words"] <= MEAN_WORDS_PER_SENTENCE
    assert len(found["longest"]) <= LONGEST_SENTENCE, " ".join(found["longest"])
    assert found["long_word_share"] <= LONG_WORD_SHARE[language]


def test_the_measure_counts_sentences_and_long_words():
    text = (
        "Déposez votre recours au tribunal administratif. <strong>Vite</strong> : %(days)s jours!"
    )
    found = list(sentences(text))
    assert found == [
        ["Déposez", "votre", "recours", "au", "tribunal", "administratif"],
        ["Vite", "X", "jours"],
    ]
