"""Command line: ``python -m rnnlab tasks`` and ``python -m rnnlab train TASK [options]``.

Bad input prints one line, ``error: ...``, on stderr and exits with code 2; nothing is written.
"""

import argparse
import json
import sys
import time
from dataclasses import asdict

import numpy as np

from . import checkpoint
from .config import fmt
from .device import pick_device, use_one_thread
from .ensemble import member_configs, spread, train_all, vote
from .errors import RNNLabError, check
from .knobs import KNOBS, applies, split
from .metrics import regression_errors
from .models import seeded_model
from .predict import from_probs, predict, tag_probs
from .replay import trace
from .tasks import TASKS, parse_numbers, resolve
from .train import Trainer

CLI_KNOBS = {n: k for n, k in KNOBS.items() if k.target != "site"}  # what a page's link and the CLI share


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line and exit 2, not argparse's usage block
        raise RNNLabError("cli_args", detail=message)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m rnnlab", description="Train tiny RNN/LSTM/GRU models and look inside them.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sub.add_parser("tasks", help="list tasks and their presets")
    t = sub.add_parser("train", help="train a model on a task")
    t.add_argument("task", help="task name (see: python -m rnnlab tasks)")
    t.add_argument("--preset", default="default", help="named settings: default, best, tutorial, ...")
    for k in CLI_KNOBS.values():  # one flag per knob, named as in the page's link (rnnlab.knobs)
        flags = (f"--{k.name}", *k.aliases)
        if k.kind is bool:
            t.add_argument(*flags, dest=k.name, action="store_true", default=None, help=k.help)
        else:
            span = "{" + ",".join(map(str, k.choices)) + "}" if k.choices else f"{fmt(k.lo)}..{fmt(k.hi)}"
            t.add_argument(*flags, dest=k.name, type=k.kind, metavar=span, help=k.help)
    t.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda", "mps"])
    t.add_argument(
        "--predict", nargs="+", default=[], metavar="TEXT", help="inputs to predict after training"
    )
    t.add_argument(
        "--trace", metavar="TEXT", help="an input to replay step by step (hidden states and gates)"
    )
    t.add_argument("--save", metavar="PATH", help="save the trained model (weights and config) here")
    t.add_argument(
        "--load", metavar="PATH", help="use a model saved with --save for this task instead of training one"
    )
    t.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def _r(a) -> list:
    return np.round(np.asarray(a, dtype=float), 6).tolist()


def _predict(models: list, td, text: str) -> dict:
    """The first model's prediction; with an ensemble, a value or the class probabilities are the mean of
    every model's."""
    model = models[0]
    x, tokens, warnings = td.encode(text)
    pred = predict(model, x)
    row = {"input": text, "tokens": tokens, "warnings": warnings}
    if model.cfg.head == "regression":
        values = [_regression_value(td, text, float(predict(m, x).probs[0])) for m in models]
        row["value"] = float(spread([values]).mean[0])
    elif model.cfg.head == "tagging":  # (L, K): one tag per token
        p = tag_probs(model, x)
        row["tags"] = [td.labels[k] for k in p.argmax(-1)]
        row["probability"] = _r(p.max(-1))
    else:
        names = td.labels or [str(k) for k in range(len(pred.probs))]
        if len(models) > 1:
            pred = from_probs(np.mean([predict(m, x).probs for m in models], axis=0))
        row["label"] = names[pred.label]
        row["probability"] = round(pred.probability, 6)  # of the predicted label
        row["probabilities"] = {n: round(float(p), 6) for n, p in zip(names, pred.probs)}
    return row


def _regression_value(td, text: str, z: float) -> float:
    """A prediction in original units: undo the task's preprocessing on the next step."""
    if td.forecast is None:
        return z
    w = td.forecast.windows
    vals = parse_numbers(text)
    return float(w.transform.inverse(np.array([z]), np.array([len(vals)]), np.r_[vals, 0.0])[0])


def _trace_json(model, td, text: str) -> dict:
    x, tokens, warnings = td.encode(text)
    tr = trace(model.cpu(), x)
    steps = []
    for t, token in enumerate(model.step_labels(tokens)):  # with the conv front-end: P tokens a step
        layers = [
            {
                "h": _r(l.h[t]),
                **({"c": _r(l.c[t])} if l.c is not None else {}),
                "gates": {g: _r(a[t]) for g, a in l.gates.items()},
            }
            for l in tr.layers
        ]
        steps.append({"token": token, "output": _r(tr.outputs[t]), "layers": layers})
    out = {"input": text, "warnings": warnings, "steps": steps}
    if tr.maps is not None:  # the conv front-end's maps, per token
        out["feature_maps"] = [{"token": tok, "m": _r(m)} for tok, m in zip(tokens, tr.maps)]
    return out


def cmd_train(a) -> dict:
    check(a.task in TASKS, "task_unknown", got=a.task, choices=", ".join(TASKS))
    given = {n: getattr(a, n) for n in CLI_KNOBS if getattr(a, n) is not None}
    for name, value in given.items():
        knob = CLI_KNOBS[name]
        takers = [t for t in TASKS if applies(knob, TASKS[t])]
        check(a.task in takers, "option_task", option=name, tasks=", ".join(takers), task=a.task)
        knob.check(value, a.task)
    model_over, train_over, data = split(given)
    loaded, saved = checkpoint.load(a.load) if a.load else (None, {})
    if loaded is not None:
        check(saved.get("task") == a.task, "ckpt_task", path=a.load, saved=saved.get("task"), task=a.task)
        a.preset = saved.get("preset", a.preset)
        data = {**saved.get("data", {}), **data}
    td, mc, tc = resolve(a.task, a.preset, model_over, train_over, data or None)
    if loaded is not None:
        wrong = {k: v for k, v in td.model.items() if getattr(loaded.cfg, k) != v}
        check(
            not wrong,
            "ckpt_shape",
            path=a.load,
            task=a.task,
            detail=", ".join(f"{k} {v}" for k, v in wrong.items()),
        )
        mc = loaded.cfg
    tc.device = a.device
    device = pick_device(a.device)
    check(td.encode is not None or not (a.predict or a.trace), "no_input", task=a.task)
    for text in a.predict + ([a.trace] if a.trace else []):
        td.encode(text)  # reject bad inputs before spending time on training
    k = tc.ensemble
    check(k == 1 or mc.head != "tagging", "ensemble_head", task=a.task)
    check(k == 1 or not a.save, "ensemble_save", k=k)
    check(k == 1 or loaded is None, "ensemble_load", k=k)
    if loaded is not None:
        members = [Trainer(loaded, td.train, tc, device=device)]
    else:  # member 1 is the single model (seed); the others seed + 1, ... (rnnlab.ensemble)
        members = [Trainer(seeded_model(mc, m.seed), td.train, m, device=device) for m in member_configs(tc)]
    t0 = time.perf_counter()
    if loaded is None:  # side by side on the CPU's cores (the same numbers as one after another)
        train_all(members, threads=None if device.type == "cpu" else 1)
    train_seconds = time.perf_counter() - t0 if loaded is None else 0.0
    for t in members:
        if t.stop_reason == "nan":
            raise RNNLabError.from_note(t.message)
    trainer, model = members[0], members[0].model
    loss, acc, out = trainer.evaluate(td.test)
    metrics = {
        "test_loss": loss,
        "evaluated_on": "held-out test part"
        if td.held_out
        else "the training messages (this tiny set has no held-out part)",
    }
    if mc.head == "regression":
        each = [td.to_units(t.evaluate(td.test)[2].cpu().numpy()) for t in members]
        pred = spread(each).mean
        metrics.update({f"test_{k}": v for k, v in regression_errors(pred, td.truth).items()})
        metrics["baselines"] = {name: regression_errors(p, td.truth) for name, p in td.baselines.items()}
        if len(members) > 1:
            metrics["members"] = [regression_errors(p, td.truth) for p in each]
    elif len(members) > 1:  # the members' class probabilities averaged, as the Sentence lab does
        v = vote(members, td.test)
        metrics["test_accuracy"] = v.accuracy
        metrics["members"] = [{"accuracy": a} for a in v.members]
    else:
        metrics["test_accuracy"] = acc
    for t in members:
        t.model.eval()
    result = {
        "task": a.task,
        "preset": a.preset,
        "device": device.type,
        "config": {"model": asdict(mc), "train": asdict(tc)},
        "train_seconds": round(train_seconds, 4),  # the wall time of training every member
        "epochs": trainer.epoch,
        "stop_reason": trainer.stop_reason if loaded is None else "loaded",
        "final_loss": trainer.history.loss[-1] if trainer.history.loss else None,
        **({"loaded_from": a.load} if a.load else {}),
        "metrics": metrics,
        "predictions": [_predict([t.model for t in members], td, text) for text in a.predict],
    }
    if a.trace:
        result["trace"] = _trace_json(model, td, a.trace)
    if a.save:
        checkpoint.save(model.cpu(), a.save, {"task": a.task, "preset": a.preset, "data": data})
    return result


def _print_human(r: dict) -> None:
    m = r["metrics"]
    print(
        f"{r['task']} ({r['preset']}): {r['config']['model']['cell']} x{r['config']['model']['num_layers']}, "
        f"hidden {r['config']['model']['hidden_size']}, {r['epochs']} epochs in {r['train_seconds']:.2f} s on {r['device']}"
    )
    if r["final_loss"] is None:
        print(f"model loaded from {r['loaded_from']} (not trained here)")
    else:
        print(f"final training loss {r['final_loss']:.4f}")
    if "test_accuracy" in m:
        print(f"accuracy {m['test_accuracy']:.1%} on {m['evaluated_on']}")
        if "members" in m:
            each = ", ".join(f"{e['accuracy']:.1%}" for e in m["members"])
            print(f"  the average of {len(m['members'])} models' probabilities; each alone: {each}")
    else:
        print(f"test RMSE {m['test_rmse']:.3f}  MAE {m['test_mae']:.3f}  MAPE {m['test_mape']:.2f}%")
        if "members" in m:
            each = ", ".join(f"{e['rmse']:.3f}" for e in m["members"])
            print(f"  the average of {len(m['members'])} models; each alone: RMSE {each}")
        for name, b in m["baselines"].items():
            print(f"  baseline {name}: RMSE {b['rmse']:.3f}  MAE {b['mae']:.3f}  MAPE {b['mape']:.2f}%")
    for p in r["predictions"]:
        verdict = f"{p['label']} ({p['probability']:.1%})" if "label" in p else f"{p.get('value', 0):.4g}"
        if "tags" in p:  # tagging: token/tag pairs
            verdict = " ".join(f"{tok}/{tag}" for tok, tag in zip(p["tokens"], p["tags"]))
        print(f"{p['input']!r} -> {verdict}" + "".join(f"  [{w}]" for w in p["warnings"]))


def main(argv=None) -> int:
    use_one_thread()
    try:
        a = _parser().parse_args(argv)
        if a.command == "tasks":
            for t in TASKS.values():
                print(f"{t.name}: {t.summary}")
                for name, p in t.presets.items():
                    print(f"    --preset {name}: {p.note}")
            return 0
        result = cmd_train(a)
    except RNNLabError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if a.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        _print_human(result)
    return 0
