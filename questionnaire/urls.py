"""French at "/", English under "/en/" (config/urls.py): the same paths in both languages."""

from django.urls import path

from questionnaire import views
from questionnaire.steps import FIRST

app_name = "questionnaire"
wizard = views.QuestionnaireWizard.as_view(url_name="questionnaire:step", done_step_name="done")

urlpatterns = [
    path("", wizard, {"step": FIRST, "page": "start"}, name="start"),
    path("questions/", wizard, name="questions"),
    path("questions/<str:step>/", wizard, name="step"),
    path("outcome/", wizard, {"step": views.DONE}, name="outcome"),
    path("outcome/print/", views.print_both, name="print_both"),
    path("outcome/deadline.ics", views.calendar_file, name="calendar"),
    path("clear/", views.clear, name="clear"),
    path("exit/", views.leave, name="exit"),
]
