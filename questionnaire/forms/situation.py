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
            "Look for a second decision. It may be on the same paper as the first one. It says "
            "« assignation à résidence » or « placement en rétention administrative »."
        ),
        choices=[
            ("none", _("No, none of these")),
            ("house_arrest", _("Under house arrest (« assignation à résidence »)")),
            ("detention_centre", _("In a detention centre (« centre de rétention », CRA)")),
            ("prison", _("In prison")),
        ],
        hints={
            "house_arrest": _("You must live at one address and go to the police regularly."),
            "detention_centre": _(
                "A closed centre where the police keep foreigners before they leave France."
            ),
        },
    )


class CentreForm(StepForm):
    summary_label = _("Detention centre")

    departement = PlaceField(
        choices=(),
        label=_("Which detention centre are you in?"),
        help_text=_(
            "Its name is on the detention decision (« placement en rétention ») and on the "
            "notices in the centre. Is it not in the list? Choose the last line."
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
            "Under house arrest: choose the département of the address on the house arrest "
            "decision. In prison: choose the département of the prison."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prefecture = self.answer("departement", "departement")
        self.fields["departement"].offer(places.departement_choices(same_territory_as=prefecture))


class RestrictionWithDecisionForm(StepForm):
    summary_label = _("Started before or with the OQTF")

    restriction_with_decision = YesNoField(
        label=_("Did the house arrest, the detention or the prison start before or with the OQTF?"),
        help_text=_(
            "Answer Yes if you received both papers on the same day. Answer Yes also if you "
            "were already held or under house arrest. Answer No if it came later. Compare the "
            "dates after « Fait à …, le … » on both papers."
        ),
    )


class DeparturePeriodForm(StepForm):
    summary_label = _("Time to leave")

    departure_period = RadioField(
        label=_("Does the decision give you time to leave France?"),
        help_text=_(
            "Look at the articles at the end of the decision (« Article 1er », « Article 2 »…)."
        ),
        choices=[
            ("given", _("Yes, I have time to leave (usually 30 days)")),
            ("none", _("No, I must leave at once")),
            ("withdrawn", _("I had time, but a later decision took it away")),
            ("unknown", I_DONT_KNOW),
        ],
        hints={
            "given": _("The decision says « délai de départ volontaire de trente jours »."),
            "none": _(
                "The decision says « sans délai » or « refus d'un délai de départ volontaire »."
            ),
        },
    )


class GroundForm(StepForm):
    summary_label = _("Reason given")

    ground = RadioField(
        label=_("What reason does the decision give?"),
        help_text=_(
            "Look for « article L. 611-1 » in the first paragraphs. A number from 1° to 6° "
            "follows it."
        ),
        choices=[
            ("irregular_entry", _("You entered France without a valid visa or permit (1°)")),
            ("overstay", _("You stayed after the end of your visa or permit (2°)")),
            (
                "permit_refused",
                _("The prefecture refused, took back or did not renew your residence permit (3°)"),
            ),
            ("asylum_refused", _("Your asylum request was finally refused (4°)")),
            ("public_order", _("The prefecture says you are a danger to public order (5°)")),
            ("unauthorised_work", _("You worked without permission (6°)")),
            ("unknown", I_DONT_KNOW),
        ],
    )


class NotifiedByForm(StepForm):
    summary_label = _("How you received it")

    notified_by = RadioField(
        label=_("How did you receive the decision?"),
        help_text=_(
            "By hand: you signed a paper called « notification ». By post: you received a "
            "registered letter, or a notice that a letter was waiting (« avis de passage »)."
        ),
        choices=[
            ("hand", _("Someone gave it to me by hand")),
            ("post", _("By registered letter")),
            ("unknown", I_DONT_KNOW),
        ],
        hints={
            "hand": _("At the prefecture, from the police, in prison or in a detention centre."),
            "post": _("« Lettre recommandée avec accusé de réception »."),
        },
    )


class NotifiedOnForm(StepForm):
    summary_label = _("Day you received it")
    not_before = NotBefore(
        ("decided_on",), _("This day is before the date written on the decision.")
    )

    notified_on = DateOrUnknownField(
        label=_("On what day did you receive the decision?"),
        help_text=_(
            "By hand: give the date on the paper you signed. By post: give the date on the "
            "« avis de passage », the first time the postman came. No notice? Give the day you "
            "collected the letter."
        ),
    )


class NotifiedAtForm(StepForm):
    summary_label = _("Time you received it")

    notified_at = TimeOrUnknownField(
        label=_("At what time did you receive it?"),
        help_text=_(
            "The time is on the paper you signed (« notifié le … à … h … »). It matters here: "
            "your deadline counts in hours."
        ),
    )


class RestrictionNotifiedOnForm(StepForm):
    summary_label = _("Day you received the house arrest or detention decision")
    # From the day the decision was received; when that day is not known, from its date.
    not_before = NotBefore(
        ("notified_on", "decided_on"), _("This day is before the day you received the decision.")
    )

    restriction_notified_on = DateOrUnknownField(
        label=_("On what day did you receive the house arrest or detention decision?"),
        help_text=_(
            "Give the date on the paper you signed for this decision. In prison: give the day "
            "you entered prison."
        ),
    )


class RestrictionNotifiedAtForm(StepForm):
    summary_label = _("Time you received it")

    restriction_notified_at = TimeOrUnknownField(
        label=_("At what time did you receive it?"),
        help_text=_(
            "The time is on the paper you signed (« notifié le … à … h … »). It matters here: "
            "your deadline counts in hours."
        ),
    )


class AppealAlreadyFiledForm(StepForm):
    summary_label = _("Appeal already filed")

    appeal_already_filed = YesNoField(
        label=_("Have you already asked the court to cancel this decision?"),
        help_text=_(
            "This request is an appeal (« recours »). It goes to the administrative court "
            "(« tribunal administratif »): the court that judges the prefecture's decisions. "
            "You, a lawyer or an association may have sent it. You then have a receipt or a "
            "case number."
        ),
    )
