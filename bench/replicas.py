"""More than one server process: `streamlit run` replicas behind nginx (deploy/nginx.conf) on loopback.

For each count of visitors, one replica and then two (fresh servers each time) sit behind the proxy and the
headless visitors (bench/loadclient.py) each train the Emoji default run (seed = visitor number) through
it; prints finished / slowest / median, the replicas' RSS and how the proxy spread the visitors. Then a
restart: with two replicas under load, one is killed; its visitors' connections close, they open their
link again (what the browser does) and the proxy puts them on the other replica, where they train to the
same numbers as the link trained alone (the CLI). Writes bench/results-replicas.md.

    .venv/bin/python bench/replicas.py [--counts 10 30] [--seconds 60] [--kill-n 10] [--kill-seconds 150]

nginx runs in the foreground (``daemon off``) with its own temporary prefix (config, pid, logs, temp
files); nothing outside it is touched, and everything it started is stopped at the end.
"""

import argparse
import asyncio
import contextlib
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import loadclient  # noqa: E402

from tests.browser import free_port, stop, streamlit_server  # noqa: E402

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONF = ROOT / "deploy" / "nginx.conf"


def proxy_config(listen: int, ports: list[int]) -> str:
    """deploy/nginx.conf with its listen port and its replicas' ports replaced."""
    text, n = re.subn(r"listen 127\.0\.0\.1:\d+;", f"listen 127.0.0.1:{listen};", CONF.read_text())
    if n != 1:
        raise ValueError(f"expected one 'listen 127.0.0.1:PORT;' in {CONF}, got {n}")
    servers = "".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;\n" for p in ports)
    text, n = re.subn(r"(        server 127\.0\.0\.1:\d+ [^\n]*\n)+", servers, text)
    if n != 1:
        raise ValueError(f"expected one block of 'server 127.0.0.1:PORT ...' lines in {CONF}, got {n}")
    return text


def _prefix() -> Path:
    prefix = Path(tempfile.mkdtemp(prefix="rnnlab-nginx-"))
    prefix.chmod(0o755)  # nginx's workers (nobody, when started as root) reach their temp folders
    (prefix / "logs").mkdir()
    return prefix


def _nginx(prefix: Path, conf: Path, *extra: str) -> list[str]:
    return [NGINX, "-p", f"{prefix}/", "-c", str(conf), "-e", str(prefix / "logs" / "error.log"), *extra]


def check_config(text: str) -> subprocess.CompletedProcess:
    """``nginx -t`` on ``text`` in a temporary prefix (removed after)."""
    prefix = _prefix()
    try:
        conf = prefix / "nginx.conf"
        conf.write_text(text)
        return subprocess.run(_nginx(prefix, conf, "-t"), capture_output=True, text=True, timeout=30)
    finally:
        shutil.rmtree(prefix, ignore_errors=True)


def _wait_ok(url: str, proc: subprocess.Popen, timeout: float, what: str) -> None:
    deadline = time.time() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            raise RuntimeError(f"{what} did not answer {url}")
        time.sleep(0.2)


@contextlib.contextmanager
def nginx_proxy(ports: list[int], timeout: float = 20.0):
    """nginx in the foreground on a free loopback port in front of ``ports``; yields (url, prefix)."""
    prefix = _prefix()
    listen = free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(proxy_config(listen, ports))
    out = open(prefix / "logs" / "stdout.log", "wb")  # noqa: SIM115 (closed below)
    proc = subprocess.Popen(_nginx(prefix, conf, "-g", "daemon off;"), stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{listen}"
    try:
        _wait_ok(url + "/_stcore/health", proc, timeout, "nginx")
        yield url, prefix
    finally:
        stop(proc)
        out.close()
        shutil.rmtree(prefix, ignore_errors=True)


def stream_upstreams(prefix: Path) -> Counter:
    """Websocket sessions per replica port, from the proxy's access log (a line when a socket closes)."""
    counts: Counter = Counter()
    log = prefix / "logs" / "access.log"
    for line in log.read_text().splitlines() if log.exists() else []:
        if "/_stcore/stream" in line:
            ups = re.findall(r"127\.0\.0\.1:(\d+)", line.split('"', 2)[-1])
            if ups:
                counts[int(ups[-1])] += 1  # the replica that finally took it
    return counts


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


ENV = {"STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(16)}  # the replicas agree on XSRF tokens


@contextlib.contextmanager
def cluster(n_replicas: int):
    """``n_replicas`` fresh servers and the proxy; yields (proxy url, prefix, [(url, proc), ...])."""
    with contextlib.ExitStack() as stack:
        reps = [stack.enter_context(streamlit_server(env=ENV)) for _ in range(n_replicas)]
        for url, _ in reps:  # warm each: imports, first page, first run
            loadclient.run_crowd(url, "emoji", ["seed=0&epochs=1"], 60)
        ports = [int(url.rsplit(":", 1)[1]) for url, _ in reps]
        proxy, prefix = stack.enter_context(nginx_proxy(ports))
        yield proxy, prefix, reps


def row(n: int, n_replicas: int, seconds: float) -> str:
    with cluster(n_replicas) as (proxy, prefix, reps):
        before = sum(rss_mb(p.pid) for _, p in reps)
        load0 = os.getloadavg()[0]
        t0 = time.perf_counter()
        visits = loadclient.run_crowd(proxy, "emoji", [f"seed={i}" for i in range(n)], seconds)
        wall = time.perf_counter() - t0
        after = sum(rss_mb(p.pid) for _, p in reps)
        time.sleep(0.5)
        spread = stream_upstreams(prefix)
    s = loadclient.summary(visits)
    slow = f"{s['slowest']:.1f} s" if s["slowest"] is not None else "-"
    med = f"{s['median']:.1f} s" if s["median"] is not None else "-"
    per = " / ".join(str(spread[int(u.rsplit(":", 1)[1])]) for u, _ in reps)
    line = (
        f"| {n} | {n_replicas} | {s['finished']} of {n} within {seconds:.0f} s | {slow} | {med} | {wall:.1f} s | "
        f"{per} | {before:.0f} -> {after:.0f} MB | {load0:.1f} -> {os.getloadavg()[0]:.1f} |"
    )
    print(line, s["errors"][:2], flush=True)
    return line


def solo_loss(query: str) -> float:
    """The final loss of the link ``query`` trained alone by the CLI (``seed=3`` -> ``--seed 3``)."""
    args = [a for kv in query.split("&") for a in (f"--{kv.split('=')[0]}", kv.split("=")[1])]
    out = subprocess.run(
        [sys.executable, "-m", "rnnlab", "train", "emoji", *args, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    import json

    return json.loads(out.stdout)["final_loss"]


async def _come_back(proxy: str, query: str, seconds: float):
    """One visitor; if its connection closes, it opens its link again half a second later (the browser
    reconnects by itself). Returns (first visit, second visit or None, seconds from the cut to done)."""
    v = await loadclient.visit(proxy, "emoji", query, seconds)
    if not (v.error and v.error.startswith("connection")):
        return v, None, None
    cut = time.perf_counter()
    await asyncio.sleep(0.5)
    again = await loadclient.visit(proxy, "emoji", query, seconds)
    return v, again, time.perf_counter() - cut


async def _kill_during(proxy: str, queries: list[str], seconds: float, victim, after: float):
    visitors = [asyncio.create_task(_come_back(proxy, q, seconds)) for q in queries]
    await asyncio.sleep(after)
    victim.kill()  # a crash: no goodbye to its visitors
    return await asyncio.gather(*visitors)


def restart_demo(n: int, seconds: float, after: float) -> list[str]:
    """Two replicas under ``n`` visitors; one is killed ``after`` seconds in; its visitors come back."""
    lines = []
    with cluster(2) as (proxy, prefix, reps):
        url_b, proc_b = reps[1]
        queries = [f"seed={i}" for i in range(n)]
        t0 = time.perf_counter()
        results = asyncio.run(_kill_during(proxy, queries, seconds, proc_b, after))
        took = time.perf_counter() - t0
        time.sleep(0.5)
        spread = stream_upstreams(prefix)
        port_b = int(url_b.rsplit(":", 1)[1])
        with streamlit_server(port=port_b, env=ENV) as (_, proc_b2):  # the replica restarted where it was
            time.sleep(5.5)  # the proxy tries a failed replica again after fail_timeout (5 s)
            later = loadclient.run_crowd(
                proxy, "emoji", [f"seed={100 + i}&epochs=20" for i in range(6)], seconds
            )
            time.sleep(0.5)
            after_restart = stream_upstreams(prefix) - spread
    first = [r[0] for r in results]
    cut = [r for r in results if r[1] is not None]
    retry = [r[1] for r in cut]
    done_first = [v for v in first if v.error is None and v.done is not None]
    solo = {v.query: solo_loss(v.query) for v in retry if v.error is None}
    same = [v for v in retry if v.query in solo and v.loss == solo[v.query]]
    differ = [(v.query, v.epoch, v.loss, solo[v.query]) for v in retry if v.query in solo and v not in same]
    back = [r[2] for r in cut if r[1].done is not None]
    lines.append(
        f"{n} visitors through the proxy on two replicas; replica :{port_b} killed {after:.0f} s after they "
        f"arrived; all done {took:.0f} s after they arrived."
    )
    lines.append(
        f"- {len(done_first)} finished without noticing; {len(cut)} lost their connection "
        f"(at epochs {sorted(r[0].epoch for r in cut)}); other errors: "
        f"{[v.error for v in first if v.error and not v.error.startswith('connection')][:3]}"
    )
    lines.append(
        f"- each of those {len(cut)} opened its link again 0.5 s later: {len(back)} trained to the end on the other "
        f"replica, {max(back) if back else float('nan'):.1f} s at most from losing the connection to done; "
        f"{len(same)} of {len(retry)} ended with exactly the final loss of its link trained alone (CLI); "
        f"errors: {[v.error for v in retry if v.error][:3]}"
        + (f"; differing (link, epoch, loss, alone): {differ}" if differ else "")
    )
    ports = sorted(after_restart)
    lines.append(
        f"- replica :{port_b} restarted on its port; 6 new visitors then went to "
        + ", ".join(f":{p} x{after_restart[p]}" for p in ports)
        + f"; all finished: {all(v.done is not None and v.error is None for v in later)}"
    )
    for line in lines:
        print(line, flush=True)
    return lines


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--counts", type=int, nargs="+", default=[10, 30])
    p.add_argument("--seconds", type=float, default=60.0, help="each visitor's limit")
    p.add_argument(
        "--kill-n", type=int, default=10, help="visitors in the restart demonstration (0: skip it)"
    )
    p.add_argument("--kill-after", type=float, default=3.0, help="seconds into the load when a replica dies")
    p.add_argument(
        "--kill-seconds", type=float, default=150.0, help="each visitor's limit in the demonstration"
    )
    a = p.parse_args()
    if not Path(NGINX).exists():
        sys.exit(f"error: nginx not found at {NGINX} (Debian: apt-get install nginx)")
    head = [
        "| visitors | replicas | finished | slowest | median | wall | visitors per replica | replicas' RSS | load avg |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    print("\n".join(head), flush=True)
    lines = [row(n, k, a.seconds) for n in a.counts for k in (1, 2)]
    demo = restart_demo(a.kill_n, a.kill_seconds, a.kill_after) if a.kill_n else []
    out = ROOT / "bench" / "results-replicas.md"
    out.write_text(
        f"# Replicas behind nginx (bench/replicas.py, {os.cpu_count()} cores, headless visitors, Emoji default "
        f"run, fresh servers per row, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})\n\n"
        + "\n".join(head + lines)
        + "\n\n## A replica dies under load\n\n"
        + "\n".join(demo)
        + "\n"
    )
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
