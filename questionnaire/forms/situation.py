"""Held or free, what an OQTF says, and how and when the decision reached the person."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from questionnaire import places
from questionnaire.fields import (
    DateOrUnknownField,
    PlaceField,
    RadioField,
    TimeOrUnknownField,
    YesNoField,
)
from questionnaire.forms.base import NotBefore, StepForm

I_DONT_KNOW = _("I don't know")


class RestrictionForm(StepForm):
    summary_label = _("House arrest, detention or prison")

    restriction = RadioField(
        label=_("Are you now under house arrest, in a detention centre, or in prison?"),
        help_text=_(
            "A separate decision says « assignation à résidence » (house arrest) or « placement "
            "en rétention administrative » (detention). It may be on the same paper as the "
            "decision."
        ),
        choices=[
            ("none", _("No, none of these")),
            ("house_arrest", _("Under house arrest")),
            ("detention_centre", _("In a detention centre (CRA)")),
            ("prison", _("In prison")),
        ],
        hints={
            "house_arrest": _("You must stay at an address and report to the police."),
            "detention_centre": _("« Centre de rétention administrative »."),
        },
    )


class CentreForm(StepForm):
    summary_label = _("Detention centre")

    departement = PlaceField(
        choices=(),
        label=_("Which detention centre are you in?"),
        help_text=_(
            "Its name is on the placement decision (« placement en rétention ») and on the "
            "centre's notices. If it is not in the list, choose the last line."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prefecture = self.answer("departement", "departement")
        self.fields["departement"].offer(
            [*places.centre_choices(prefecture), places.other_centre_choice()]
        )


class HeldInForm(StepForm):
    summary_label = _("Where you are")

    departement = PlaceField(
        choices=(),
        label=_("In which département are you?"),
        help_text=_(
            "Under house arrest: the département of the address written on the house arrest "
            "decision. In prison: the département of the prison."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prefecture = self.answer("departement", "departement")
        self.fields["departement"].offer(places.departement_choices(same_territory_as=prefecture))


class RestrictionWithDecisionForm(StepForm):
    summary_label = _("Already decided when you received the OQTF")

    restriction_with_decision = YesNoField(
        label=_(
            "Was the house arrest, the detention or the prison already decided when you "
            "received the OQTF?"
        ),
        help_text=_(
            "Answer yes if you received both on the same day, or if you were already held or "
            "under house arrest. Answer no if it came later: compare the dates after « Fait à …, "
            "le … » on both papers."
        ),
    )


class DeparturePeriodForm(StepForm):
    summary_label = _("Time to leave")

    departure_period = RadioField(
        label=_("Does the decision give you time to leave France?"),
        help_text=_(
            "Look in the articles at the end of the decision (« Article 1er », « Article 2 »…)."
        ),
        choices=[
            ("given", _("Yes, a period to leave (usually 30 days)")),
            ("none", _("No, I must leave without delay")),
            ("withdrawn", _("I had a period, but a later decision removed it")),
            ("unknown", I_DONT_KNOW),
        ],
        hints={
            "given": _("« délai de départ volontaire de trente jours »."),
            "none": _("« sans délai » or « refus d'un délai de départ volontaire »."),
        },
    )


class GroundForm(StepForm):
    summary_label = _("Reason given")

    ground = RadioField(
        label=_("What reason does the decision give?"),
        help_text=_(
            "The decision cites « article L. 611-1 » followed by a number from 1° to 6°, "
            "usually in the first paragraphs."
        ),
        choices=[
            ("irregular_entry", _("You entered France without a valid visa or permit (1°)")),
            ("overstay", _("You stayed after your visa or permit ended (2°)")),
            ("permit_refused", _("A residence permit was refused, withdrawn or not renewed (3°)")),
            ("asylum_refused", _("Your asylum claim was finally rejected (4°)")),
            ("public_order", _("Your behaviour is said to threaten public order (5°)")),
            ("unauthorised_work", _("You worked without permission (6°)")),
            ("unknown", I_DONT_KNOW),
        ],
    )


class NotifiedByForm(StepForm):
    summary_label = _("How you received it")

    notified_by = RadioField(
        label=_("How did you receive the decision?"),
        help_text=_(
            "Handed over: you signed a notification slip (« notification »). By post: you got a "
            "registered letter or a notice that one was waiting (« avis de passage »)."
        ),
        choices=[
            ("hand", _("It was handed to me")),
            ("post", _("By registered letter")),
            ("unknown", I_DONT_KNOW),
        ],
        hints={
            "hand": _("At the prefecture, by the police, in prison or in a detention centre."),
            "post": _("« Lettre recommandée avec accusé de réception »."),
        },
    )


class NotifiedOnForm(StepForm):
    summary_label = _("Day you received it")
    not_before = NotBefore(
        ("decided_on",), _("This day is before the date written on the decision.")
    )

    notified_on = DateOrUnknownField(
        label=_("On what day did you receive it?"),
        help_text=_(
            "Handed over: the date on the notification slip you signed. By post: the date on "
            "the « avis de passage » (the first time the postman came), or the day you collected "
            "the letter if there was no notice."
        ),
    )


class NotifiedAtForm(StepForm):
    summary_label = _("Time you received it")

    notified_at = TimeOrUnknownField(
        label=_("At what time was it handed to you?"),
        help_text=_(
            "The time is on the notification slip (« notifié le … à … h … »). It matters here: "
            "your deadline is counted in hours."
        ),
    )


class RestrictionNotifiedOnForm(StepForm):
    summary_label = _("Day you were told of the house arrest, detention or prison")
    # From the day the decision was received; when that day is not known, from its date.
    not_before = NotBefore(
        ("notified_on", "decided_on"), _("This day is before the day you received the decision.")
    )

    restriction_notified_on = DateOrUnknownField(
        label=_("On what day were you told of the house arrest, the detention or the prison?"),
        help_text=_(
            "The date on the notification of the house arrest or detention decision, or the day "
            "you entered prison."
        ),
    )


class RestrictionNotifiedAtForm(StepForm):
    summary_label = _("Time you were told of it")

    restriction_notified_at = TimeOrUnknownField(
        label=_("At what time were you told of it?"),
        help_text=_(
            "The time is on the notification (« notifié le … à … h … »). It matters here: the "
            "deadline is counted in hours."
        ),
    )


class AppealAlreadyFiledForm(StepForm):
    summary_label = _("Appeal already filed")

    appeal_already_filed = YesNoField(
        label=_("Have you already filed an appeal against this decision at the court?"),
        help_text=_(
            "An appeal (« recours ») to the administrative court, filed by you, a lawyer or the "
            "association in the detention centre. You would have a receipt or a case number."
        ),
    )
