"""A class on one server: 1, 5, 10, 20 and 30 headless visitors (bench/loadclient.py) each train the Emoji
default run (seed = visitor number) at once; prints finished / slowest / median / server RSS and writes
bench/results-scale.md. A fresh server per row. Worst case about 6 minutes (each row capped at 60 s).

    .venv/bin/python bench/scale.py [--counts 1 5 10 20 30] [--seconds 60]
"""

import argparse
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


def row(n: int, seconds: float) -> dict:
    with streamlit_server() as (url, proc):
        loadclient.run_crowd(url, "emoji", ["seed=0&epochs=1"], seconds)  # warm: imports, first page
        before = rss_mb(proc.pid)
        visits = loadclient.run_crowd(url, "emoji", [f"seed={i}" for i in range(n)], seconds)
        s = loadclient.summary(visits)
        s["rss"] = (before, rss_mb(proc.pid))
    return s


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--counts", type=int, nargs="+", default=[1, 5, 10, 20, 30])
    p.add_argument("--seconds", type=float, default=60.0, help="each visitor's limit")
    a = p.parse_args()
    lines = ["| visitors | finished | slowest | median | server RSS |", "|---|---|---|---|---|"]
    for n in a.counts:
        s = row(n, a.seconds)
        slow = f"{s['slowest']:.1f} s" if s["slowest"] is not None else "-"
        med = f"{s['median']:.1f} s" if s["median"] is not None else "-"
        line = f"| {n} | {s['finished']} of {n} within {a.seconds:.0f} s | {slow} | {med} | "
        line += f"{s['rss'][0]:.0f} -> {s['rss'][1]:.0f} MB |"
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
