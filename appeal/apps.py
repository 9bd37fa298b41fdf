from django.apps import AppConfig


class AppealConfig(AppConfig):
    name = "appeal"
