"""Memory per visitor, against Streamlit Community Cloud's limit (about 2.7 GB for the whole app).

One fresh server; headless visitors (bench/loadclient.py) each train a link's run to the end and stay
(their sessions are kept: ``server.disconnectedSessionTTL`` is raised for the bench, as a visitor's open tab
would keep them); the server's RSS is read idle, after a warm-up visitor, and with 1, 5 and 10 visitors
holding trained models. Per visitor = (RSS at 10 - RSS at 1) / 9; visitors that fit = (2,700 MB - RSS at
1) / per visitor. Writes bench/results-visitor-memory.md.

    .venv/bin/python bench/visitor_memory.py [--query "seed={i}" "seed={i}&cell=lstm&hidden=64&layers=2"]

Another lab and fewer visitors (printed, not written: e.g. the Sentence lab's Best, three GRU(64) on the
movie reviews, about a minute each):

    .venv/bin/python bench/visitor_memory.py --page sentences --steps 1 3 --seconds 600 --query sentences-best
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import loadclient  # noqa: E402
from replicas import rss_mb  # noqa: E402

from tests.browser import streamlit_server  # noqa: E402

CLOUD_MB = 2700  # Streamlit Community Cloud: about 2.7 GB for the app
STEPS = (1, 5, 10)  # visitors holding a trained model when RSS is read
NAMED = {  # --query shortcuts: the Sentence lab's Best (rnnlab.tasks: movie-reviews' best preset) as a link
    "sentences-best": "src=movies&cell=gru&hidden=64&emb=64&readout=max&drop=0.3&epochs=7&lr=0.003&batch=64"
    "&vocab=6000&maxlen=50&ensemble=3&seed={i}"
}


def measure(query: str, seconds: float, page: str = "emoji", steps=STEPS) -> dict:
    env = {"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": "3600"}  # visitors stay, as with open tabs
    with streamlit_server(env=env) as (url, proc):
        time.sleep(2)
        idle = rss_mb(proc.pid)
        loadclient.run_crowd(url, "emoji", ["seed=999&epochs=1"], seconds)  # imports, kernels, first page
        warm = rss_mb(proc.pid)
        rss, errors, have = {}, [], 0
        for n in steps:
            visits = loadclient.run_crowd(url, page, [query.format(i=i) for i in range(have, n)], seconds)
            errors += [v.error for v in visits if v.error]
            have = n
            time.sleep(1)
            rss[n] = rss_mb(proc.pid)
    per = (rss[steps[-1]] - rss[steps[0]]) / (steps[-1] - steps[0])
    return {"idle": idle, "warm": warm, "rss": rss, "per": per, "errors": errors}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--query", nargs="+", default=["seed={i}", "seed={i}&cell=lstm&hidden=64&layers=2"])
    p.add_argument("--seconds", type=float, default=120.0, help="each visitor's limit")
    p.add_argument("--page", default="emoji", help="the lab's url path (the table is written for emoji only)")
    p.add_argument("--steps", type=int, nargs="+", default=list(STEPS), help="visitors when RSS is read")
    a = p.parse_args()
    a.query = [NAMED.get(q, q) for q in a.query]
    if a.page != "emoji" or a.steps != list(STEPS):
        for q in a.query:
            m = measure(q, a.seconds, a.page, a.steps)
            rss = ", ".join(f"{n} visitor(s) {v:.0f} MB" for n, v in m["rss"].items())
            print(f"{a.page}?{q}: idle {m['idle']:.0f} MB, warm {m['warm']:.0f} MB, {rss}; ", end="")
            print(f"per visitor {m['per']:.1f} MB", m["errors"][:2], flush=True)
        return
    head = [
        "| link (Emoji lab) | idle | after a warm-up | 1 visitor | 5 | 10 | per visitor | visitors in 2.7 GB | load avg |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    lines = []
    for q in a.query:
        load0 = os.getloadavg()[0]
        m = measure(q, a.seconds)
        fit = (CLOUD_MB - m["rss"][1]) / m["per"] if m["per"] > 0 else float("inf")
        r = m["rss"]
        line = (
            f"| `{q}` | {m['idle']:.0f} MB | {m['warm']:.0f} MB | {r[1]:.0f} MB | {r[5]:.0f} MB | {r[10]:.0f} MB | "
            f"{m['per']:.1f} MB | {fit:,.0f} | {load0:.1f} -> {os.getloadavg()[0]:.1f} |"
        )
        print(line, m["errors"][:2], flush=True)
        lines.append(line)
    out = ROOT / "bench" / "results-visitor-memory.md"
    rest = out.read_text().partition("\n## ")  # later sections (bench/upload_memory.py's) are kept
    out.write_text(
        f"# Memory per visitor (bench/visitor_memory.py, server RSS, fresh server per row, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})\n\n"
        + "\n".join(head + lines)
        + "\n"
        + (f"\n## {rest[2]}" if rest[1] else "")
    )
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
