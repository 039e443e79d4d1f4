"""The house's claims, checked: layering contracts (.importlinter), lint and format (ruff.toml), and the
structure report (no cycles in the engine, no import from the engine to the site)."""

import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def _run(root, *cmd) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(
    "cmd",
    [
        ("lint-imports",),
        ("ruff", "check", "."),
        ("ruff", "format", "--check", "."),
    ],
    ids=["import-linter", "ruff-check", "ruff-format"],
)
def test_tool_passes(root, cmd):
    r = _run(root, str(BIN / cmd[0]), *cmd[1:])
    assert r.returncode == 0, f"{' '.join(cmd)} failed:\n{r.stdout[-4000:]}\n{r.stderr[-2000:]}"


def test_structure_report_shows_no_cycle_and_no_upward_import(root):
    r = _run(root, sys.executable, "tools/structure.py")
    assert r.returncode == 0 and "cycles among engine modules: 0" in r.stdout, r.stdout + r.stderr
    assert "imports from the engine to the site (ui, labs, streamlit): 0" in r.stdout
