"""The appeal page's words for the decisions and grounds, in the page's language, each with the
French term beside it: the person reads the paper in French. The request itself is in French
(appeal/document.py)."""

from django.utils.translation import gettext_lazy as _

DECISIONS = {
    "permit_refusal": _("Refusal of a residence permit (refus de titre de séjour)"),
    "oqtf": _("Obligation to leave France (obligation de quitter le territoire français)"),
    "departure_period": _(
        "No time to leave, or time cut short (décision relative au délai de départ volontaire)"
    ),
    "country_of_return": _("The country you would be sent to (pays de renvoi)"),
    "reentry_ban": _("Ban on returning to France (interdiction de retour, IRTF)"),
    "house_arrest": _("House arrest (assignation à résidence)"),
    "expulsion_order": _("Expulsion order (arrêté d'expulsion)"),
}

# Each ground: a short label, then one sentence that says when to tick it.
GROUNDS = {
    "incompetent_signatory": (
        _("The signer may not have had the power to sign (incompétence du signataire)"),
        _("Tick it in any case if unsure: a lawyer checks who was allowed to sign."),
    ),
    "insufficient_reasons": (
        _("The decision does not explain your own situation (défaut de motivation)"),
        _("It uses stock phrases, or wrong names or facts."),
    ),
    "not_heard": (
        _("You could not explain your situation before the decision (droit d'être entendu)"),
        _("You had information that could have changed the decision."),
    ),
    "expulsion_board_irregular": (
        _("The expulsion board's procedure was not followed (procédure de la commission)"),
        _("You were not properly summoned, told your rights, or given its opinion."),
    ),
    "no_examination": (
        _("Your situation was not examined (défaut d'examen)"),
        _("Your years in France, your ties or humanitarian reasons were not looked at."),
    ),
    "fact_or_law_error": (
        _("A fact or the law is wrong in the decision (erreur de fait ou de droit)"),
        _("For example your date of entry, family situation or nationality."),
    ),
    "minor": (
        _("You are under 18 (mineur)"),
        _("No obligation to leave France may be taken against a minor."),
    ),
    "protected_category_oqtf": (
        _("The law protects you (catégorie protégée)"),
        _("Your result says that the law protected you on the day of the decision."),
    ),
    "protected_category_expulsion": (
        _("The law protects you (catégorie protégée)"),
        _("Your result says that you belong to a protected category."),
    ),
    "private_family_life": (
        _("Your private and family life in France (vie privée et familiale)"),
        _("Partner, children, years in France, work: the decision harms them too much."),
    ),
    "child_interest": (
        _("Your child's interest (intérêt supérieur de l'enfant)"),
        _("The decision affects your child, and the child's interest was not put first."),
    ),
    "risks_on_return": (
        _("Danger in the country of return (risques en cas de retour)"),
        _("You would face a real risk of death, torture or inhuman treatment there."),
    ),
    "health": (
        _("Your health (état de santé)"),
        _("You need care that you could not really get in the country of return."),
    ),
    "asylum_pending": (
        _("Your asylum claim is still pending (demande d'asile en cours)"),
        _("Your claim or your appeal to the asylum court (CNDA) is not decided yet."),
    ),
    "permit_refusal_illegal": (
        _("The permit refusal is itself illegal (illégalité du refus de séjour)"),
        _("For example, you meet the conditions for a residence permit."),
    ),
    "no_flight_risk": (
        _("No reason to refuse you time to leave (pas de risque de fuite)"),
        _("You have a passport, a stable address, no earlier order, no threat to order."),
    ),
    "reentry_ban_disproportionate": (
        _("The ban on returning is too harsh (interdiction de retour disproportionnée)"),
        _("It ignores your years in France, your ties or your situation, or is too long."),
    ),
    "house_arrest_disproportionate": (
        _("The house arrest is too harsh (assignation disproportionnée)"),
        _("The reporting duties do not fit your work, children or distance."),
    ),
    "expulsion_no_threat": (
        _("You are not a serious, current threat (pas de menace grave et actuelle)"),
        _("Old convictions alone are not enough to expel someone."),
    ),
}

LEGALITY = {
    "external": _("About the form of the decision (légalité externe)"),
    "internal": _("About its substance (légalité interne)"),
}
