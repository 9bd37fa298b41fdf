import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# As django.core.wsgi.get_wsgi_application, with a request that never fails on its charset while
# it is built (config/charsets.py).
django.setup(set_prefix=False)

from config.charsets import Handler  # noqa: E402

application = Handler()
