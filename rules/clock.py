"""The app's notion of "now", in one place so that tests can freeze it (and the benchmark, with
the DJANGO_FROZEN_NOW setting)."""

from datetime import datetime

from django.conf import settings
from django.utils import timezone


def now() -> datetime:
    return settings.FROZEN_NOW or timezone.now()
