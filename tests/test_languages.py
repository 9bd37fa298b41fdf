"""The languages beside French: each page says its language and direction, says once that the
French text prevails, offers every language on the same question with the answers kept, keeps the
French legal words beside their translation, writes dates and calendar files in its own words with
Western digits, and keeps French words, places and addresses left to right inside a right-to-left
page (README, "Languages")."""

import html
import re

import polib
import pytest
from django.utils import translation
from icalendar import Calendar

from questionnaire.management.commands.isolate_latin import DATE_FORMAT, isolated
from tests.helpers import (
    BASE_DIR,
    NEW_LANGUAGES,
    PREFIXES,
    RIGHT_TO_LEFT,
    answer_page,
    case,
    walk,
)

PARIS_FREE = case("OQTF 2025, free, Paris - one month, franc")["answers"]
NOT_EU_OQTF = {"measure": ["oqtf"], "eu_citizen": ["false"]}
PREVAILS = (
    "This page is a translation. If it says something different from the French page, "
    "the French page is the one that counts."
)
# The deadline of PARIS_FREE, Friday 11 April 2025, as each language writes it.
DEADLINE_IN_WORDS = {
    "fr": "vendredi 11 avril 2025",
    "en": "Friday 11 April 2025",
    "ar": "الجمعة، 11 إبريل 2025",
    "fa": "جمعه 11 اپریل 2025",
    "ps": "جمعه 11 اپرېل 2025",
    # After "by" (не позже) the day takes the genitive: the weekday, nominative, goes after it.
    "ru": "11 апреля 2025 (пятница)",
    "ht": "vandredi 11 avril 2025",
    "pt-br": "sexta-feira, 11 de abril de 2025",
}
EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
LANGUAGES = pytest.mark.parametrize(("language", "prefix"), PREFIXES.items(), ids=PREFIXES.keys())


def outcome_page(client, prefix):
    _steps, outcome = walk(client, PARIS_FREE, prefix)
    assert outcome.status_code == 200
    return outcome.content.decode()


@LANGUAGES
def test_the_start_page_says_its_language_and_direction(client, frozen_now, language, prefix):
    response = client.get(f"{prefix}/")
    assert response.status_code == 200
    direction = "rtl" if language in RIGHT_TO_LEFT else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in response.content.decode()


def test_the_languages_django_does_not_know_are_declared_with_their_name_and_direction():
    pashto = translation.get_language_info("ps")
    creole = translation.get_language_info("ht")
    assert (pashto["name_local"], pashto["bidi"]) == ("پښتو", True)
    assert (creole["name_local"], creole["bidi"]) == ("Kreyòl ayisyen", False)


@LANGUAGES
def test_a_translated_page_says_once_that_the_french_text_prevails(
    client, frozen_now, language, prefix
):
    with translation.override(language):
        sentence = translation.gettext(PREVAILS)
    for page in (client.get(f"{prefix}/").content.decode(), outcome_page(client, prefix)):
        assert page.count('class="site-footer__prevails"') == (language != "fr")
        if language != "fr":
            assert page.count(sentence) == 1


def test_the_menu_offers_every_language_on_the_same_question_with_the_answers_kept(
    client, frozen_now
):
    answer_page(client, "/questions/measure/", NOT_EU_OQTF)
    page = client.get("/ar/questions/departement/").content.decode()
    for language, prefix in PREFIXES.items():
        link = (
            f'href="{prefix}/questions/departement/" data-prefix="{prefix}" hreflang="{language}"'
        )
        assert link in page
    assert 'hreflang="ar" lang="ar" aria-current="page"' in page
    russian = client.get("/ru/questions/departement/")
    assert russian.status_code == 200
    assert 'name="measure-measure"' not in russian.content.decode()
    assert 'name="departement-departement"' in russian.content.decode()


@LANGUAGES
def test_the_deadline_is_written_in_the_words_of_the_page_language(
    client, frozen_now, language, prefix
):
    page = outcome_page(client, prefix)
    assert DEADLINE_IN_WORDS[language] in page
    assert not EASTERN_DIGITS.search(page)


@LANGUAGES
def test_the_calendar_file_speaks_the_page_language(client, frozen_now, language, prefix):
    walk(client, PARIS_FREE, prefix)
    response = client.get(f"{prefix}/outcome/deadline.ics")
    assert response.status_code == 200
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    with translation.override(language):
        title = translation.gettext("Last moment to file the appeal — %(court)s")
    assert str(event["SUMMARY"]) == title % {"court": "Tribunal administratif de Paris"}
    assert DEADLINE_IN_WORDS[language] in str(event["DESCRIPTION"])


def test_a_run_of_french_words_in_a_right_to_left_sentence_is_set_apart_whole():
    french = "(« commission d'expulsion », COMEX)"
    assert isolated(f"لجنة الطرد {french}.") == f"لجنة الطرد \u2066{french}\u2069."
    # A French sentence alone on a right-to-left page is set apart too, its full stop left out.
    assert isolated("« Lettre recommandée ».") == "\u2066« Lettre recommandée »\u2069."
    # The parenthesis opened by the Arabic words stays with them.
    assert isolated("(مثلاً: Télérecours)") == "(مثلاً: \u2066Télérecours\u2069)"


def test_tags_placeholders_numbers_and_runs_already_set_apart_are_left_as_they_are():
    unchanged = ("requete-recours", "مهلة 30 يوماً", "\u2066(OQTF)\u2069 هنا")
    for text in ('<a href="/droit/">%(court)s</a> هنا', *unchanged):
        assert isolated(text) == text


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_each_right_to_left_catalogue_has_its_french_words_set_apart(language):
    catalogue = polib.pofile(BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po")
    left_as_typed = [
        entry.msgid
        for entry in catalogue
        if entry.msgctxt != DATE_FORMAT
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if isolated(text) != text
    ]
    assert left_as_typed == []
    assert any("\u2066OQTF" in entry.msgstr or "\u2066(OQTF" in entry.msgstr for entry in catalogue)


def test_a_right_to_left_outcome_keeps_french_citations_places_and_addresses_left_to_right(
    client, frozen_now
):
    page = outcome_page(client, "/ar")
    assert '<ul class="sources__list" lang="fr" dir="ltr">' in page
    # An answer isolated in its own direction: "75 – Paris" is not turned into "Paris – 75".
    assert "<bdi>75 – Paris</bdi>" in page
    assert '<bdi dir="ltr">https://paris.tribunal-administratif.fr/</bdi>' in page


def test_on_a_right_to_left_page_each_place_in_a_list_keeps_its_own_direction(client, frozen_now):
    answer_page(client, "/questions/measure/", NOT_EU_OQTF)
    arabic = client.get("/ar/questions/departement/").content.decode()
    french = client.get("/questions/departement/").content.decode()
    assert '<option value="75">\u206875 – Paris\u2069</option>' in arabic
    assert '<option value="75">75 – Paris</option>' in french


# The French words the person finds on the papers and hears at the court, beside the translation.
FRENCH_ON_THE_START_PAGE = (
    "obligation de quitter le territoire français",
    "arrêté d'expulsion",
    "commission d'expulsion",
)
FRENCH_ON_THE_OUTCOME = ("OQTF", "greffe", "aide juridictionnelle", "Tribunal administratif")


@pytest.mark.parametrize("language", NEW_LANGUAGES)
def test_the_legal_terms_keep_their_french_words_beside_the_translation(
    client, frozen_now, language
):
    start = html.unescape(client.get(f"/{language}/").content.decode())
    outcome = html.unescape(outcome_page(client, f"/{language}"))
    assert [term for term in FRENCH_ON_THE_START_PAGE if term not in start] == []
    assert [term for term in FRENCH_ON_THE_OUTCOME if term not in outcome] == []
