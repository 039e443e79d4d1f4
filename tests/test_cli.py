import json
import subprocess
import sys

import pytest

from rnnlab.cli import main


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "rnnlab", *args], capture_output=True, text=True, timeout=120
    )


def test_emoji_tutorial_trains_and_predicts_as_json(root):
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "rnnlab",
            "train",
            "emoji",
            "--preset",
            "tutorial",
            "--json",
            "--predict",
            "🐱🤖❤️❗️",
            "🐱 ❗️ 🐷 🐶",
            "--trace",
            "🐱🤖🐸",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
    )
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["task"] == "emoji" and out["epochs"] == 300 and out["config"]["model"]["hidden_size"] == 32
    assert out["metrics"]["test_accuracy"] == 1.0 and out["final_loss"] < 0.1 and out["train_seconds"] > 0
    good, bad = out["predictions"]
    assert good["label"] == "GOOD" and good["tokens"] == ["🐱", "🤖", "❤️", "❗️"] and good["probability"] > 0.5
    assert bad["label"] == "BAD"
    steps = out["trace"]["steps"]
    assert [s["token"] for s in steps] == ["🐱", "🤖", "🐸"] and len(steps[0]["layers"][0]["h"]) == 32
    assert "unknown" in out["trace"]["warnings"][0]


def test_lstm_trace_has_every_gate(capsys):
    assert (
        main(["train", "sentences", "--epochs", "3", "--layers", "2", "--json", "--trace", "i am not sad"])
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    layer = out["trace"]["steps"][3]["layers"][1]
    assert set(layer["gates"]) == {"i", "f", "g", "o"} and len(layer["c"]) == 16


def test_korean_morpheme_tokens_from_the_command_line(capsys):
    assert (
        main(
            [
                "train",
                "sentences-ko",
                "--tokens",
                "morpheme",
                "--epochs",
                "3",
                "--json",
                "--predict",
                "영화가 재미있었어요",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["predictions"][0]["tokens"][:3] == ["영화", "가", "재미있"]
    assert main(["train", "emoji", "--tokens", "char"]) == 2
    assert "--tok applies to" in capsys.readouterr().err


def test_regression_reports_errors_and_baselines(capsys):
    assert main(["train", "airline", "--preset", "tutorial", "--json", "--predict", "112 118 132 129"]) == 0
    out = json.loads(capsys.readouterr().out)
    m = out["metrics"]
    assert {"test_rmse", "test_mae", "test_mape"} <= set(m)
    assert m["baselines"]["seasonal naive"]["rmse"] == pytest.approx(46.34, abs=0.01)
    assert 50 < out["predictions"][0]["value"] < 1000


@pytest.mark.parametrize(
    "args,words",
    [
        (["train", "emoji", "--predict", ""], "empty"),
        (["train", "emoji", "--predict", "🐱" * 10_000], "too long"),
        (["train", "airline", "--window", "200"], "window must be a whole number from 1 to 36; got 200"),
        (["train", "emoji", "--hidden", "0"], "hidden must be"),
        (["train", "emoji", "--hidden", "10000"], "hidden must be"),
        (["train", "nope"], "unknown task"),
        (["train", "emoji", "--preset", "fast"], "no preset"),
        (["train", "emoji", "--epochs", "many"], "invalid int"),
        (["train", "emoji", "--window", "3"], "not to"),
        (["train", "airline", "--predict", "1 2 x"], "not a number"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, args, words):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and words in err and err.count("\n") == 1 and "Traceback" not in err


def test_missing_device_is_a_clear_error():
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")  # CI has none; the check is for machines without a GPU
    r = _cli("train", "emoji", "--device", "cuda", "--epochs", "1")
    assert r.returncode == 2 and "not available" in r.stderr and "Traceback" not in r.stderr


def test_save_writes_a_loadable_model(tmp_path, capsys):
    from rnnlab import checkpoint

    path = tmp_path / "emoji.pt"
    assert main(["train", "emoji", "--epochs", "5", "--save", str(path)]) == 0
    model, extra = checkpoint.load(path)
    assert extra["task"] == "emoji" and model.cfg.cell == "gru"


def test_probability_is_that_of_the_predicted_label_with_every_class(capsys):
    args = ["train", "emoji", "--epochs", "60", "--predict", "🐱🤖❤️❗️", "🐷🐶❗️❤️"]
    assert main([*args, "--json"]) == 0
    good, bad = json.loads(capsys.readouterr().out)["predictions"]
    assert good["label"] == "GOOD" and bad["label"] == "BAD"
    for p in (good, bad):
        assert set(p["probabilities"]) == {"BAD", "GOOD"} and abs(sum(p["probabilities"].values()) - 1) < 1e-5
        assert p["probability"] == p["probabilities"][p["label"]] >= 0.5
    assert main(args) == 0
    text = capsys.readouterr().out
    assert f"-> BAD ({bad['probability']:.1%})" in text and f"-> GOOD ({good['probability']:.1%})" in text


def test_load_predicts_like_the_saved_run_and_refuses_other_files(tmp_path, capsys):
    path = tmp_path / "emoji.pt"
    args = ["--json", "--predict", "🐷🐶❗️❤️"]
    assert main(["train", "emoji", "--epochs", "30", "--save", str(path), *args]) == 0
    trained = json.loads(capsys.readouterr().out)
    assert main(["train", "emoji", "--load", str(path), *args]) == 0
    loaded = json.loads(capsys.readouterr().out)
    assert loaded["predictions"] == trained["predictions"] and loaded["stop_reason"] == "loaded"
    assert loaded["metrics"]["test_accuracy"] == trained["metrics"]["test_accuracy"]
    assert main(["train", "airline", "--load", str(path)]) == 2
    assert "trained on task 'emoji', not on 'airline'" in capsys.readouterr().err
    junk = tmp_path / "notes.txt"
    junk.write_text("not a model")
    for bad in (junk, tmp_path / "missing.pt"):
        assert main(["train", "emoji", "--load", str(bad)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
