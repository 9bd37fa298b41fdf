"""French at "/", English under "/en/" (config/urls.py): the same paths in both languages."""

from django.urls import path

from questionnaire import desk_pages, map_page, pages
from questionnaire.steps import FIRST
from questionnaire.wizard import questions
from rules import law_pages

app_name = "questionnaire"

urlpatterns = [
    path("", questions, {"step": FIRST, "page": "start"}, name="start"),
    path("questions/", questions, name="questions"),
    # Before the questions' addresses: "carte" is not a question.
    path("questions/carte/", map_page.page, name="question_map"),
    path("questions/<str:step>/", questions, name="step"),
    path("outcome/", pages.outcome, name="outcome"),
    path("outcome/print/", pages.print_both, name="print_both"),
    path("outcome/deadline.ics", pages.calendar_file, name="calendar"),
    path("guichet/", desk_pages.desk, name="desk"),
    path("guichet/print/", desk_pages.desk_print, name="desk_print"),
    path("droit/", law_pages.index, name="law"),
    path("droit/regimes/", law_pages.regimes, name="law_regimes"),
    path("clear/", pages.clear, name="clear"),
    path("exit/", pages.leave, name="exit"),
]
