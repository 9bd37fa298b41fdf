"""One small form per step. Each field is named after its question id and posts the spec's values.

A form may read earlier answers through `answer(step, field=None)` to check its own field against
them (a notification cannot come before the decision), so that the error shows on the right step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from questionnaire import places
from questionnaire.fields import (
    CheckboxesField,
    DateField,
    DateOrUnknownField,
    PlaceField,
    RadioField,
    TimeOrUnknownField,
    YearsField,
    YesNoField,
)
from rules import clock
from rules.engine.answers import UNKNOWN

I_DONT_KNOW = _("I don't know")


def nobody_answered(step, field=None):
    return None


@dataclass(frozen=True)
class NotBefore:
    """A date answer cannot come before the first of `earlier` answers that is known."""

    earlier: tuple[str, ...]
    message: str


class StepForm(forms.Form):
    # The question in a few words, for the list of answers above the next question.
    summary_label = None
    # For a date question: the earlier answers it cannot come before, and what to say if it does.
    not_before: NotBefore | None = None

    def __init__(self, *args, answer=nobody_answered, now=None, **kwargs):
        self.answer = answer
        self.now = now or clock.now()
        super().__init__(*args, **kwargs)

    def clean(self):
        self.not_after_today()
        if self.not_before:
            self.not_before_earlier(self.not_before)
        return self.cleaned_data

    def not_after_today(self):
        """A decision, notification or summons cannot be dated after today, the day where the
        decision was taken (LAW.md §8.1): this is a typing error, said next to the field."""
        today = self.now.astimezone(places.time_zone(self.answer("departement", "departement")))
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if isinstance(field, DateField) and isinstance(value, date) and value > today.date():
                message = _("This date is after today: check the year.")
                self.add_error(name, forms.ValidationError(message, code="date_after_today"))

    def not_before_earlier(self, rule: NotBefore):
        known = (self.answer(step) for step in rule.earlier)
        earlier = next((day for day in known if day not in (None, UNKNOWN)), None)
        for name, value in list(self.cleaned_data.items()):
            if earlier and isinstance(value, date) and value < earlier:
                error = forms.ValidationError(rule.message, code="before_earlier_date")
                self.add_error(name, error)

    def add_rules_errors(self, errors):
        """The rules' own checks, (field, message) pairs, said next to the question when its
        answer passed the form's."""
        if errors and self.is_valid():
            for _field, message in errors:
                self.add_error(next(iter(self.fields)), message)


class MeasureForm(StepForm):
    summary_label = _("Decision received")

    measure = RadioField(
        label=_("Which decision did you receive?"),
        help_text=_("Look at the title at the top of the first page of the paper you received."),
        choices=[
            ("oqtf", _("An obligation to leave French territory (OQTF)")),
            ("expulsion", _("An expulsion order, or a summons before the expulsion board")),
        ],
        hints={
            "oqtf": _("The title says « obligation de quitter le territoire français »."),
            "expulsion": _(
                "The title says « arrêté d'expulsion », or you were handed a « bulletin de "
                "convocation » before the « commission d'expulsion » (COMEX)."
            ),
        },
    )


class EuCitizenForm(StepForm):
    summary_label = _("Citizen of the EU, Iceland, Liechtenstein, Norway or Switzerland, or family")

    eu_citizen = YesNoField(
        label=_(
            "Are you a citizen of a European Union country, Iceland, Liechtenstein, Norway or "
            "Switzerland, or a family member of one?"
        ),
        help_text=_(
            "Your nationality is written near your name on the first page. A family member is a "
            "husband or wife, a registered partner, a child or a parent of such a citizen."
        ),
    )


class ExpulsionStageForm(StepForm):
    summary_label = _("Stage of the procedure")

    expulsion_stage = RadioField(
        label=_("Where is the expulsion procedure?"),
        help_text=_("Look at the title of the paper you were handed."),
        choices=[
            ("summoned", _("I was summoned before the expulsion board; there is no order yet")),
            ("ordered", _("An expulsion order was taken against me")),
        ],
        hints={
            "summoned": _(
                "A « bulletin de convocation » before the « commission d'expulsion » (COMEX)."
            ),
            "ordered": _("The title says « arrêté d'expulsion »."),
        },
    )


class AuthorityForm(StepForm):
    summary_label = _("Order signed by")

    authority = RadioField(
        label=_("Who signed the expulsion order?"),
        help_text=_(
            "The signature and the signatory's title are at the end of the order, after "
            "« Fait à … »."
        ),
        choices=[
            ("prefect", _("A prefect (« le préfet de … »)")),
            ("paris_police_prefect", _("The Paris police prefect (« le préfet de police »)")),
            ("minister", _("The Minister of the Interior (« le ministre de l'intérieur »)")),
        ],
    )


class DepartementForm(StepForm):
    summary_label = _("Prefecture that decided")

    departement = PlaceField(
        choices=places.departement_choices(),
        label=_("Which prefecture took the decision?"),
        help_text=_(
            "The prefecture is named at the top of the first page (« Préfecture de … », "
            "« Le préfet de … »). Type the number of the département or the first letters of "
            "its name to find it."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["departement"]
        if self.answer("authority") == "minister":
            self.summary_label = _("Where you live")
            field.label = _("In which département do you live?")
            field.help_text = _(
                "Your address is usually written on the order. Type the number of the "
                "département or the first letters of its name to find it."
            )
        if places.abroad_allowed(self.answer):
            field.choices = [*field.choices, places.abroad_choice()]
            field.help_text = _(
                "%(help)s If you now live outside France, choose the last line of the list."
            ) % {"help": field.help_text}


class FormerPlaceForm(StepForm):
    summary_label = _("Where you lived in France")

    departement = PlaceField(
        choices=places.departement_choices(),
        label=_("Where did you live in France?"),
        help_text=_(
            "The département of your last address in France. The order usually gives it, near "
            "your name. Type its number or the first letters of its name to find it."
        ),
    )


class DecidedOnForm(StepForm):
    summary_label = _("Date of the decision")

    decided_on = DateField(
        label=_("What date is written on the decision?"),
        help_text=_(
            "At the end of the decision, after « Fait à …, le … ». It is the day the decision "
            "was taken, not the day you received it. For a summons before the expulsion board, "
            "the date written on the summons."
        ),
    )


class SummonedOnForm(StepForm):
    summary_label = _("Summons handed to you on")
    not_before = NotBefore(
        ("decided_on",), _("This day is before the date written on the summons.")
    )

    summoned_on = DateField(
        label=_("On what day were you handed the summons?"),
        help_text=_(
            "The day the police or the prison gave you the « bulletin de convocation ». It is "
            "often written on the receipt you signed."
        ),
    )


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
        self.fields["departement"].choices = [
            ("", _("Choose…")),
            *places.centre_choices(prefecture),
            places.other_centre_choice(),
        ]


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
        self.fields["departement"].choices = [
            ("", _("Choose…")),
            *places.departement_choices(same_territory_as=prefecture),
        ]


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


class AgeForm(StepForm):
    summary_label = _("Under 18")

    age_under_18 = YesNoField(
        label=_("Are you under 18?"),
        help_text=_("Your date of birth is written near your name on the decision."),
    )


class TiesForm(StepForm):
    summary_label = _("Your ties to France")

    ties = CheckboxesField(
        required=False,
        label=_("Which of these apply to you?"),
        help_text=_(
            "Tick all that apply, or none. They can protect you, or be arguments for your "
            "appeal. Keep papers that prove them."
        ),
        choices=[
            ("since_age_13", _("I have lived in France since I was 13 or younger")),
            ("residence_10y", _("I have lived in France legally for more than 10 years")),
            ("residence_20y", _("I have lived in France legally for more than 20 years")),
            (
                "student_permit_only",
                _("During those years, I only ever had student permits"),
            ),
            ("married_french", _("I am married to a French citizen")),
            (
                "married_foreigner_since_13",
                _("I am married to a foreigner who has lived in France since age 13 or younger"),
            ),
            (
                "parent_french_child",
                _("I am the parent of a French child under 18 who lives in France"),
            ),
            (
                "work_accident_20",
                _("I receive a French pension for a work accident or illness (20 % or more)"),
            ),
            (
                "serious_illness",
                _("I am seriously ill and could not get the treatment in my country"),
            ),
            ("asylum_pending", _("I have asked for asylum and have no final answer yet")),
            ("polygamous", _("I live in France with more than one spouse")),
        ],
        hints={
            "residence_10y": _("With residence permits or visas, not counting time without."),
        },
    )


class MarriageYearsForm(StepForm):
    summary_label = _("Years of marriage")

    marriage_years = YearsField(
        label=_("For how many full years have you been married?"),
        help_text=_("Count from the date on your marriage certificate. Less than a year: 0."),
    )


class LivingTogetherForm(StepForm):
    summary_label = _("Living together since the marriage")

    living_together = YesNoField(
        label=_("Have you lived together since the marriage?"),
        help_text=_("For example the same address on your papers, bills or tax returns."),
    )


class SpouseStillFrenchForm(StepForm):
    summary_label = _("Spouse still French")

    spouse_still_french = YesNoField(
        label=_("Is your husband or wife still a French citizen?"),
        help_text=_("French nationality kept since the marriage."),
    )


class ChildContributionForm(StepForm):
    summary_label = _("Supporting and raising the child")

    child_contribution = RadioField(
        label=_("Since when have you helped to support and raise the child?"),
        help_text=_("Paying for the child's needs and taking part in their upbringing."),
        choices=[
            ("since_birth", _("Since the child was born")),
            ("2y_or_more", _("For 2 years or more")),
            ("1y_to_2y", _("For 1 to 2 years")),
            ("less_than_1y", _("For less than a year")),
        ],
    )


class ConductForm(StepForm):
    summary_label = _("Held against you")

    conduct = CheckboxesField(
        label=_("What does the authority hold against you?"),
        help_text=_(
            "The reasons are in the first paragraphs of the order or the summons (« Considérant "
            "que … »). Tick all that apply."
        ),
        error_messages={"required": _("Tick at least one line, or “None of these”.")},
        choices=[
            (
                "terrorism_or_state_interests",
                _("Terrorism, or harm to the fundamental interests of the State"),
            ),
            ("incitement_hatred", _("Inciting discrimination, hatred or violence")),
            ("against_family", _("Offences against your spouse or your children")),
            ("against_official", _("Offences against an elected official or a public agent")),
            ("republic_principles", _("Serious violation of the principles of the Republic")),
            ("conviction_3y", _("A conviction for an offence punishable by 3 years or more")),
            ("conviction_5y", _("A conviction for an offence punishable by 5 years or more")),
            (
                "conviction_repeat_3y",
                _("A repeat conviction for an offence punishable by 3 years or more"),
            ),
            ("prison_5y_imposed", _("A prison sentence of 5 years or more actually imposed")),
            ("irregular_stay", _("Staying in France without a valid permit")),
            ("none_of_these", _("None of these")),
        ],
        hints={
            "conviction_3y": _("The maximum penalty in the law, not the sentence you received."),
        },
    )

    def clean_conduct(self):
        conduct = self.cleaned_data["conduct"]
        if "none_of_these" in conduct and len(conduct) > 1:
            raise forms.ValidationError(
                _("“None of these” cannot be ticked with another line."), code="exclusive"
            )
        return conduct
