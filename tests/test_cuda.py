"""The CUDA paths: run only where torch sees a CUDA GPU (skipped otherwise, with the reason).

On a GPU machine: ``.venv/bin/python -m pytest -q tests/test_cuda.py`` (and ``python bench/engine.py`` for
the engine's figures there); a CUDA build of torch is needed (``pip install torch==2.13.0`` from PyPI on
Linux, not the CPU wheel).
"""

import json
import math
import subprocess
import sys

import pytest
import torch

from rnnlab.device import available_devices, describe_device, pick_device
from rnnlab.models import seeded_model
from rnnlab.speed import steps_per_second
from rnnlab.tasks import resolve
from rnnlab.train import Trainer
from tests.apptest import app, train_to_end
from tests.browser import ROOT

pytestmark = pytest.mark.skipif(
    not torch.cuda.is_available(),
    reason="no CUDA GPU here (torch.cuda.is_available() is False, or torch is the CPU-only build); "
    "run on a GPU machine: .venv/bin/python -m pytest -q tests/test_cuda.py",
)


def _trainer(device: str, epochs: int = 30, seed: int = 0) -> Trainer:
    td, mc, tc = resolve("emoji", train={"epochs": epochs, "seed": seed, "device": device})
    return Trainer(seeded_model(mc, seed), td.train, tc, val=td.test, device=pick_device(device))


def test_cuda_is_offered_first_and_named():
    assert available_devices()[0] == "cuda"
    assert pick_device("auto").type == "cuda"
    assert describe_device("cuda").startswith("CUDA GPU (")


def test_training_on_cuda_learns_and_repeats_and_agrees_with_the_cpu():
    gpu = _trainer("cuda").run()
    assert all(p.device.type == "cuda" for p in gpu.model.parameters())
    assert gpu.epoch == 30 and all(math.isfinite(v) for v in gpu.history.loss)
    assert gpu.history.loss[-1] < gpu.history.loss[0]
    again = _trainer("cuda").run()
    assert again.history.loss[-1] == pytest.approx(gpu.history.loss[-1], rel=1e-4)  # same seed, same device
    cpu = _trainer("cpu").run()  # the same weights and batches; cuDNN's kernels round differently
    assert gpu.history.loss[-1] == pytest.approx(cpu.history.loss[-1], rel=5e-2)


def test_steps_per_second_on_cuda_leaves_the_model_on_the_cpu():
    td, mc, tc = resolve("emoji")
    model = seeded_model(mc, 0)
    rate = steps_per_second(model, td.train, tc, "cuda", seconds=0.05, max_steps=20)
    assert math.isfinite(rate) and rate > 0
    assert all(p.device.type == "cpu" for p in model.parameters())


def test_the_cli_trains_on_cuda():
    out = subprocess.run(
        [sys.executable, "-m", "rnnlab", "train", "emoji", "--device", "cuda", "--epochs", "20", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    r = json.loads(out.stdout)
    assert r["device"] == "cuda" and r["epochs"] == 20 and math.isfinite(r["final_loss"])


def test_the_lab_trains_on_the_chosen_gpu_and_shows_both_speeds():
    at = app(page="labs/emoji.py", epochs="20")
    at.sidebar.selectbox(key="device").set_value("cuda").run()
    run = train_to_end(at)
    assert run.done and next(run.trainer.model.parameters()).device.type == "cuda"
    note = " ".join(c.value for c in at.sidebar.caption)
    assert "CUDA GPU" in note and "CPU" in note and "/s" in note
