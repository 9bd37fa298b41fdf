"""Age and ties to France, which may protect the person; and, for an expulsion, what the authority
holds against them."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from questionnaire.fields import CheckboxesField, RadioField, YearsField, YesNoField
from questionnaire.forms.base import StepForm


class AgeForm(StepForm):
    summary_label = _("Under 18")

    age_under_18 = YesNoField(
        label=_("Are you under 18?"),
        help_text=_("Your date of birth is near your name on the decision."),
    )


class TiesForm(StepForm):
    summary_label = _("Your ties to France")

    ties = CheckboxesField(
        required=False,
        label=_("Which of these are true for you?"),
        help_text=_(
            "Tick all that are true, or none. They can protect you from removal, or help your "
            "appeal. Keep the papers that prove them."
        ),
        choices=[
            ("since_age_13", _("I have lived in France since I was 13 or younger")),
            ("residence_10y", _("I have lived in France legally for more than 10 years")),
            ("residence_20y", _("I have lived in France legally for more than 20 years")),
            (
                "student_permit_only",
                _("During those years, I only had student permits"),
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
                # xgettext:no-python-format
                _("I get a French pension for an accident or illness at work (20 % or more)"),
            ),
            (
                "serious_illness",
                _("I am seriously ill, and I cannot get the treatment in my country"),
            ),
            ("asylum_pending", _("I asked for asylum, and I have no final answer yet")),
            ("polygamous", _("I live in France with more than one spouse")),
        ],
        hints={
            "residence_10y": _(
                "With residence permits or visas. Do not count the time without them."
            ),
        },
    )


class MarriageYearsForm(StepForm):
    summary_label = _("Years of marriage")

    marriage_years = YearsField(
        label=_("For how many full years have you been married?"),
        help_text=_("Count from the date on your marriage certificate. Less than a year? Type 0."),
    )


class LivingTogetherForm(StepForm):
    summary_label = _("Living together since the marriage")

    living_together = YesNoField(
        label=_("Have you lived together since the marriage?"),
        help_text=_("For example, your papers, bills or tax returns show the same address."),
    )


class SpouseStillFrenchForm(StepForm):
    summary_label = _("Spouse still French")

    spouse_still_french = YesNoField(
        label=_("Is your husband or wife still a French citizen?"),
        help_text=_("Answer Yes if your husband or wife has been French since the marriage."),
    )


class ChildContributionForm(StepForm):
    summary_label = _("Supporting and raising the child")

    child_contribution = RadioField(
        label=_("Since when do you help to pay for the child and to raise the child?"),
        help_text=_("You pay for what the child needs, and you take part in the child's life."),
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
            "The reasons are in the first paragraphs of the order or the summons "
            "(« Considérant que … »). Tick all that are true."
        ),
        error_messages={"required": _("Tick at least one line, or “None of these”.")},
        choices=[
            (
                "terrorism_or_state_interests",
                _("Terrorism, or harm to the fundamental interests of the State"),
            ),
            ("incitement_hatred", _("Inciting discrimination, hatred or violence")),
            ("against_family", _("Offences against your husband, wife or children")),
            ("against_official", _("Offences against an elected official or a public agent")),
            ("republic_principles", _("Acting gravely against the principles of the Republic")),
            ("conviction_3y", _("A conviction for an offence punishable by 3 years or more")),
            ("conviction_5y", _("A conviction for an offence punishable by 5 years or more")),
            (
                "conviction_repeat_3y",
                _("A repeat conviction for an offence punishable by 3 years or more"),
            ),
            ("prison_5y_imposed", _("A judge gave you a prison sentence of 5 years or more")),
            ("irregular_stay", _("Staying in France without a valid permit")),
            ("none_of_these", _("None of these")),
        ],
        hints={
            "conviction_3y": _(
                "Count the highest penalty in the law, not the sentence the judge gave you."
            ),
        },
    )

    def clean_conduct(self):
        conduct = self.cleaned_data["conduct"]
        if "none_of_these" in conduct and len(conduct) > 1:
            raise forms.ValidationError(
                _("“None of these” cannot be ticked with another line."), code="exclusive"
            )
        return conduct
