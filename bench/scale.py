"""A class on one server: 1, 5, 10, 20 and 30 headless visitors (bench/loadclient.py) each train the Emoji
default run (seed = visitor number) at once; prints finished / slowest / median / server RSS, the time a
late visitor (arriving ``--late`` seconds after the class pressed Train) waits for the home page, and the
machine's load average before and after the row; writes bench/results-scale.md. A fresh server per row.
Worst case about 6 minutes (each row capped at 60 s).

    .venv/bin/python bench/scale.py [--counts 1 5 10 20 30] [--seconds 60]
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import loadclient  # noqa: E402

from tests.browser import streamlit_server  # noqa: E402


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _class_and_late(url: str, n: int, seconds: float, late: float):
    async def late_visitor():
        await asyncio.sleep(late)
        return await loadclient.visit(url, "", "", seconds, train=False)

    queries = [f"seed={i}" for i in range(n)]
    return await asyncio.gather(loadclient.crowd(url, "emoji", queries, seconds), late_visitor())


SOLO = """
import json, sys
from rnnlab.cli import _parser, cmd_train
from rnnlab.device import use_one_thread
use_one_thread()
print(json.dumps([cmd_train(_parser().parse_args(["train", "emoji", "--seed", str(i)]))["final_loss"]
                  for i in range(int(sys.argv[1]))]))
"""


def solo_losses(n: int) -> list[float]:
    """The final loss of each link (seed 0..n-1) trained alone, in one process with the CLI's own code."""
    out = subprocess.run(
        [sys.executable, "-c", SOLO, str(n)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def row(n: int, seconds: float, late: float) -> dict:
    load_before = os.getloadavg()[0]
    with streamlit_server() as (url, proc):
        loadclient.run_crowd(url, "emoji", ["seed=0&epochs=1"], seconds)  # warm: imports, first page
        before = rss_mb(proc.pid)
        visits, home = asyncio.run(_class_and_late(url, n, seconds, late))
        s = loadclient.summary(visits)
        s["rss"] = (before, rss_mb(proc.pid))
        s["home"] = home.opened
    s["load"] = (load_before, os.getloadavg()[0])
    solo = solo_losses(n)
    s["same"] = sum(v.done is not None and v.loss == x for v, x in zip(visits, solo, strict=True))
    for i, (v, x) in enumerate(zip(visits, solo, strict=True)):
        if v.loss != x:  # name it: a different number, or a visit that saw no final chart
            print(f"  seed={i}: epoch {v.epoch}, loss {v.loss!r}, alone {x!r}, done {v.done}, {v.error}")
    return s


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--counts", type=int, nargs="+", default=[1, 5, 10, 20, 30])
    p.add_argument("--seconds", type=float, default=60.0, help="each visitor's limit")
    p.add_argument(
        "--late", type=float, default=3.0, help="seconds after the class until a late visitor comes"
    )
    a = p.parse_args()
    lines = [
        "| visitors | finished | slowest | median | final loss as the link alone | server RSS | late visitor: home page "
        "| load average |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n in a.counts:
        s = row(n, a.seconds, a.late)
        slow = f"{s['slowest']:.1f} s" if s["slowest"] is not None else "-"
        med = f"{s['median']:.1f} s" if s["median"] is not None else "-"
        line = f"| {n} | {s['finished']} of {n} within {a.seconds:.0f} s | {slow} | {med} | {s['same']} of {n} | "
        home = f"{s['home']:.2f} s" if s["home"] is not None else "-"
        line += (
            f"{s['rss'][0]:.0f} -> {s['rss'][1]:.0f} MB | {home} | {s['load'][0]:.1f} -> {s['load'][1]:.1f} |"
        )
        print(line, s["errors"][:2], flush=True)
        lines.append(line)
    out = ROOT / "bench" / "results-scale.md"
    out.write_text(
        "# A class on one server (bench/scale.py, headless visitors, Emoji default run, fresh server per row)\n\n"
        + "\n".join(lines)
        + "\n"
    )
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
