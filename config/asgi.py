"""The application `make run` serves (config/gunicorn.conf.py): Django's ASGI handler, whose
requests never fail on their charset while they are built (config/charsets.py)."""

import os
import warnings

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup(set_prefix=False)

from config.charsets import AsgiHandler  # noqa: E402

application = AsgiHandler()

# WhiteNoise hands Django a file to stream, which under ASGI Django reads whole, in a thread, with
# a warning on each worker's first static file: ours are a few KB each, precompressed.
warnings.filterwarnings(
    "ignore", message="StreamingHttpResponse must consume synchronous iterators", category=Warning
)
