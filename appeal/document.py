"""The request itself, in French, as a list of blocks: the page, the .docx and the API all lay out
these same blocks, so that each holds the same text.

No Django here: the words are French whatever the page's language (the court reads French), and
the legal values come from the rules (rules.engine.appeal_request, rules/law/appeal/).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from rules.engine import appeal_request as rq
from rules.engine.model import Outcome

# Blocks, by kind: how the page and the .docx set them.
TITLE, SUBTITLE, HEADING, PARAGRAPH, ITEM, EXHIBIT, SIGNATURE = (
    "title",
    "subtitle",
    "heading",
    "paragraph",
    "item",  # a line of a list, after a dash
    "exhibit",  # a numbered document to attach
    "signature",
)
WHERE = {
    "detention_centre": "retenu(e) au lieu suivant",
    "prison": "détenu(e) à l'établissement suivant",
}
LEGAL_AID_FORM = "formulaire de demande d'aide juridictionnelle (Cerfa n° 16146), s'il est rempli"
TIES_PROOFS = (
    "justificatifs de mes liens en France (actes de naissance ou de mariage, scolarité des "
    "enfants, bail, fiches de paie, attestations)"
)


LEGALITY_HEADINGS = (
    (rq.EXTERNAL, "Sur la légalité externe"),
    (rq.INTERNAL, "Sur la légalité interne"),
)


@dataclass(frozen=True)
class Person:
    family_name: str
    given_name: str
    birth_date: date
    nationality: str
    address: str
    interpreter_language: str = ""


@dataclass(frozen=True)
class Block:
    kind: str
    text: str


@dataclass(frozen=True)
class Document:
    kind: str  # "annulment" or "referee"
    blocks: tuple[Block, ...]

    def text(self) -> str:
        """The document as plain text, a blank line between blocks."""
        lines = []
        for block in self.blocks:
            prefix = "– " if block.kind == ITEM else ""
            lines.append(prefix + block.text)
        return "\n\n".join(lines)


@dataclass(frozen=True)
class Request:
    """What the person asks: the decisions and grounds ticked, in the rules' order."""

    outcome: Outcome
    procedure: rq.Procedure
    person: Person
    decisions: tuple[rq.Choice, ...]
    grounds: tuple[rq.Choice, ...]
    today: date

    @property
    def court_name(self) -> str:
        court = self.outcome.appeal.court
        name = court.name if court else "Tribunal administratif"
        return name[:1].lower() + name[1:]


def make_request(
    outcome: Outcome, person: Person, decisions: list[str], grounds: list[str], now: datetime
) -> Request | None:
    """The request for an outcome with a deadline; None without one."""
    procedure = rq.procedure(outcome)
    if procedure is None:
        return None
    court = outcome.appeal.court
    zone = ZoneInfo(court.time_zone) if court else ZoneInfo("Europe/Paris")
    return Request(
        outcome=outcome,
        procedure=procedure,
        person=person,
        decisions=tuple(c for c in rq.decisions_offered(outcome) if c.id in decisions),
        grounds=tuple(c for c in rq.grounds_offered(outcome) if c.id in grounds),
        today=now.astimezone(zone).date(),
    )


def _asks(request: Request) -> str:
    asked = ["d'aide juridictionnelle provisoire", "de désignation d'un avocat d'office"]
    if request.person.interpreter_language:
        asked.append("d'un interprète")
    return "avec demande " + ", ".join(asked[:-1]) + " et " + asked[-1]


def _parties(request: Request) -> list[Block]:
    person = request.person
    return [
        Block(HEADING, "POUR"),
        Block(
            PARAGRAPH,
            f"{person.family_name.upper()} {person.given_name}, né(e) le "
            f"{rq.date_in_words(person.birth_date)}, de nationalité {person.nationality}, "
            f"{WHERE.get(request.outcome.answers.restriction, 'demeurant')} : {person.address}.",
        ),
        Block(HEADING, "CONTRE"),
        Block(PARAGRAPH, _contested(request)),
        *[Block(ITEM, _decision(request, choice)) for choice in request.decisions],
    ]


def _contested(request: Request) -> str:
    outcome = request.outcome
    decided = rq.date_in_words(outcome.answers.decided)
    return (
        f"Les décisions prises par {rq.authority(outcome)} par un arrêté du {decided}, "
        f"qui m'ont été notifiées {rq.notified_words(outcome)} :"
    )


def _decision(request: Request, choice: rq.Choice) -> str:
    """A decision contested; a house arrest notified after the arrêté, with its own date."""
    answers = request.outcome.answers
    later = answers.restriction_notified_on
    if choice.id == "house_arrest" and not answers.restriction_with_decision and later:
        return f"{choice.fr}, notifiée le {rq.date_in_words(later)} ;"
    return f"{choice.fr} ;"


def _grounds(request: Request) -> list[Block]:
    blocks = [Block(HEADING, "DISCUSSION")]
    for kind, heading in LEGALITY_HEADINGS:
        chosen = [c for c in request.grounds if c.legality == kind]
        if chosen:
            blocks.append(Block(SUBTITLE, heading))
            blocks += [Block(PARAGRAPH, f"{c.fr} ({c.source})") for c in chosen]
    if request.procedure.later:
        blocks.append(
            Block(
                PARAGRAPH,
                "Ces moyens, et tout autre, seront développés à l'audience par mon conseil, "
                f"comme le permet l'{request.procedure.later}.",
            )
        )
    return blocks


def _conclusions(request: Request, suspend: bool = False) -> list[Block]:
    verb = "suspendre l'exécution de" if suspend else "annuler"
    judge = "au juge des référés" if suspend else "au tribunal"
    blocks = [Block(HEADING, "PAR CES MOTIFS"), Block(PARAGRAPH, f"Je demande {judge} de :")]
    blocks += [Block(ITEM, f"{verb} {c.fr} ;") for c in request.decisions]
    if not suspend:
        blocks.append(Block(ITEM, injunction(request)))
    blocks.append(Block(ITEM, "m'admettre au bénéfice de l'aide juridictionnelle provisoire ;"))
    blocks.append(Block(ITEM, "me faire désigner un avocat commis d'office ;"))
    language = request.person.interpreter_language
    if language:
        blocks.append(Block(ITEM, f"me faire assister d'un interprète en langue : {language}."))
    return blocks


def injunction(request: Request) -> str:
    # "à le préfet" is written "au préfet".
    to = "à " + rq.authority(request.outcome)
    to = to.replace("à le ", "au ", 1)
    if request.outcome.answers.measure == "expulsion":
        return f"enjoindre {to} de réexaminer ma situation ;"
    return (
        f"enjoindre {to} de réexaminer ma situation et de me munir, dans l'attente, d'une "
        "autorisation provisoire de séjour ;"
    )


def exhibits(request: Request, referee: bool = False) -> tuple[str, ...]:
    """The documents to attach, in the order they are numbered."""
    found = []
    if referee:
        found.append("copie de ma requête en annulation, déposée ou jointe")
    found += [
        "l'arrêté attaqué et sa notification (toutes les pages)",
        "copie de mon passeport ou de ma pièce d'identité, si je l'ai",
    ]
    if request.outcome.answers.ties:
        found.append(TIES_PROOFS)
    found.append(LEGAL_AID_FORM)
    return tuple(found)


def _exhibits(request: Request, referee: bool = False) -> list[Block]:
    listed = exhibits(request, referee)
    return [
        Block(HEADING, "PIÈCES JOINTES"),
        *[
            Block(EXHIBIT, f"{number}. {text[:1].upper()}{text[1:]}")
            for number, text in enumerate(listed, 1)
        ],
    ]


def _signature(request: Request) -> list[Block]:
    return [
        Block(SIGNATURE, f"Fait à ........................, le {rq.date_in_words(request.today)}"),
        Block(SIGNATURE, f"{request.person.given_name} {request.person.family_name.upper()}"),
        Block(SIGNATURE, "Signature :"),
    ]


def _addressee(request: Request) -> Block:
    return Block(PARAGRAPH, f"À Madame ou Monsieur le président du {request.court_name}")


def annulment(request: Request) -> Document:
    """The request to annul the decisions (APPEAL.md §6.3)."""
    procedure = request.procedure
    blocks = [
        Block(TITLE, "REQUÊTE EN ANNULATION"),
        Block(SUBTITLE, f"({procedure.article} — {procedure.name})"),
        Block(SUBTITLE, _asks(request)),
        _addressee(request),
        *_parties(request),
        Block(HEADING, "FAITS"),
        *[Block(PARAGRAPH, sentence) for sentence in rq.facts(request.outcome)],
        *_grounds(request),
        *_conclusions(request),
        *_exhibits(request),
        *_signature(request),
    ]
    return Document("annulment", tuple(blocks))


def urgency(request: Request) -> str:
    if request.outcome.answers.measure == "expulsion":
        return (
            "L'arrêté d'expulsion n'a pas été exécuté et peut l'être à tout moment : l'urgence est "
            "présumée."
        )
    return (
        "Mon recours en annulation ne suspend pas mon éloignement : je peux être éloigné(e) à "
        "tout moment, avant que le tribunal ne statue. L'urgence est caractérisée."
    )


def referee(request: Request) -> Document | None:
    """The separate urgent request where the appeal does not stop the removal (APPEAL.md §5.4):
    liberty first, suspension otherwise."""
    articles = request.procedure.referee
    if articles is None:
        return None
    blocks = [
        Block(TITLE, "RÉFÉRÉ"),
        Block(TITLE, "REQUÊTE EN RÉFÉRÉ-LIBERTÉ ET, À DÉFAUT, EN RÉFÉRÉ-SUSPENSION"),
        Block(SUBTITLE, f"({articles['liberty']} ; {articles['suspension']})"),
        Block(SUBTITLE, _asks(request)),
        Block(PARAGRAPH, f"À Madame ou Monsieur le juge des référés du {request.court_name}"),
        *_parties(request),
        Block(HEADING, "URGENCE"),
        Block(PARAGRAPH, urgency(request)),
        Block(HEADING, "ATTEINTE GRAVE ET MANIFESTEMENT ILLÉGALE, DOUTE SÉRIEUX"),
        Block(
            PARAGRAPH,
            "Pour les motifs exposés dans ma requête en annulation, jointe, les décisions "
            "attaquées portent une atteinte grave et manifestement illégale à ma liberté d'aller "
            "et venir et à mon droit de mener une vie privée et familiale normale ; à tout le "
            "moins, elles font naître un doute sérieux quant à leur légalité.",
        ),
        Block(
            PARAGRAPH,
            "La présente requête est distincte de la requête en annulation "
            f"({articles['separate']}).",
        ),
        *_conclusions(request, suspend=True),
        *_exhibits(request, referee=True),
        *_signature(request),
    ]
    return Document("referee", tuple(blocks))


def documents(request: Request) -> tuple[Document, ...]:
    """The request, then the urgent one where it goes with it."""
    urgent = referee(request)
    return (annulment(request),) if urgent is None else (annulment(request), urgent)
