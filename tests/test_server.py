"""The server as `make run` starts it (config/gunicorn.conf.py): clients that send slowly hold no
worker, static files carry the cross-origin headers and refuse a foreign Host, and nothing is
left outside the project's folder. The benchmark's own start and slow clients are used."""

import http.client
import re
import runpy
import socket
from pathlib import Path

import pytest

from bench.run import HOST, SlowClients, free_port, start_server, stop_server, visit

ROOT = Path(__file__).resolve().parent.parent
SLOW_CLIENTS = 16


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One worker, as on a one-core machine: the hardest case for slow clients. HOME points to an
    empty folder, to see what the server leaves there."""
    home = tmp_path_factory.mktemp("home")
    port = free_port()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(home))
        patch.setenv("WEB_CONCURRENCY", "1")
        process = start_server(port)
    yield port, home
    stop_server(process)


def get(port, path, host=None):
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    connection.request("GET", path, headers={"Host": host or f"{HOST}:{port}"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_a_visitor_gets_the_start_page_while_slow_clients_trickle(server):
    port, _home = server
    slow = SlowClients(port, SLOW_CLIENTS, interval=0.1).start()
    try:
        times = [visit(port) for _ in range(5)]
    finally:
        slow.stop()
    assert None not in times, times
    assert max(times) < 2, times
    # The slow clients were still connected, waiting, as the visitor was served.
    assert slow.reopened == 0


def static_url(port):
    _response, body = get(port, "/")
    return re.search(rb'href="(/static/css/site\.[0-9a-f]+\.css)"', body).group(1).decode()


def test_a_static_file_carries_the_cross_origin_headers(server):
    port, _home = server
    response, _body = get(port, static_url(port))
    assert response.status == 200
    assert response.getheader("Cross-Origin-Opener-Policy") == "same-origin"
    assert response.getheader("Cross-Origin-Resource-Policy") == "same-origin"


@pytest.mark.parametrize("path", ["static", "/favicon.ico", "/"])
def test_a_foreign_host_gets_400_from_the_server(server, path):
    port, _home = server
    response, _body = get(port, static_url(port) if path == "static" else path, "evil.example")
    assert response.status == 400
    # The error, never cached, not the file (which is cached for a year).
    assert response.getheader("Cache-Control") == "no-store"


def test_the_server_leaves_nothing_in_the_home_folder(server):
    _port, home = server
    assert not list(home.iterdir())


def test_make_run_says_where_to_open_the_app_once_it_listens():
    config = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    said = []

    class Listener:
        sock = socket.create_server((HOST, 0))

    class Server:
        LISTENERS = [Listener]

        class log:
            info = staticmethod(lambda message, *args: said.append(message % args))

    config["when_ready"](Server)
    port = Listener.sock.getsockname()[1]
    Listener.sock.close()
    assert said == [f"Open http://{HOST}:{port}/ in a browser (Ctrl-C to stop)"]
    assert config["control_socket_disable"] is True
