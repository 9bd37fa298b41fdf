from django.urls import path

from rules import api

urlpatterns = [
    path("outcome", api.outcome, name="api-outcome"),
    path("schema", api.schema, name="api-schema"),
    path("law", api.law, name="api-law"),
    path("questions", api.questions, name="api-questions"),
]
