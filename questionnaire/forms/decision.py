"""The decision in hand: which one, for whom, who took it, where and when."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from questionnaire import places
from questionnaire.fields import DateField, PlaceField, RadioField, YesNoField
from questionnaire.forms.base import NotBefore, StepForm


class MeasureForm(StepForm):
    summary_label = _("Decision received")

    measure = RadioField(
        label=_("Which decision did you receive?"),
        help_text=_("Look at the title at the top of the first page of your paper."),
        choices=[
            ("oqtf", _("An obligation to leave French territory (OQTF)")),
            ("expulsion", _("An expulsion order, or a summons before the expulsion board")),
        ],
        hints={
            "oqtf": _(
                "The prefecture orders you to leave France. The title says « obligation de "
                "quitter le territoire français »."
            ),
            "expulsion": _(
                "The title says « arrêté d'expulsion ». Or you received a summons "
                "(« bulletin de convocation ») to the expulsion board: a committee that gives "
                "its opinion before an expulsion (« commission d'expulsion », COMEX)."
            ),
        },
    )


class EuCitizenForm(StepForm):
    summary_label = _(
        "Citizen of the EU, Iceland, Liechtenstein, Norway or Switzerland, or family of one"
    )

    eu_citizen = YesNoField(
        label=_(
            "Are you a citizen of a European Union country, Iceland, Liechtenstein, Norway or "
            "Switzerland? Or a family member of such a citizen?"
        ),
        help_text=_(
            "Your nationality is written near your name on the first page. A family member is "
            "a husband or wife, a registered partner, a child or a parent. The family member of "
            "a French citizen answers No here. You can tell us about a French husband, wife or "
            "child later, with your ties to France."
        ),
    )


class ExpulsionStageForm(StepForm):
    summary_label = _("Stage of the procedure")

    expulsion_stage = RadioField(
        label=_("Where is the expulsion procedure now?"),
        help_text=_("Look at the title of the paper you received."),
        choices=[
            ("summoned", _("I must go before the expulsion board. There is no order yet.")),
            ("ordered", _("The authorities have taken an expulsion order against me")),
        ],
        hints={
            "summoned": _("You received a « bulletin de convocation » for the COMEX."),
            "ordered": _("The title says « arrêté d'expulsion »."),
        },
    )


class AuthorityForm(StepForm):
    summary_label = _("Order signed by")

    authority = RadioField(
        label=_("Who signed the expulsion order?"),
        help_text=_(
            "Look at the end of the order, after « Fait à … ». You see the signature and the "
            "title of the person who signed."
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
            "The prefecture is the State's office in a département. Its name is at the top of "
            "the first page (« Préfecture de … », « Le préfet de … »). To find it, type the "
            "number of the département or the first letters of its name."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["departement"]
        if self.answer("authority") == "minister":
            self.summary_label = _("Where you live")
            field.label = _("In which département do you live?")
            field.help_text = _(
                "Your address is usually on the order. To find the département, type its "
                "number or the first letters of its name."
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
            "Choose the département of your last address in France. The order usually gives "
            "it, near your name. To find it, type its number or the first letters of its name."
        ),
    )


class DecidedOnForm(StepForm):
    summary_label = _("Date of the decision")

    decided_on = DateField(
        label=_("What date is written on the decision?"),
        help_text=_(
            "Look at the end of the decision, after « Fait à …, le … ». It is the day of the "
            "decision, not the day you received it. For a summons to the expulsion board, give "
            "the date written on the summons."
        ),
    )


class SummonedOnForm(StepForm):
    summary_label = _("Summons received on")
    not_before = NotBefore(
        ("decided_on",), _("This day is before the date written on the summons.")
    )

    summoned_on = DateField(
        label=_("On what day did you receive the summons?"),
        help_text=_(
            "It is the day the police or the prison gave you the « bulletin de convocation ». "
            "This day is often written on the receipt you signed."
        ),
    )
