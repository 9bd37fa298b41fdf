"""The outcome's words: warnings and labels in plain language (their sources are in rules/law/).

English message ids, translated in locale/. Placeholders are named so translators can reorder them.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Warning id → plain words (their sources: rules/law/warnings.yaml); words may use %(other_day)s,
# %(paris_time)s, %(local_time)s, %(pact_days)s and %(hearing_days)s (values from rules/law/).
# `pact_2026_not_shorter` is said instead of `pact_2026` when the deadline computed is already
# shorter than anything the June 2026 decrees could set; `pact_2026_asylum` is added after it.
WARNINGS = {
    "pact_2026": _(
        "New decrees published in June 2026 change the time to appeal against some removal "
        "decisions. Their exact content could not be checked here: the time you have may be "
        "shorter than shown. File your appeal as early as you can."
    ),
    "pact_2026_not_shorter": _(
        "New decrees published in June 2026 change the time to appeal against some removal "
        "decisions. Their exact content could not be checked here, but the deadline shown is "
        "already shorter than any they could set. Keep to it."
    ),
    "pact_2026_asylum": _(
        "If your decision follows a refusal of asylum, the new June 2026 rules may leave you "
        "as little as %(pact_days)s days. File within %(pact_days)s days of the notification "
        "if you can."
    ),
    "seven_days_disputed": _(
        "One court of appeal counts these 7 days differently and gives one more day. Do not "
        "count on it: the date shown is the earlier reading."
    ),
    "time_unknown": _(
        "You did not give the time written on the notification, so the hours are counted from "
        "midnight at the start of that day: the earliest possible end. Look for the time on "
        "the notification and check again."
    ),
    "overseas_act_now": _(
        "You can be removed at any time, even before the judge decides. Today, ask the judge "
        "in urgency (référé-liberté: an urgent request to the judge) to stop the removal. "
        "Removal must then wait for that judge. If your consulate asks, removal must also wait "
        "one full day after the notification."
    ),
    "expulsion_act_now": _(
        "You can be removed at any time. Today, ask the judge in urgency to suspend the order "
        "(référé-suspension or référé-liberté: an urgent request to the judge)."
    ),
    "mayotte_special": _(
        "Mayotte has further special rules on removal that this tool does not cover. Get "
        "advice from a lawyer or an association quickly."
    ),
    "house_arrest_7_days": _(
        "If you also received a separate house-arrest decision, it may have its own 7-day "
        "deadline. To be safe, challenge it within 7 days of its notification."
    ),
    "month_end_conservative": _(
        "Near the end of a month, a month can be counted in two ways. The date shown is the "
        "earlier one; a court may accept %(other_day)s. Do not wait for it."
    ),
    "paris_timestamp": _(
        "If you file online, do it before %(local_time)s, local time. Online filings may be "
        "stamped with Paris time, which is ahead: that is %(paris_time)s in Paris."
    ),
    "restriction_after_oqtf": _(
        "You were placed under house arrest, in detention or in prison after the decision: "
        "that can shorten the time you have. The date shown is the earlier of the two "
        "deadlines."
    ),
    "post_48h_not_opposable": _(
        "Under the rules of that time, the 48 hours ran only from a decision handed over to "
        "you, not from one sent by post. The date shown is still the safe date."
    ),
    "weekend_extension_possible": _(
        "This 15-day deadline ends on a Saturday, Sunday or public holiday. Sources disagree "
        "on whether it moves to the next working day: the date shown does not move."
    ),
    "eu_citizen": _(
        "Citizens of the European Union, Iceland, Liechtenstein, Norway or Switzerland, and "
        "their family members, follow other rules, which this tool does not cover. Get advice "
        "from a lawyer or an association."
    ),
    "good_friday_local": _(
        "Good Friday is a holiday only in some communes of Alsace-Moselle: it does not move "
        "the deadline."
    ),
    "saint_martin_28_may": _(
        "In Saint-Martin, the law sets the abolition of slavery holiday on 27 May, but it is "
        "observed on 28 May. The date shown counts 27 May only: do not count on 28 May."
    ),
    "no_deadline_stated": _(
        "Check the part of your decision about how and when to appeal (“voies et délais "
        "de recours”). If it gives you more time than shown here, the longer time "
        "applies. If it says nothing about the deadline and the court, the deadline does not "
        "run; an appeal is then possible within a reasonable time, normally one year. Do not "
        "rely on either without advice."
    ),
    "notified_on_unknown": _(
        "You did not give the day you received the decision, so the deadline is counted from "
        "the date written on the decision: the earliest it can be. If you received it later, "
        "your deadline is later. If this date has passed, ask a lawyer at once: your "
        "deadline may still be open."
    ),
    "date_after_today": _("A date you gave is after today. Check the dates on your decision."),
    "summoned_on_unknown": _(
        "You did not give the day the summons was handed to you, so no date can be shown. "
        "The hearing cannot take place earlier than %(hearing_days)s days after that day."
    ),
    "former_territory_unknown": _(
        "You did not say where you lived in France. Your court is the administrative court of "
        "that place. The deadline shown is the earliest it can be, wherever you lived: it is "
        "counted in the time of the French territory whose day ends first."
    ),
}

# Where each warning stands on the outcome (the others are folded into "How it was counted"):
# - a one-line headline at the top of the deadline block, its full words folded beneath it;
HEADLINES = {
    "pact_2026": _("This deadline may be shorter: file your appeal as early as you can."),
    "pact_2026_asylum": _(
        "After a refusal of asylum, you may have only %(pact_days)s days: file within "
        "%(pact_days)s days if you can."
    ),
}
# - in the deadline block, where it says whether filing stops the removal;
REMOVAL = ("overseas_act_now", "expulsion_act_now")
# - right under the deadline: when an online filing must be in, where Paris time runs ahead;
ONLINE = ("paris_timestamp",)
# - in the deadline block, in full: what the person must check or do now.
SHOWN = (
    "time_unknown",
    "notified_on_unknown",
    "house_arrest_7_days",
    "mayotte_special",
    "date_after_today",
    "former_territory_unknown",
    "summoned_on_unknown",
    "eu_citizen",
)

RULES = {
    "1_month": _("1 month"),
    "2_months": _("2 months"),
    "3_months": _("3 months"),
    "4_months": _("4 months"),
    "30_days": _("30 days"),
    "15_days": _("15 days"),
    "7_days": _("7 days"),
    "4_days": _("4 days"),
    "48_hours": _("48 hours"),
    "none": _("no deadline"),
}

JUDGE_TIMES = {
    "6_months": _("6 months"),
    "3_months": _("3 months"),
    "6_weeks": _("6 weeks"),
    "15_days": _("15 days"),
    "8_days": _("8 days"),
    "96_hours": _("96 hours"),
    "144_hours": _("144 hours"),
}

COUNTINGS = {
    "months_franc": _(
        "Counted in whole months from the day after the notification. If the last day is a "
        "Saturday, a Sunday or a public holiday, it moves to the next working day."
    ),
    "days_franc": _(
        "Counted in whole days: neither the day of the notification nor the last day counts."
    ),
    "days": _(
        "The deadline ends at midnight on the last day after the notification, even if that day "
        "is a Sunday or a public holiday."
    ),
    "hours": _(
        "Counted to the minute from the time written on the notification, day and night, "
        "weekends and holidays included. It never moves."
    ),
    "days_from_day_one": _("The day of the notification counts as the first day. It never moves."),
}

TIME_ZONE_NAMES = {
    "Europe/Paris": _("Paris time"),
    "America/Guadeloupe": _("Guadeloupe time"),
    "America/Martinique": _("Martinique time"),
    "America/Cayenne": _("French Guiana time"),
    "Indian/Reunion": _("Réunion time"),
    "Indian/Mayotte": _("Mayotte time"),
    "America/St_Barthelemy": _("Saint-Barthélemy time"),
    "America/Marigot": _("Saint-Martin time"),
    "America/Miquelon": _("Saint-Pierre-et-Miquelon time"),
}

# The rules applied, named by the days of rules/law/regimes.yaml that they cover.
REGIMES = {
    "oqtf": {
        "between": _("rules for OQTF decisions taken from %(start)s to %(end)s"),
        "since": _("rules for OQTF decisions taken from %(start)s"),
    },
    "expulsion": {
        "between": _("rules for expulsion orders taken from %(start)s to %(end)s"),
        "since": _("rules for expulsion orders taken from %(start)s"),
    },
}

OUT_OF_SCOPE = {
    "eu_citizen": WARNINGS["eu_citizen"],
    "before_2021": _(
        "Your decision was taken before 1 May 2021, under an older version of the law that this "
        "tool does not cover. Get advice from a lawyer or an association now: deadlines may "
        "still run."
    ),
    "other_collectivity": _(
        "The immigration code does not apply in New Caledonia, French Polynesia, Wallis and "
        "Futuna or the French Southern Lands: other rules apply there, which this tool does "
        "not cover. Get advice from a lawyer or an association."
    ),
}

PROTECTION_STATUS = {
    "protected": _("The law protects you"),
    "not_protected": _("The law gives you no special protection"),
    "lifted": _("Your protection is set aside"),
    "unknown": _("We cannot tell yet"),
}

PROTECTION_LEVEL = {
    "absolute": _("absolute protection"),
    "quasi_absolute": _("very strong protection (quasi-absolute)"),
    "relative": _("relative protection"),
    "none": "",
}

CATEGORIES = {
    "minor": _("you are under 18"),
    "since_age_13": _("you have lived in France since the age of 13 or younger"),
    "residence_10y": _("you have lived in France lawfully for more than 10 years"),
    "residence_20y": _("you have lived in France lawfully for more than 20 years"),
    "parent_french_child": _("you are the parent of a French child and support them"),
    "married_french": _("you have been married to a French national for at least 3 years"),
    "married_foreigner_since_13": _(
        "you have lived in France for more than 10 years and are married to a foreigner who "
        "has lived here since childhood"
    ),
    "work_accident_20": _(
        # xgettext:no-python-format
        "you receive a French pension for a work accident or illness (20 % or more)"
    ),
    "serious_illness": _(
        "you are seriously ill and could not be treated effectively in the country of return"
    ),
    "parent_french_child_1y": _(
        "you are the parent of a French child and have supported them for at least a year"
    ),
    "married_french_3y": _("you have been married to a French national for at least 3 years"),
    "residence_10y_not_student": _(
        "you have lived in France lawfully for more than 10 years (not only as a student)"
    ),
    "residence_10y_married_4y": _(
        "more than 10 years in France and married for at least 4 years to a French national or "
        "to a foreigner who has lived here since childhood"
    ),
    "residence_10y_parent": _("more than 10 years in France and the parent of a French child"),
}

CONDUCTS = {
    "terrorism_or_state_interests": _("terrorism or harm to the State's fundamental interests"),
    "incitement_hatred": _("deliberate incitement to discrimination, hatred or violence"),
    "against_family": _("offences against your family (spouse or children)"),
    "against_official": _("offences against an elected official or a public agent"),
    "republic_principles": _("a serious violation of the principles of the Republic"),
    "conviction_3y": _("a conviction for an offence punishable by 3 years or more"),
    "conviction_5y": _("a conviction for an offence punishable by 5 years or more"),
    "conviction_repeat_3y": _("repeated offences punishable by 3 years or more"),
    "prison_5y_imposed": _("a prison sentence of 5 years or more"),
    "irregular_stay": _("staying in France without a permit"),
    "polygamous": _("living in France in polygamy"),
}

COURT_OF_JUDICIAL_JUDGE = pgettext_lazy(
    "court", "the judge of the judicial court (tribunal judiciaire) of the place of detention"
)
