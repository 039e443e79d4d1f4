"""Deployment: the nginx config in deploy/ is valid, a visitor trains through the proxy, and the Streamlit
Community Cloud dependency file (Pipfile) pins what requirements.txt pins, torch from the CPU-only index."""

import re
import sys
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
