"""Which questions are asked, branch by branch, and what the walk through stored answers finds."""

import pytest

from questionnaire import steps
from questionnaire.progress import POSITION, settled_steps, walk
from questionnaire.rules_data import rules_data
from tests.helpers import EXPULSION_BY_PREFECT, NOW, progress_of, stored_from

OQTF_PARIS = {
    "measure": "oqtf",
    "eu_citizen": "false",
    "departement": "75",
    "decided_on": "2025-03-10",
    "restriction": "none",
    "departure_period": "given",
    "ground": "permit_refused",
    "notified_by": "hand",
    "notified_on": "2025-03-10",
    "age_under_18": "false",
    "ties": [],
}
OQTF_PARIS_STEPS = [
    "measure",
    "eu_citizen",
    "departement",
    "decided_on",
    "notified_by",
    "notified_on",
    "restriction",
    "departure_period",
    "ground",
    "age_under_18",
    "ties",
]


def in_cra(**changes):
    return {
        **OQTF_PARIS,
        "decided_on": "2026-11-20",
        "notified_on": "2026-11-20",
        "restriction": "detention_centre",
        "centre": "paris-1",
        "restriction_with_decision": "true",
        "departure_period": "none",
        "appeal_already_filed": "false",
        **changes,
    }


BRANCHES = [
    pytest.param(OQTF_PARIS, OQTF_PARIS_STEPS, id="an OQTF for a free person asks 11 questions"),
    pytest.param(
        {"measure": "oqtf", "eu_citizen": "true"},
        ["measure", "eu_citizen"],
        id="an EU citizen is asked nothing more",
    ),
    pytest.param(
        {**OQTF_PARIS, "departement": "NC"},
        ["measure", "eu_citizen", "departement", "decided_on"],
        id="a decision in New Caledonia stops after its date",
    ),
    pytest.param(
        {**OQTF_PARIS, "decided_on": "2021-03-01", "notified_on": "2021-03-02"},
        ["measure", "eu_citizen", "departement", "decided_on"],
        id="a decision before May 2021 stops after its date",
    ),
    pytest.param(
        in_cra(notified_at="16:10"),
        [
            *OQTF_PARIS_STEPS[:7],
            "centre",
            "restriction_with_decision",
            *OQTF_PARIS_STEPS[7:9],
            "notified_at",
            "appeal_already_filed",
            *OQTF_PARIS_STEPS[9:],
        ],
        id="in a detention centre since the decision the time is asked",
    ),
    pytest.param(
        in_cra(notified_on="unknown"),
        [
            *OQTF_PARIS_STEPS[:7],
            "centre",
            "restriction_with_decision",
            *OQTF_PARIS_STEPS[7:9],
            "appeal_already_filed",
            *OQTF_PARIS_STEPS[9:],
        ],
        id="an unknown notification day is not followed by its time",
    ),
    pytest.param(
        in_cra(
            restriction_with_decision="false",
            restriction_notified_on="2026-11-25",
            restriction_notified_at="unknown",
        ),
        [
            *OQTF_PARIS_STEPS[:7],
            "centre",
            "restriction_with_decision",
            *OQTF_PARIS_STEPS[7:9],
            "restriction_notified_on",
            "restriction_notified_at",
            "appeal_already_filed",
            *OQTF_PARIS_STEPS[9:],
        ],
        id="a detention after the OQTF asks when it began, to the hour",
    ),
    pytest.param(
        in_cra(
            restriction="house_arrest",
            centre=None,
            held_in="69",
            restriction_with_decision="false",
            restriction_notified_on="2026-11-25",
        ),
        [
            *OQTF_PARIS_STEPS[:7],
            "held_in",
            "restriction_with_decision",
            *OQTF_PARIS_STEPS[7:9],
            "restriction_notified_on",
            "appeal_already_filed",
            *OQTF_PARIS_STEPS[9:],
        ],
        id="a house arrest after the OQTF asks its day but not its time (7 days)",
    ),
    pytest.param(
        in_cra(departement="971", centre="guadeloupe"),
        [
            *OQTF_PARIS_STEPS[:7],
            "centre",
            "restriction_with_decision",
            *OQTF_PARIS_STEPS[7:9],
            "appeal_already_filed",
            *OQTF_PARIS_STEPS[9:],
        ],
        id="in Guadeloupe the deadline is in months and the time is not asked",
    ),
    pytest.param(
        {
            **OQTF_PARIS,
            "decided_on": "2023-02-10",
            "notified_on": "2023-02-10",
            "departure_period": "none",
            "notified_at": "14:00",
        },
        [*OQTF_PARIS_STEPS[:9], "notified_at", *OQTF_PARIS_STEPS[9:]],
        id="before July 2024 without a period the time is asked (48 hours)",
    ),
    pytest.param(
        {
            **OQTF_PARIS,
            "ties": ["married_foreigner_since_13"],
            "marriage_years": "4",
            "living_together": "true",
        },
        [*OQTF_PARIS_STEPS, "marriage_years", "living_together"],
        id="a marriage to a foreigner asks its length and life together",
    ),
    pytest.param(
        {
            **OQTF_PARIS,
            "ties": ["married_french", "parent_french_child"],
            "marriage_years": "4",
            "living_together": "true",
            "spouse_still_french": "true",
            "child_contribution": "since_birth",
        },
        [
            *OQTF_PARIS_STEPS,
            "marriage_years",
            "living_together",
            "spouse_still_french",
            "child_contribution",
        ],
        id="a French spouse and a French child ask their follow-ups",
    ),
    pytest.param(
        EXPULSION_BY_PREFECT,
        [
            "measure",
            "eu_citizen",
            "expulsion_stage",
            "authority",
            "departement",
            "decided_on",
            "notified_by",
            "notified_on",
            "restriction",
            "age_under_18",
            "ties",
            "conduct",
        ],
        id="an expulsion order asks who signed it and what is held against the person",
    ),
    pytest.param(
        {**EXPULSION_BY_PREFECT, "departement": "abroad", "former_place": "13"},
        [
            "measure",
            "eu_citizen",
            "expulsion_stage",
            "authority",
            "departement",
            "former_place",
            "decided_on",
            "notified_by",
            "notified_on",
            "age_under_18",
            "ties",
            "conduct",
        ],
        id="a prefect's order for a person abroad asks where they lived",
    ),
    pytest.param(
        {**EXPULSION_BY_PREFECT, "authority": "minister", "departement": "abroad"},
        [
            "measure",
            "eu_citizen",
            "expulsion_stage",
            "authority",
            "departement",
            "decided_on",
            "notified_by",
            "notified_on",
            "age_under_18",
            "ties",
            "conduct",
        ],
        id="the minister's order for a person abroad does not ask the former place",
    ),
    pytest.param(
        {
            **EXPULSION_BY_PREFECT,
            "expulsion_stage": "summoned",
            "decided_on": "2026-11-13",
            "summoned_on": "2026-11-16",
        },
        [
            "measure",
            "eu_citizen",
            "expulsion_stage",
            "departement",
            "decided_on",
            "summoned_on",
            "restriction",
            "age_under_18",
            "ties",
            "conduct",
        ],
        id="a summons asks the day it was handed, not how a decision was notified",
    ),
]


@pytest.mark.parametrize(("values", "asked"), BRANCHES)
def test_the_questions_asked_follow_the_answers(frozen_now, values, asked):
    progress = progress_of({k: v for k, v in values.items() if v is not None})
    assert progress.answered == asked
    assert progress.complete
    assert progress.answers is not None


def test_the_first_unanswered_question_is_next(frozen_now):
    values = {k: v for k, v in OQTF_PARIS.items() if k != "ground"}
    progress = progress_of(values)
    assert progress.next_step == "ground"
    assert not progress.complete
    assert "ties" in progress.unsettled


def test_an_invalid_stored_answer_is_next_with_its_form(frozen_now):
    progress = progress_of({**OQTF_PARIS, "notified_on": "2025-03-01"})
    assert progress.next_step == "notified_on"
    assert progress.next_form.errors


def test_answers_of_the_other_measure_are_dropped_at_once(frozen_now):
    progress = progress_of({**OQTF_PARIS, "measure": "expulsion"})
    assert progress.next_step == "expulsion_stage"
    assert {"departure_period", "ground"} <= progress.dropped
    assert "decided_on" in progress.unsettled


def test_a_condition_on_a_missing_answer_keeps_the_later_answer(frozen_now):
    values = {k: v for k, v in OQTF_PARIS.items() if k != "restriction"}
    progress = progress_of({**values, "centre": "paris-1"})
    assert progress.next_step == "restriction"
    assert "centre" in progress.unsettled
    assert "centre" not in progress.dropped


def findings(progress):
    return (
        progress.cleaned,
        progress.next_step,
        progress.dropped,
        progress.unsettled,
        progress.answers,
        progress.rules_errors,
    )


CHANGES = [
    pytest.param(OQTF_PARIS, "restriction", "detention_centre", id="a new branch after the change"),
    pytest.param(OQTF_PARIS, "measure", "expulsion", id="the first answer changed"),
    pytest.param(OQTF_PARIS, "notified_on", "2025-03-01", id="the new answer does not fit"),
    pytest.param(EXPULSION_BY_PREFECT, "ties", ["married_french"], id="questions added at the end"),
]


@pytest.mark.parametrize(("values", "step", "answer"), CHANGES)
def test_walking_on_from_a_changed_answer_finds_what_a_whole_walk_finds(
    frozen_now, values, step, answer
):
    earlier = progress_of(values)
    changed = stored_from({**values, step: answer})
    resumed = walk(changed, NOW, earlier, step)
    assert findings(resumed) == findings(walk(changed, NOW))
    assert list(resumed.forms) == resumed.answered


def test_an_earlier_walk_is_reused_only_up_to_its_first_open_question(frozen_now):
    earlier = progress_of({k: v for k, v in OQTF_PARIS.items() if k != "ground"})
    assert settled_steps(earlier, "ground") == POSITION["ground"]
    assert settled_steps(earlier, "ties") == 0
    assert settled_steps(earlier, "no_such_step") == 0


def test_the_rules_get_the_detention_centre_as_the_place_of_the_court(frozen_now):
    progress = progress_of(in_cra(notified_at="16:10"))
    data = rules_data(progress.answer())
    assert data["departement"] == "paris-1"
    assert data["territory"] == "metropole"
    assert data["decided_on"] == "2026-11-20"
    assert data["ties"] == []


def test_the_rules_get_the_prefecture_for_another_detention_place(frozen_now):
    progress = progress_of(in_cra(centre="other", notified_at="16:10"))
    assert rules_data(progress.answer())["departement"] == "75"


def test_the_rules_get_the_former_home_of_a_person_abroad(frozen_now):
    values = {**EXPULSION_BY_PREFECT, "departement": "abroad", "former_place": "67"}
    data = rules_data(progress_of(values).answer())
    assert data["territory"] == "abroad"
    assert data["former_territory"] == "alsace_moselle"
    assert data["departement"] == "67"


def test_a_place_held_is_offered_in_the_prefecture_territory_only(frozen_now):
    from questionnaire.places import centre_choices, departement_choices

    assert [code for code, _ in centre_choices("971")] == ["guadeloupe"]
    assert "metz" in [code for code, _ in centre_choices("75")]
    codes = [code for code, _ in departement_choices(same_territory_as="973")]
    assert codes == ["973"]


def test_every_step_has_a_form_and_a_condition():
    names = [step.name for step in steps.STEPS]
    assert len(names) == len(set(names))
    assert all(callable(step.asked) for step in steps.STEPS)


def test_the_questions_of_a_page_follow_each_other_and_each_step_has_one_page():
    names = [step.name for step in steps.STEPS]
    for group in steps.GROUPS:
        start = names.index(group[0])
        assert tuple(names[start : start + len(group)]) == group
    assert sorted(steps.PAGE_OF) == sorted(names)
    assert all(steps.PAGE_OF[page] == page for page in steps.PAGES)


def test_every_note_of_a_detention_centre_is_a_place_or_has_words_in_both_languages():
    from questionnaire.places import CENTRE_NOTES, PLACE_NOTES, centre_note
    from rules.engine import courts

    notes = {centre_note(name) for _code, name, _departement in courts.detention_centres()}
    assert notes - {None} <= set(CENTRE_NOTES) | PLACE_NOTES
