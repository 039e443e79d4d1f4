"""Deployment: the nginx config in deploy/ is valid, keeps a browser on one replica (stand-in replicas that
answer with their port), a visitor trains through the proxy, and the Streamlit Community Cloud dependency
file (Pipfile) pins what requirements.txt pins, torch from the CPU-only index."""

import http.server
import json
import re
import sys
import threading
import tomllib
import urllib.request
from pathlib import Path

import pytest

from tests.browser import ROOT, streamlit_server

sys.path.insert(0, str(ROOT / "bench"))
import loadclient  # noqa: E402
import replicas  # noqa: E402

NO_NGINX = "nginx is not installed (Debian: apt-get install nginx); deploy/nginx.conf was not checked"
needs_nginx = pytest.mark.skipif(not Path(replicas.NGINX).exists(), reason=NO_NGINX)


@needs_nginx
def test_the_nginx_config_is_valid_as_shipped_and_as_the_bench_writes_it():
    for text in (replicas.CONF.read_text(), replicas.proxy_config(18080, [18501, 18502, 18503])):
        done = replicas.check_config(text)
        assert done.returncode == 0, done.stderr
        assert "test is successful" in done.stderr


def test_the_config_keeps_websockets_and_affinity():
    text = replicas.CONF.read_text()
    for needed in (
        "proxy_http_version 1.1;",
        "proxy_set_header Upgrade $http_upgrade;",
        "proxy_set_header Connection $connection_upgrade;",
        "hash $rnnlab_key consistent;",
        "client_max_body_size",
    ):
        assert needed in text, needed
    assert "ip_hash" not in re.sub(
        r"#.*", "", text
    )  # one school router would put a whole class on one replica
    written = replicas.proxy_config(9000, [1, 2, 3])
    assert "listen 127.0.0.1:9000;" in written
    assert re.findall(r"server 127\.0\.0\.1:(\d+) ", written) == ["1", "2", "3"]


@needs_nginx
def test_a_visitor_trains_through_the_proxy():
    with streamlit_server() as (url, _):
        port = int(url.rsplit(":", 1)[1])
        with replicas.nginx_proxy([port]) as (proxy, prefix):
            (v,) = loadclient.run_crowd(proxy, "emoji", ["seed=4&epochs=15"], seconds=90)
            assert v.error is None, v.error
            assert v.done is not None and v.epoch == 15 and v.loss is not None
            with urllib.request.urlopen(proxy + "/") as page:  # the page, with the affinity cookie
                assert page.status == 200 and b"<html" in page.read().lower()
                assert page.headers["Set-Cookie"].startswith("rnnlab_replica=")
    assert not prefix.exists()  # the proxy's temporary prefix is gone


def _pins(lines: list[str]) -> dict[str, str]:
    pins = {}
    for line in lines:
        m = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;#]+)", line.strip())
        if m:
            pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


def test_the_cloud_pipfile_pins_what_requirements_pin_and_takes_torch_from_the_cpu_index():
    req = _pins((ROOT / "requirements.txt").read_text().splitlines())
    pipfile = tomllib.loads((ROOT / "Pipfile").read_text())
    cloud = {}
    for name, spec in pipfile["packages"].items():
        version = spec if isinstance(spec, str) else spec["version"]
        cloud[name.lower().replace("_", "-")] = version.removeprefix("==")
    assert cloud == req
    sources = {s["name"]: s["url"] for s in pipfile["source"]}
    assert pipfile["packages"]["torch"]["index"] == "pytorch-cpu"
    assert sources["pytorch-cpu"] == "https://download.pytorch.org/whl/cpu"
    assert pipfile["source"][0]["url"] == "https://pypi.org/simple"  # everything else from PyPI


class _Echo(http.server.BaseHTTPRequestHandler):
    """A stand-in replica: answers with its port and the upgrade headers it was sent."""

    def do_GET(self):  # noqa: N802 (http.server's name)
        body = json.dumps(
            {
                "port": self.server.server_port,
                "upgrade": self.headers.get("Upgrade"),
                "connection": self.headers.get("Connection"),
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _get(url: str, headers: dict) -> tuple[dict, str | None]:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as r:
        return json.loads(r.read()), r.headers.get("Set-Cookie")


@needs_nginx
def test_the_proxy_keeps_a_browser_on_its_replica_spreads_browsers_and_skips_a_dead_one():
    servers = [http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Echo) for _ in range(2)]
    for s in servers:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    ports = [s.server_port for s in servers]
    try:
        with replicas.nginx_proxy(ports) as (proxy, _):
            first, cookie = _get(proxy + "/", {})
            assert cookie and cookie.startswith("rnnlab_replica=")  # a new browser gets its key
            key = cookie.split(";")[0]
            seen = {_get(proxy + "/_stcore/health", {"Cookie": key})[0]["port"] for _ in range(8)}
            assert seen == {first["port"]}  # every request of that browser: the same replica
            ws, again = _get(
                proxy + "/_stcore/stream", {"Cookie": key, "Upgrade": "websocket", "Connection": "Upgrade"}
            )
            assert (
                ws["port"] == first["port"] and ws["upgrade"] == "websocket" and ws["connection"] == "upgrade"
            )
            assert again is None  # a known browser is not given a new key
            spread = {
                _get(proxy + "/", {"Cookie": f"rnnlab_replica=browser{i}"})[0]["port"] for i in range(20)
            }
            assert spread == set(ports)  # twenty browsers: both replicas
            dead = servers[ports.index(first["port"])]
            dead.shutdown()
            dead.server_close()
            moved, _ = _get(proxy + "/", {"Cookie": key})
            assert moved["port"] != first["port"]  # its replica gone: the other one answers
    finally:
        for s in servers:
            s.shutdown()
            s.server_close()
