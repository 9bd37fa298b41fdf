"""In the right-to-left catalogues, each run of French or other Latin-script words is set apart
(Unicode isolate marks), so that it reads left to right as on the person's papers.

Without them, the bidirectional algorithm lays out "(« commission d'expulsion », COMEX)" inside an
Arabic sentence with its guillemets and parentheses swapped and its pieces out of order. The marks
are invisible; `make makemessages` sets them after each update, so translators need not type them.
"""

import re
import subprocess

from django.conf import settings
from django.core.management.base import BaseCommand

# Its messages are Django's date format codes (presentation.day_words), Latin letters by design.
DATE_FORMAT = "date format"
LEFT_TO_RIGHT_ISOLATE, POP_ISOLATE = "\u2066", "\u2069"
# What a run never crosses: letters of the Arabic script (and their punctuation), HTML tags,
# placeholders, and a run already isolated (so that the marks are set once).
BOUNDARY = re.compile(
    r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+"
    r"|<[^>]*>|%\(\w+\)[sd]|%[sd]|\{\w*\}"
    r"|\u2066[^\u2069]*\u2069"
)
# A text with no letter of the Arabic script and no space (a file name, an address) is an
# identifier, not a sentence: it is left as it is.
ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufeff]")
LATIN_LETTER = r"A-Za-z\u00c0-\u024f"
# A run starts at a letter, an opening guillemet or parenthesis, and ends at a letter, a digit,
# a closing guillemet or parenthesis: the spaces and full stops around it stay outside.
RUN = re.compile(rf"[{LATIN_LETTER}«(\"].*[{LATIN_LETTER}0-9»)\"]|[{LATIN_LETTER}]", re.S)


def balanced(run):
    """The run without a parenthesis it does not close or open itself."""
    if run.startswith("(") and run.count("(") > run.count(")"):
        return run[1:].lstrip()
    if run.endswith(")") and run.count(")") > run.count("("):
        return run[:-1].rstrip()
    return run


def isolated_piece(piece):
    found = RUN.search(piece)
    if not found:
        return piece
    run = balanced(found.group())
    if not re.search(f"[{LATIN_LETTER}]", run):
        return piece
    start = piece.index(run)
    end = start + len(run)
    return f"{piece[:start]}{LEFT_TO_RIGHT_ISOLATE}{run}{POP_ISOLATE}{piece[end:]}"


def isolated(text):
    """The text with each Latin-script run between isolate marks; the same text if it has none,
    or if it is a single word with no Arabic-script letter."""
    if not ARABIC_LETTER.search(text) and " " not in text:
        return text
    pieces, last = [], 0
    for boundary in BOUNDARY.finditer(text):
        pieces += [isolated_piece(text[last : boundary.start()]), boundary.group()]
        last = boundary.end()
    pieces.append(isolated_piece(text[last:]))
    return "".join(pieces)


class Command(BaseCommand):
    help = "Sets Latin-script runs apart in the right-to-left catalogues (make makemessages)."

    def handle(self, *args, **options):
        import polib  # type: ignore[import-untyped]  # a development tool, like makemessages

        for language in settings.LANGUAGES_BIDI:
            path = settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"
            catalogue = polib.pofile(str(path), wrapwidth=0)
            for entry in catalogue:
                if entry.msgctxt == DATE_FORMAT:
                    continue
                entry.msgstr = isolated(entry.msgstr)
                for form, text in entry.msgstr_plural.items():
                    entry.msgstr_plural[form] = isolated(text)
            catalogue.save()
            # Wrapped again by gettext itself, as makemessages writes it: no change from wrapping.
            subprocess.run(["msgcat", "--output-file", path, path], check=True)
