"""Server memory while one visitor loads the fake-news tutorial's two files (True.csv 51 MB, Fake.csv 63 MB)
into the Sentence lab: synthetic files of the real size and shape (tests/news_files.py: 21,417 and 23,481
rows of long quoted articles with commas, quotes and newlines; written to --dir, never committed).

1. The engine alone, in this process (tracemalloc): the Python memory ``read_class_files`` allocates at
   its peak while it reads both files and what the kept rows hold after (the files' bytes not counted).
2. A real server and Chromium: the server's RSS (/proc) with the lab open, its peak while the browser
   sends the files and the page reads them (sampled every 50 ms), and after the page lists them (the
   bytes let go); then Replace and load the same files again, to show nothing piles up.

Appends its table to bench/results-visitor-memory.md (replacing its own earlier section).

    .venv/bin/python bench/upload_memory.py [--dir /tmp/rnnlab-news]
"""

import argparse
import gc
import io
import os
import sys
import tempfile
import threading
import time
import tracemalloc
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

from news_files import news_csv  # noqa: E402
from replicas import rss_mb  # noqa: E402

from rnnlab.data import classfiles  # noqa: E402
from tests.browser import browser_page, streamlit_server  # noqa: E402

FILES = {"True.csv": (21_417, 2_440, 1), "Fake.csv": (23_481, 2_750, 2)}  # rows, mean characters, seed
SECTION = "## Loading the fake-news tutorial's files (bench/upload_memory.py)"
OUT = ROOT / "bench" / "results-visitor-memory.md"


def write_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, (rows, chars, seed) in FILES.items():
        path = folder / name
        if not path.exists():
            path.write_bytes(news_csv(rows, chars, seed))
        out.append(path)
    return out


def engine(paths: list[Path]) -> dict:
    """Peak and kept Python memory of read_class_files over both files (bytes already in memory)."""
    raws = [(p.name, p.read_bytes()) for p in paths]
    gc.collect()
    t0 = time.perf_counter()
    tracemalloc.start()
    files = classfiles.read_class_files([(n, io.BytesIO(r)) for n, r in raws])
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    classfiles.read_class_files([(n, io.BytesIO(r)) for n, r in raws])
    untraced = time.perf_counter() - t0
    return {
        "mb": sum(len(r) for _, r in raws) / 2**20,
        "peak": peak / 2**20,
        "traced_after": kept / 2**20,
        "kept": sum(int(f.table.memory_usage(deep=True).sum()) for f in files) / 2**20,
        "rows": [(f.name, len(f.table), f.rows) for f in files],
        "seconds": untraced,
        "traced_seconds": seconds,
    }


METRICS_TTL = 5.0  # Streamlit caches the /_stcore/metrics memory figures this long (starlette_routes.py)


def held_mb(url: str) -> float:
    """The uploaded files' bytes the server holds, all sessions (Streamlit's /_stcore/metrics, as of up
    to METRICS_TTL seconds ago)."""
    with urllib.request.urlopen(url + "/_stcore/metrics", timeout=10) as r:
        lines = r.read().decode().splitlines()
    return sum(float(x.split()[-1]) for x in lines if 'cache_type="UploadedFileManager"' in x) / 2**20


class Sampler(threading.Thread):
    """The server's RSS every 50 ms until stopped; ``rss`` the peak."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.rss, self.done = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.rss = max(self.rss, rss_mb(self.pid))
            time.sleep(0.05)


def boxes(page) -> int:
    return page.locator("input[type=file][accept*='.csv']").count()


def load(page, url: str, paths: list[Path], pid: int) -> dict:
    """Send the files from the browser, wait until the page lists them and its box is gone; RSS and the
    uploads the server holds before and after."""
    chooser = page.locator("input[type=file][accept*='.csv']")  # not the take-home model box (.pt)
    chooser.wait_for(state="attached", timeout=60_000)
    time.sleep(METRICS_TTL + 1)
    before, held0 = rss_mb(pid), held_mb(url)
    sampler = Sampler(pid)
    sampler.start()
    t0 = time.perf_counter()
    chooser.set_input_files([str(p) for p in paths])
    page.get_by_text("Loaded:").wait_for(timeout=300_000)
    seconds = time.perf_counter() - t0
    page.wait_for_function(
        "document.querySelectorAll(\"input[type=file][accept*='.csv']\").length === 0", timeout=120_000
    )  # the rerun that lists the files has ended (the old box lingers until then)
    time.sleep(METRICS_TTL + 1)  # a fresh metrics figure
    sampler.done.set()
    sampler.join()
    return {
        "before": before,
        "held_before": held0,
        "peak": sampler.rss,
        "after": rss_mb(pid),
        "held_after": held_mb(url),
        "seconds": seconds,
    }


def server(paths: list[Path], keep: bool = False) -> list[dict]:
    """Two loads by one visitor (the second after Replace); ``keep``: with ``upload_box.release`` made a
    no-op in the server (sitecustomize), to show what letting go saves."""
    env = {}
    if keep:
        hook = Path(tempfile.mkdtemp(prefix="rnnlab-keep-"))
        (hook / "sitecustomize.py").write_text(
            f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
            "import ui.upload_box\nui.upload_box.release = lambda ups: None\n"
        )
        env = {"PYTHONPATH": str(hook)}
    with streamlit_server(env=env) as (url, proc), browser_page() as page:
        page.goto(url + "/sentences")  # warm-up: the lab drawn once with its built-in sentences
        page.get_by_role("button", name="▶ Train").wait_for(timeout=120_000)
        page.goto(url + "/sentences?src=files")
        first = load(page, url, paths, proc.pid)
        page.get_by_role("button", name="Replace the files").click()
        page.get_by_text("Loaded:").wait_for(state="detached", timeout=60_000)
        second = load(page, url, paths, proc.pid)
        errors = page.locator(".stException").count()
    return [first | {"errors": errors}, second | {"errors": errors}]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--dir", type=Path, default=Path("/tmp/rnnlab-news"), help="where the synthetic files go")
    a = p.parse_args()
    paths = write_files(a.dir)
    load0 = os.getloadavg()[0]
    e = engine(paths)
    print(e, flush=True)
    runs = {"let go once read (the page)": server(paths), "kept (release made a no-op)": server(paths, True)}
    print(runs, flush=True)
    sizes = ", ".join(f"{p.name} {p.stat().st_size / 2**20:.1f} MB" for p in paths)
    rows = "; ".join(f"{n}: {used:,} of {total:,} rows" for n, used, total in e["rows"])
    lines = [
        SECTION,
        "",
        f"`.venv/bin/python bench/upload_memory.py`, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"load avg {load0:.1f} -> {os.getloadavg()[0]:.1f} (`uptime`; 2 shared cores). Synthetic files of "
        f"the real size and shape ({sizes}; tests/news_files.py). {rows} kept, each cell cut to "
        f"{classfiles.ARTICLE_CHARS:,} characters as it is read.",
        "",
        "| engine alone, both files | Python memory at the peak while reading (tracemalloc; the files' "
        "bytes not counted) | the kept tables (pandas, deep) | time |",
        "|---|---|---|---|",
        f"| `read_class_files` ({e['mb']:.0f} MB) | {e['peak']:.1f} MB | {e['kept']:.1f} MB | "
        f"{e['seconds']:.1f} s |",
        "",
        "One visitor; Chromium uploads both files to a fresh server whose Sentence lab was drawn once "
        "(warm-up). RSS of the server process (/proc); uploads held: the bytes Streamlit's upload manager "
        "holds (/_stcore/metrics, read 6 s after the page listed the files and its box was gone: Streamlit "
        "caches that figure 5 s). The second load follows Replace.",
        "",
        "| uploaded bytes | load | RSS before | RSS peak | RSS after | uploads held before | after | "
        "time to listed | page errors |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for how, pair in runs.items():
        for i, r in enumerate(pair):
            lines.append(
                f"| {how} | {'first' if i == 0 else 'after Replace'} | {r['before']:.0f} MB | {r['peak']:.0f} MB"
                f" | {r['after']:.0f} MB | {r['held_before']:.0f} MB | {r['held_after']:.0f} MB | "
                f"{r['seconds']:.1f} s | {r['errors']} |"
            )
    text = OUT.read_text() if OUT.exists() else ""
    text = text.split(SECTION)[0].rstrip("\n")
    OUT.write_text(text + "\n\n" + "\n".join(lines) + "\n")
    print("\n".join(lines))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
