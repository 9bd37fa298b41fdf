from django.urls import path

from appeal import views

app_name = "appeal"

urlpatterns = [
    path("", views.appeal, name="appeal"),
    path("requete.docx", views.appeal_docx, name="docx"),
]
