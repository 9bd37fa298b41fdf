"""Which rules apply (LAW.md §1), on both sides of every date boundary; what is out of scope.

Answers go in and the JSON outcome comes out at a frozen "now" (`outcome` in tests/helpers.py),
as in the other outcome tests: test_oqtf.py, test_expulsion.py and test_protection.py.
"""

import pytest

from tests.helpers import EXPULSION, OQTF, outcome

# fmt: off
OQTF_REGIMES = [
    # decided on, regime
    pytest.param("2021-04-30", "out_of_scope", id="OQTF taken 30 Apr 2021: out of scope"),
    pytest.param("2021-05-01", "oqtf-2021", id="OQTF taken 1 May 2021: oqtf-2021"),
    pytest.param("2024-01-27", "oqtf-2021", id="OQTF taken 27 Jan 2024: still oqtf-2021"),
    pytest.param("2024-01-28", "oqtf-2024-01", id="OQTF taken 28 Jan 2024: oqtf-2024-01"),
    pytest.param("2024-07-14", "oqtf-2024-01", id="OQTF taken 14 Jul 2024: still oqtf-2024-01"),
    pytest.param("2024-07-15", "oqtf-2024-07", id="OQTF taken 15 Jul 2024: oqtf-2024-07"),
    pytest.param("2026-06-07", "oqtf-2024-07",
        id="OQTF taken 7 Jun 2026 (EU Pact decrees): stays in oqtf-2024-07"),
]
# fmt: on


@pytest.mark.parametrize(("decided_on", "regime"), OQTF_REGIMES)
def test_an_oqtf_is_judged_under_the_law_of_the_day_it_was_taken(decided_on, regime):
    found = outcome(OQTF, {"decided_on": decided_on, "notified_on": decided_on})
    assert found["regime"] == regime


# fmt: off
EXPULSION_REGIMES = [
    pytest.param("2021-04-30", "out_of_scope",
        id="expulsion ordered 30 Apr 2021: old numbering, out of scope"),
    pytest.param("2021-05-01", "expulsion-2021", id="expulsion ordered 1 May 2021: expulsion-2021"),
    pytest.param("2024-01-27", "expulsion-2021",
        id="expulsion ordered 27 Jan 2024: still expulsion-2021"),
    pytest.param("2024-01-28", "expulsion-2024", id="expulsion ordered 28 Jan 2024: 2024 rules"),
    pytest.param("2024-07-15", "expulsion-2024",
        id="expulsion ordered 15 Jul 2024: expulsion-2024, no new regime"),
]
# fmt: on


@pytest.mark.parametrize(("decided_on", "regime"), EXPULSION_REGIMES)
def test_an_expulsion_order_is_judged_under_the_law_of_the_day_it_was_taken(decided_on, regime):
    found = outcome(EXPULSION, {"decided_on": decided_on, "notified_on": decided_on})
    assert found["regime"] == regime


def test_the_notification_date_does_not_pick_the_regime():
    """LAW.md §1: "judged under the law in force on the day it was taken"."""
    found = outcome(OQTF, {"decided_on": "2024-07-14", "notified_on": "2024-07-16"})
    assert found["regime"] == "oqtf-2024-01"


# fmt: off
OUT_OF_SCOPE = [
    # base, answers, reason, warnings
    pytest.param(OQTF, {"decided_on": "2025-05-05", "eu_citizen": True}, "eu_citizen",
        ["eu_citizen"], id="an EU citizen's OQTF follows other rules (L. 251-1)"),
    pytest.param(EXPULSION, {"decided_on": "2025-05-05", "eu_citizen": True}, "eu_citizen",
        ["eu_citizen"], id="an EU citizen's expulsion follows other rules (L. 251-1)"),
    pytest.param(OQTF, {"decided_on": "2021-03-01", "eu_citizen": True}, "eu_citizen",
        ["eu_citizen"], id="an EU citizen's old OQTF is out of scope as an EU citizen's"),
    pytest.param(OQTF, {"decided_on": "2025-05-05", "territory": "other_collectivity"},
        "other_collectivity", [], id="an OQTF in New Caledonia: CESEDA does not apply"),
    pytest.param(OQTF, {"decided_on": "2025-05-05", "territory": None, "departement": "NC"},
        "other_collectivity", [], id="an OQTF from the haut-commissariat of New Caledonia"),
    pytest.param(EXPULSION, {"decided_on": "2025-05-05", "territory": "other_collectivity"},
        "other_collectivity", [], id="an expulsion in Wallis-et-Futuna: CESEDA does not apply"),
    pytest.param(EXPULSION, {"decided_on": "2025-05-05", "territory": "abroad",
                             "former_territory": "other_collectivity"},
        "other_collectivity", [], id="an expulsion of a person who lived in Polynesia, now abroad"),
    pytest.param(EXPULSION, {"decided_on": "2025-05-05", "territory": "abroad",
                             "departement": "PF"},
        "other_collectivity", [], id="the same, the former place given as a code"),
    pytest.param(OQTF, {"decided_on": "2021-04-30"}, "before_2021", [],
        id="an OQTF taken before 1 May 2021"),
]
# fmt: on


@pytest.mark.parametrize(("base", "answers", "reason", "warnings"), OUT_OF_SCOPE)
def test_what_the_app_does_not_cover_is_out_of_scope_with_the_reason(
    base, answers, reason, warnings
):
    found = outcome(base, answers)
    assert found["regime"] == "out_of_scope"
    assert found["out_of_scope_reason"] == reason
    assert found["warnings"] == warnings
    assert found["appeal"]["deadline"] is None


def test_an_eu_citizen_answering_false_is_in_scope():
    assert outcome(OQTF, {"decided_on": "2025-05-05"})["regime"] == "oqtf-2024-07"


# LAW.md §1 and §7.1: "OQTF decided **or** notified from 2026-06-07" carries `pact_2026`.
# fmt: off
PACT_2026 = [
    # answers, warned
    pytest.param({"decided_on": "2026-06-06", "notified_on": "2026-06-06"}, False,
        id="decided and notified 6 Jun 2026: no pact_2026 warning"),
    pytest.param({"decided_on": "2026-06-06", "notified_on": "2026-06-07"}, True,
        id="decided 6 Jun, notified 7 Jun 2026: pact_2026"),
    pytest.param({"decided_on": "2026-06-07", "notified_on": "2026-06-07"}, True,
        id="decided and notified 7 Jun 2026: pact_2026"),
    pytest.param({"decided_on": "2025-06-07", "notified_on": "2025-06-09"}, False,
        id="decided and notified in June 2025: no pact_2026 warning"),
    # LAW.md §8.3: an unknown notification day is the decision day, for the pact as for the count.
    pytest.param({"decided_on": "2026-06-06", "notified_on": "unknown"}, False,
        id="decided 6 Jun 2026, notification day unknown: counted from 6 Jun, no pact_2026"),
    pytest.param({"decided_on": "2026-06-07", "notified_on": "unknown"}, True,
        id="decided 7 Jun 2026, notification day unknown: pact_2026"),
    pytest.param({"decided_on": "2023-03-01", "notified_on": "unknown"}, False,
        id="decided in 2023, notification day unknown: no pact_2026"),
    pytest.param({"decided_on": "2026-06-06", "notified_on": "2026-06-06",
                  "restriction": "detention_centre", "notified_at": "10:00"}, False,
        id="in a CRA, decided and notified 6 Jun 2026: no pact_2026 warning"),
    pytest.param({"decided_on": "2026-06-07", "notified_on": "2026-06-07",
                  "restriction": "detention_centre", "notified_at": "10:00"}, True,
        id="in a CRA, decided and notified 7 Jun 2026: pact_2026"),
    pytest.param({"decided_on": "2026-06-07", "notified_on": "2026-06-07",
                  "territory": "guyane"}, True,
        id="in Guyane, decided and notified 7 Jun 2026: pact_2026"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "warned"), PACT_2026)
def test_the_june_2026_decrees_warn_on_every_oqtf_decided_or_notified_from_7_june(answers, warned):
    found = outcome(OQTF, answers)
    assert ("pact_2026" in found["warnings"]) is warned


def test_the_pact_warning_comes_above_the_deadline_and_the_deadline_is_the_verified_one():
    """LAW.md rules for the app, exception (1): the verified deadline, the warning above it."""
    found = outcome(OQTF, {"decided_on": "2026-06-08", "notified_on": "2026-06-08"})
    assert found["warnings"][0] == "pact_2026"
    assert found["appeal"]["rule"] == "1_month"
    assert found["appeal"]["deadline"] == "2026-07-09T23:59:00+02:00"


@pytest.mark.parametrize(
    "decided_on",
    [
        pytest.param("2026-06-06", id="expulsion ordered 6 Jun 2026"),
        pytest.param("2026-06-07", id="expulsion ordered 7 Jun 2026"),
    ],
)
def test_the_pact_warning_is_for_oqtf_only(decided_on):
    found = outcome(EXPULSION, {"decided_on": decided_on, "notified_on": decided_on})
    assert "pact_2026" not in found["warnings"]


# fmt: off
SOURCES = [
    pytest.param(OQTF, "2021-05-01", "ordonnance n° 2020-1733",
        id="oqtf-2021 cites the 2020 recodification"),
    pytest.param(OQTF, "2024-01-28", "loi n° 2024-42 du 26 janvier 2024, art. 35 et 37",
        id="oqtf-2024-01 cites loi 2024-42 art. 37"),
    pytest.param(OQTF, "2024-07-15", "décret n° 2024-799", id="oqtf-2024-07 cites décret 2024-799"),
    pytest.param(EXPULSION, "2024-01-28", "loi n° 2024-42 du 26 janvier 2024, art. 35 et 37",
        id="expulsion-2024 cites loi 2024-42 art. 35"),
]
# fmt: on


@pytest.mark.parametrize(("base", "decided_on", "cited"), SOURCES)
def test_the_outcome_cites_the_regime_it_comes_from(base, decided_on, cited):
    found = outcome(base, {"decided_on": decided_on, "notified_on": decided_on})
    assert any(cited in source for source in found["sources"]), found["sources"]
