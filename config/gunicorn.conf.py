"""How `make run` serves the app; the benchmark (bench/) starts the server with the same file.

gunicorn's asyncio worker (`asgi`), one per core, serving Django's ASGI handler (config/asgi.py):
each connection is read by the event loop, and a request reaches Django only once its headers and
body are in, so clients that send slowly (a phone on a bad line, or 64 connections trickling on
purpose) hold no worker; with sync workers, two such connections locked everyone out. The work
itself is all CPU: one process per core (README, Performance). The server listens on 127.0.0.1
only, behind the reverse proxy that terminates TLS.
"""

import os

wsgi_app = "config.asgi:application"
bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or os.cpu_count() or 2)
worker_class = "asgi"
# gunicorn's control socket (gunicornc) would be created in the home directory: nothing is left
# outside the project's folder, and nothing here needs it.
control_socket_disable = True
# Method, path and status, never a query string (no answer is ever in one anyway).
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'


def when_ready(server):
    """Says where to open the app once the socket listens (a request made before the workers are
    up waits for them). At the log level `info`, as `make run` has it; the benchmark's server,
    at `warning`, says nothing."""
    host, port = server.LISTENERS[0].sock.getsockname()[:2]
    server.log.info("Open http://%s:%s/ in a browser (Ctrl-C to stop)", host, port)
