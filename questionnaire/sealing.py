"""The answers cookie's seal: compressed, then encrypted and authenticated with Fernet (AES-128-CBC
and HMAC-SHA256, from the `cryptography` package), so that nobody can read or change the answers
without the site's key, not even the person whose browser holds them.

The key is derived from DJANGO_SECRET_KEY; a cookie sealed under a key of
DJANGO_SECRET_KEY_FALLBACKS still opens, so that rotating the key loses nobody's answers. A Fernet
token carries the time it was sealed at, which the storage sets to the time of the last answer.
"""

from __future__ import annotations

import base64
import binascii
import zlib
from functools import lru_cache
from typing import NamedTuple

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.utils.crypto import salted_hmac

# Distinct from every other use of the secret key (Django's signing, the CSRF token).
KEY_PURPOSE = "questionnaire.sealing.answers-cookie"
# A cookie holds at most 4 KB; its answers, uncompressed, some 2 KB. More is not ours.
LONGEST_OPENED = 64 * 1024


class Opened(NamedTuple):
    text: str
    # When it was sealed, in seconds since the epoch.
    sealed_at: int


def fernet_key(secret: str) -> bytes:
    digest = salted_hmac(KEY_PURPOSE, "fernet", secret=secret, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest)


@lru_cache(maxsize=8)
def fernets(secrets: tuple[str, ...]) -> tuple[Fernet, ...]:
    return tuple(Fernet(fernet_key(secret)) for secret in secrets)


def site_fernets() -> tuple[Fernet, ...]:
    """The current key first (it seals), then the fallbacks (they only open)."""
    return fernets((settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS))


def seal(text: str, sealed_at: int) -> str:
    token = site_fernets()[0].encrypt_at_time(zlib.compress(text.encode(), 9), sealed_at)
    # Without base64's "=" padding, the value needs no quotes in a Set-Cookie header.
    return token.decode("ascii").rstrip("=")


def open_sealed(value: str) -> Opened | None:
    """The text and time of a sealed value; None for anything not sealed by one of the site's
    keys (forged, changed, cut, sealed under a retired key)."""
    try:
        token = (value + "=" * (-len(value) % 4)).encode("ascii")
    except UnicodeEncodeError:
        return None
    for fernet in site_fernets():
        try:
            compressed = fernet.decrypt(token)
        except InvalidToken:
            continue
        text = decompressed(compressed)
        if text is None:
            return None
        return Opened(text, fernet.extract_timestamp(token))
    return None


def decompressed(data: bytes) -> str | None:
    inflate = zlib.decompressobj()
    try:
        raw = inflate.decompress(data, LONGEST_OPENED)
        if inflate.unconsumed_tail or not inflate.eof:
            return None
        return raw.decode()
    except (zlib.error, UnicodeDecodeError, binascii.Error):
        return None
