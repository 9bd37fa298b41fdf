"""The answers live only in the person's browser: one encrypted session cookie.

Sealed (questionnaire/sealing.py): nobody reads or changes the answers without the site's key. A
session cookie (no max-age, gone when the browser closes), HttpOnly, SameSite=Lax, Secure over
HTTPS, for the whole site so that both languages share it. Browsers restore session cookies
("continue where you left off"), so answers whose last change is older than ANSWERS_MAX_AGE are
dropped too: on a shared computer, the next person finds nothing. A cookie that cannot be read or
has expired is dropped, and `rejected` says why (a code of navigation.NOTICES), for the page to
tell the person why they start again. Of a step's answer, it keeps only the values the step's
fields read (`keep_answer`); beside the answers, the notice the next page shows.
"""

from __future__ import annotations

import json
import time

from django.conf import settings
from formtools.wizard.storage.base import BaseStorage
from formtools.wizard.storage.cookie import CookieStorage

from questionnaire.sealing import open_sealed, seal

COOKIE_NAME = "answers"
# Clocks of a server's processes may differ by a little: a cookie sealed "in the future" by less
# than this is read as sealed now.
CLOCK_SKEW = 60
# Browsers post short values; a longer one is junk, which would swell the cookie past the 4 KB
# browsers keep.
LONGEST_VALUE = 100


def delete_answers_cookie(response):
    response.delete_cookie(COOKIE_NAME, path="/", samesite="Lax")


def well_formed(data) -> bool:
    """The shape the storage writes: for each step a dict of lists of strings; a notice's code."""
    if not isinstance(data, dict) or not isinstance(data.get("step_data"), dict):
        return False
    extra_data = data.get("extra_data", {})
    if not isinstance(extra_data, dict) or not isinstance(extra_data.get("notice", ""), str):
        return False
    for values in data["step_data"].values():
        if not isinstance(values, dict):
            return False
        for posted in values.values():
            if not isinstance(posted, list) or not all(isinstance(v, str) for v in posted):
                return False
    return True


class AnswersCookieStorage(CookieStorage):
    def __init__(self, prefix, request=None, file_storage=None):
        # Why the cookie was dropped: "unreadable", "paused" (expired), or None.
        self.rejected: str | None = None
        # When the answers last changed, and what they were then (to tell whether they change).
        self.answered_at: int | None = None
        self.loaded_answers = "{}"
        super().__init__(prefix, request, file_storage)
        # One cookie name whatever the wizard's prefix: the exit and clear views delete it.
        self.prefix = COOKIE_NAME

    def load_data(self):
        value = self.request.COOKIES.get(COOKIE_NAME)
        if value is None:
            return None
        opened = open_sealed(value)
        if opened is None:
            self.rejected = "unreadable"
            return None
        age = time.time() - opened.sealed_at
        if not -CLOCK_SKEW <= age <= settings.ANSWERS_MAX_AGE:
            self.rejected = "paused"
            return None
        try:
            data = json.loads(opened.text)
        except ValueError:
            data = None
        if not well_formed(data):
            self.rejected = "unreadable"
            return None
        self.answered_at = opened.sealed_at
        self.loaded_answers = answers_text(data["step_data"])
        data.setdefault("step", None)
        data.setdefault("extra_data", {})
        data.setdefault("step_files", {})
        return data

    @property
    def empty(self) -> bool:
        return not self.data["step_data"] and not self.data["extra_data"]

    def keep_answer(self, step, form):
        """Stores a valid step's answer: the values each of its fields reads, each short and once;
        no token, no other field."""
        answer = {}
        for name, field in form.fields.items():
            key = form.add_prefix(name)
            if hasattr(field, "stored"):
                # A date: as checked, whatever the way it was typed.
                answer[key] = field.stored(form.cleaned_data.get(name))
                continue
            posted = [v for v in dict.fromkeys(form.data.getlist(key)) if len(v) <= LONGEST_VALUE]
            answer[key] = field.kept(posted)
        self.set_step_data(step, answer)

    def keep_only(self, steps):
        """Forgets the answers of every step not in `steps`."""
        for name in [name for name in self.data["step_data"] if name not in steps]:
            del self.data["step_data"][name]

    def start_again(self):
        """Answers that cannot be read, or have expired, are dropped, and the next page says why."""
        self.reset()
        self.set_notice(self.rejected or "unreadable")

    def set_notice(self, code: str | None) -> None:
        """What the next page shown tells the person first (a code of navigation.NOTICES)."""
        if code:
            self.extra_data["notice"] = code

    def pop_notice(self) -> str | None:
        return self.extra_data.pop("notice", None)

    def update_response(self, response):
        BaseStorage.update_response(self, response)
        if self.empty:
            if COOKIE_NAME in self.request.COOKIES:
                delete_answers_cookie(response)
            return
        # Only what the answers need: no files, and the current step is in the address.
        kept = {"step_data": self.data["step_data"], "extra_data": self.data["extra_data"]}
        response.set_cookie(
            COOKIE_NAME,
            seal(self.encoder.encode(kept), self.last_answer_time()),
            path="/",
            secure=settings.HTTPS,
            httponly=True,
            samesite="Lax",
        )

    def last_answer_time(self) -> int:
        """Showing a page keeps the time of the last answer; a changed answer resets it."""
        if self.answered_at is None or answers_text(self.data["step_data"]) != self.loaded_answers:
            return int(time.time())
        return self.answered_at


def answers_text(step_data) -> str:
    return json.dumps(step_data, sort_keys=True)
