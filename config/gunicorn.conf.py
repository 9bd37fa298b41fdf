"""How `make run` serves the app; the benchmark (bench/) starts the server with the same file.

Sync workers, one request at a time each, one per core: the work is all CPU, and two requests
sharing one process (threads) share its interpreter lock and both take twice as long (README,
Performance). Each request has its own connection, which costs nothing on loopback: the server
listens on 127.0.0.1 only, behind the reverse proxy that terminates TLS and buffers slow clients.
"""

import os

bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or os.cpu_count() or 2)
worker_class = "sync"
# Method, path and status, never a query string (no answer is ever in one anyway).
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
