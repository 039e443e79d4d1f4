import sys
from pathlib import Path

import pytest
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
torch.set_num_threads(1)


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture(autouse=True)
def no_run_outlives_its_test():
    """A run a test left training (the server's scheduler is one per process) stops when the test ends,
    so it neither holds a place in the queue nor takes the CPU from the next test."""
    yield
    scheduler = sys.modules.get("ui.scheduler")
    if scheduler is not None:
        scheduler.SCHEDULER.stop_all()


@pytest.fixture(scope="module")
def server():
    """One site for a browser test module (tests/browser.py starts it on a free port, stops it after)."""
    from browser import CHROMIUM, streamlit_server

    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Debian's chromium is missing: apt-get install -y chromium (tests/run.sh does this as root)"
        )
    with streamlit_server() as (url, _):
        yield url
