"""The appeal's request (requête), from an outcome: which procedure and article its title names,
the decisions it may contest and the grounds it may raise (those the answers already show ticked
in advance), whether the grounds ticked are enough to file it, and its facts in French.

The request is written in French whatever the page's language: the court reads French. The legal
values (articles, grounds and their sources) are dated data in rules/law/appeal/.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from rules.engine import law
from rules.engine.model import ExpulsionDetails, OqtfDetails, Outcome
from rules.engine.oqtf_procedure import RESTRICTED_BEFORE_2024_07

EXTERNAL = "external"
INTERNAL = "internal"
FRENCH_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
# The ties that make a private and family life in France, and the one that means a child.
FAMILY_TIES = frozenset(
    {
        "since_age_13",
        "residence_10y",
        "residence_20y",
        "married_french",
        "married_foreigner_since_13",
        "parent_french_child",
    }
)
CHILD_TIES = frozenset({"parent_french_child"})


def date_in_words(day: date) -> str:
    """A date as a French court reads it: "1er mai 2025", "12 novembre 2026"."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {FRENCH_MONTHS[day.month - 1]} {day.year}"


def time_in_words(at: time) -> str:
    return f"{at.hour} h {at.minute:02d}"


@dataclass(frozen=True)
class Procedure:
    key: str
    article: str  # "article L. 921-2 du CESEDA", for the request's title
    name: str  # the procedure in a few French words
    grounds_later: bool  # grounds of any kind may be added until the instruction closes
    paper_copies: int  # on paper, the request included
    # The article that lets counsel develop the grounds at the hearing, where one does.
    later: str | None
    # Where the appeal does not stop the removal, the articles of the separate urgent request
    # (référé): "liberty", "suspension", "separate".
    referee: dict[str, str] | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Choice:
    """A decision or a ground: its id, its French words, and for a ground its kind and hook."""

    id: str
    fr: str
    legality: str = ""
    settled: bool = True
    source: str = ""


def procedure_key(outcome: Outcome) -> str | None:
    """The procedure the outcome's appeal follows, as keyed in rules/law/appeal/procedures; None
    when the outcome has no deadline to appeal."""
    if outcome.appeal.deadline is None:
        return None
    answers = outcome.answers
    if answers.measure == "expulsion":
        return "expulsion" if isinstance(outcome.details, ExpulsionDetails) else None
    if isinstance(outcome.details, OqtfDetails) and outcome.details.general_law:
        return "oqtf_general_law"
    rule = outcome.appeal.rule
    restricted = (
        answers.restriction in RESTRICTED_BEFORE_2024_07 or answers.departure_period == "withdrawn"
    )
    if rule == "48_hours" and restricted and outcome.regime != "oqtf-2024-07":
        return "48_hours_restricted"
    return rule


def procedure(outcome: Outcome) -> Procedure | None:
    """The procedure of the outcome's appeal, by the rules of the day the decision was taken."""
    key = procedure_key(outcome)
    if key is None:
        return None
    dated = law.required("appeal/procedures", outcome.answers.decided)
    values: dict[str, Any] = dated.value.get(key)
    if values is None:
        return None
    return Procedure(key=key, sources=dated.source, **values)


def _offered(name: str, outcome: Outcome) -> tuple[Choice, ...]:
    """The rows of a table of rules/law/appeal/ for the outcome's measure; none without a deadline
    (a case out of scope has no rules to read)."""
    if procedure_key(outcome) is None:
        return ()
    table: dict[str, dict[str, Any]] = law.required(name, outcome.answers.decided).value
    measure = outcome.answers.measure
    return tuple(
        Choice(
            id=key,
            fr=entry["fr"],
            legality=entry.get("legality", ""),
            settled=entry.get("settled", True),
            source=entry.get("source", ""),
        )
        for key, entry in table.items()
        if measure in entry["measures"]
    )


def decisions_offered(outcome: Outcome) -> tuple[Choice, ...]:
    return _offered("appeal/decisions", outcome)


def grounds_offered(outcome: Outcome) -> tuple[Choice, ...]:
    return _offered("appeal/grounds", outcome)


def decisions_ticked(outcome: Outcome) -> tuple[str, ...]:
    """The decisions the answers say were notified; the person corrects them from the paper."""
    answers = outcome.answers
    ticked = {"country_of_return"}
    if answers.measure == "expulsion":
        ticked.add("expulsion_order")
    else:
        ticked.add("oqtf")
        if answers.ground == "permit_refused":
            ticked.add("permit_refusal")
        # Without a period (or once it is withdrawn) a ban on returning goes with the OQTF.
        if answers.departure_period in ("none", "withdrawn"):
            ticked |= {"departure_period", "reentry_ban"}
    if answers.restriction == "house_arrest":
        ticked.add("house_arrest")
    return tuple(c.id for c in decisions_offered(outcome) if c.id in ticked)


def grounds_ticked(outcome: Outcome) -> tuple[str, ...]:
    """The grounds the answers already show: family ties, a child, a protection, being a minor,
    an asylum claim pending, an illness."""
    answers = outcome.answers
    ticked: set[str] = set()
    if answers.ties & FAMILY_TIES:
        ticked.add("private_family_life")
    if answers.ties & CHILD_TIES:
        ticked.add("child_interest")
    if answers.age_under_18:
        ticked.add("minor")
    if "asylum_pending" in answers.ties:
        ticked.add("asylum_pending")
    if "serious_illness" in answers.ties:
        ticked.add("health")
    categories = set(outcome.protection.categories) - {"minor"}
    if categories:
        ticked.add(f"protected_category_{answers.measure}")
    return tuple(c.id for c in grounds_offered(outcome) if c.id in ticked)


def missing_legality(outcome: Outcome, ticked: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The kinds of ground still missing (external, internal) where the request must raise one of
    each before the deadline (CJA R. 411-1 and Intercopie); none where grounds may come later."""
    found = procedure(outcome)
    if found is None or found.grounds_later:
        return ()
    kinds = {c.legality for c in grounds_offered(outcome) if c.id in ticked and c.settled}
    return tuple(kind for kind in (EXTERNAL, INTERNAL) if kind not in kinds)


def notified_words(outcome: Outcome) -> str:
    """When the decision was notified, in French words, or that the day is not known."""
    answers = outcome.answers
    if answers.notified_on is None:
        return "à une date que je ne connais pas avec certitude"
    words = f"le {date_in_words(answers.notified_on)}"
    if answers.notified_at is not None:
        words += f" à {time_in_words(answers.notified_at)}"
    how = {"hand": " en main propre", "post": " par voie postale"}
    return words + how.get(answers.notified_by, "")


GROUND_FACTS = {
    "permit_refused": "Cette décision fait suite au refus de mon titre de séjour.",
    "asylum_refused": "Cette décision fait suite au rejet de ma demande d'asile.",
    "irregular_entry": "Cette décision me reproche d'être entré(e) irrégulièrement en France.",
    "overstay": "Cette décision me reproche d'être resté(e) en France après l'expiration de mon "
    "visa ou de mon titre.",
    "public_order": "Cette décision invoque une menace pour l'ordre public.",
    "unauthorised_work": "Cette décision me reproche d'avoir travaillé sans autorisation.",
}
PERIOD_FACTS = {
    "given": "Un délai de départ volontaire m'a été accordé.",
    "none": "Aucun délai de départ volontaire ne m'a été accordé.",
    "withdrawn": "Le délai de départ volontaire qui m'avait été accordé m'a été retiré.",
}
RESTRICTION_FACTS = {
    "house_arrest": "Je fais l'objet d'une assignation à résidence.",
    "detention_centre": "Je suis placé(e) en rétention administrative.",
    "prison": "Je suis actuellement détenu(e) dans un établissement pénitentiaire.",
}
TIE_FACTS = {
    "since_age_13": "Je réside habituellement en France depuis l'âge de treize ans au plus.",
    "residence_20y": "Je réside régulièrement en France depuis plus de vingt ans.",
    "residence_10y": "Je réside régulièrement en France depuis plus de dix ans.",
    "married_french": "Je suis marié(e) avec une personne de nationalité française.",
    "married_foreigner_since_13": "Je suis marié(e) avec une personne étrangère qui réside en "
    "France depuis l'âge de treize ans.",
    "parent_french_child": "Je suis parent d'un enfant français mineur résidant en France, à "
    "l'entretien et à l'éducation duquel je contribue.",
    "serious_illness": "Mon état de santé nécessite une prise en charge médicale.",
    "asylum_pending": "Ma demande d'asile est en cours d'examen.",
}


AUTHORITIES = {
    "prefect": "le préfet",
    "paris_police_prefect": "le préfet de police",
    "minister": "le ministre de l'intérieur",
}
PARIS = "75"


def authority(outcome: Outcome) -> str:
    """Who took the decision, as the request names the other party."""
    answers = outcome.answers
    if answers.measure == "expulsion":
        return AUTHORITIES.get(answers.authority, AUTHORITIES["prefect"])
    return AUTHORITIES["paris_police_prefect" if answers.departement == PARIS else "prefect"]


def decision_words(outcome: Outcome) -> str:
    if outcome.answers.measure == "expulsion":
        return "un arrêté d'expulsion"
    return "une obligation de quitter le territoire français"


def facts(outcome: Outcome) -> tuple[str, ...]:
    """Three to eight short French sentences of facts, from the answers only."""
    answers = outcome.answers
    sentences = [
        f"Par un arrêté du {date_in_words(answers.decided)}, {authority(outcome)} a pris à mon "
        f"encontre {decision_words(outcome)}.",
        f"Cette décision m'a été notifiée {notified_words(outcome)}.",
    ]
    if answers.measure == "oqtf":
        sentences.append(GROUND_FACTS.get(answers.ground, ""))
        sentences.append(PERIOD_FACTS.get(answers.departure_period, ""))
    sentences.append(RESTRICTION_FACTS.get(answers.restriction, ""))
    if answers.age_under_18:
        sentences.append("Je suis mineur(e).")
    # The residence ties say much the same: the longest one is enough.
    ties = [tie for tie in TIE_FACTS if tie in answers.ties]
    if "residence_20y" in ties and "residence_10y" in ties:
        ties.remove("residence_10y")
    sentences += [TIE_FACTS[tie] for tie in ties]
    sentences = [sentence for sentence in sentences if sentence]
    if len(sentences) < 3:
        sentences.append("Je conteste ces décisions, qui bouleversent ma situation en France.")
    return tuple(sentences[:8])
