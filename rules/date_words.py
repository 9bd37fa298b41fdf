"""The names of the months and weekdays, in the project's catalogues as well as Django's.

Django has no catalogue for Pashto or Haitian Creole, and its Persian months are Iran's spelling
where Dari writes them otherwise: the dates in words (`presentation.day_words`) take these names
from our catalogues first. Never imported: `makemessages` reads them, Django's date formats look
them up with the same words.
"""

from django.utils.translation import gettext_noop

MONTHS = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)

WEEKDAYS = (
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
)
