"""Which rules apply: chosen by the date the decision was taken, the measure and the territory."""

from __future__ import annotations

from datetime import date

from rules.engine import law
from rules.engine.answers import Answers

OUT_OF_SCOPE = "out_of_scope"
OTHER_COLLECTIVITY = "other_collectivity"


def out_of_scope_reason(answers: Answers) -> str | None:
    """Why the app cannot answer, or None when it can."""
    if answers.eu_citizen:
        # EU, EEA and Swiss citizens and their families: CESEDA L. 251-1, L. 252-1, L. 252-2.
        return "eu_citizen"
    # The former home counts only for a person now abroad.
    former = answers.former_territory if answers.territory == "abroad" else None
    if OTHER_COLLECTIVITY in (answers.territory, former):
        # Nouvelle-Calédonie, Polynésie française, Wallis-et-Futuna, TAAF: CESEDA does not apply.
        return "other_collectivity"
    if law.value("regimes", answers.decided) is None:
        return "before_2021"
    return None


def regime_id(answers: Answers) -> str:
    if out_of_scope_reason(answers):
        return OUT_OF_SCOPE
    regime: str = law.value("regimes", answers.decided)[answers.measure]
    return regime


def regime_sources(decided_on: date) -> tuple[str, ...]:
    dated = law.in_force("regimes", decided_on)
    return dated.source if dated else ()


def general_law_applies(territory: str, decided_on: date) -> bool:
    """OQTF in the territories where the special appeal procedures do not apply."""
    return territory in (law.value("oqtf/general_law_territories", decided_on) or ())
