"""The app's notion of "now", in one place so that tests can freeze it."""

from django.utils import timezone


def now():
    return timezone.now()
