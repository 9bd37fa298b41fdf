"""French at "/", English under "/en/" (config/urls.py): the same paths in both languages."""

from django.urls import path

from questionnaire import pages
from questionnaire.navigation import DONE
from questionnaire.steps import FIRST
from questionnaire.wizard import QuestionnaireWizard

app_name = "questionnaire"
wizard = QuestionnaireWizard.as_view(url_name="questionnaire:step", done_step_name=DONE)

urlpatterns = [
    path("", wizard, {"step": FIRST, "page": "start"}, name="start"),
    path("questions/", wizard, name="questions"),
    path("questions/<str:step>/", wizard, name="step"),
    path("outcome/", pages.outcome, name="outcome"),
    path("outcome/print/", pages.print_both, name="print_both"),
    path("outcome/deadline.ics", pages.calendar_file, name="calendar"),
    path("clear/", pages.clear, name="clear"),
    path("exit/", pages.leave, name="exit"),
]
