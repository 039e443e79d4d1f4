"""Every message a visitor can cause has a key, with English and Korean text that quote the same values.

An AST walk finds each ``check(...)``, ``RNNLabError(...)``, ``Note(...)`` and ``LinkProblem(...)`` call in
the engine and ``ui/state.py``; then about thirty errors reachable from a page or the CLI are provoked and
read in Korean, which must hold no English sentence.
"""

import ast
import io
import re
import string
import urllib.error

import numpy as np
import pandas as pd
import pytest
import torch

from rnnlab import checkpoint
from rnnlab.config import ModelConfig, TrainConfig, config_from_dict
from rnnlab.data import airline, corpus, download, emoji, files, text
from rnnlab.data.seqdata import from_features
from rnnlab.device import pick_device
from rnnlab.errors import Note, RNNLabError, catalog, say
from rnnlab.models import seeded_model
from rnnlab.tasks import build_emoji, parse_numbers, resolve
from rnnlab.train import Trainer
from ui.state import EMOJI_FIELDS, FORECAST_FIELDS, decode, unpack_messages

SECTION = {"check": "err", "RNNLabError": "err", "Note": "note", "LinkProblem": "note"}
KEY_ARG = {"check": 1, "RNNLabError": 0, "Note": 0, "LinkProblem": 0}
# calls that pass on a key made elsewhere (checked where it is made)
PASS_ON = {("ui/state.py", "note"), ("rnnlab/errors.py", "check"), ("rnnlab/errors.py", "_note")}


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _keys(node) -> list[str] | None:
    """The literal key(s) of a call's key argument: a string, or ``a if cond else b`` of two strings."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        a, b = _keys(node.body), _keys(node.orelse)
        return a + b if a is not None and b is not None else None
    return None


def _calls(node, func=""):
    """(enclosing function, call node, name) for every message call under ``node``, each once."""
    for child in ast.iter_child_nodes(node):
        inner = child.name if isinstance(child, (ast.FunctionDef, ast.ClassDef)) else func
        if isinstance(child, ast.Call):
            name = getattr(child.func, "id", getattr(child.func, "attr", None))
            if name in SECTION and not (name == "check" and isinstance(child.func, ast.Attribute)):
                yield func, child, name
        yield from _calls(child, inner)


def _sites(root):
    for path in sorted([*(root / "rnnlab").rglob("*.py"), root / "ui" / "state.py"]):
        rel = path.relative_to(root).as_posix()
        for func, node, name in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            yield rel, func, node, name


def test_every_call_names_a_key_in_en_and_ko_with_its_values(root):
    seen, bad = 0, []
    for rel, func, node, name in _sites(root):
        if len(node.args) <= KEY_ARG[name]:
            continue  # a definition's own super() call and the like
        keys = _keys(node.args[KEY_ARG[name]])
        if keys is None:
            if (rel, func) not in PASS_ON:
                bad.append(f"{rel}:{node.lineno} {name}(...) key is not a literal")
            continue
        given = {k.arg for k in node.keywords}
        spread = any(k.arg is None for k in node.keywords)
        for key in keys:
            seen += 1
            full = f"{SECTION[name]}.{key}"
            for lang in ("en", "ko"):
                if full not in catalog(lang):
                    bad.append(f"{rel}:{node.lineno} {full} has no {lang} text")
                elif not spread and not _placeholders(catalog(lang)[full]) <= given | {"field", "value"}:
                    missing = _placeholders(catalog(lang)[full]) - given
                    bad.append(f"{rel}:{node.lineno} {full} ({lang}) quotes {missing}, not given")
    assert not bad, "\n".join(bad)
    assert seen > 90  # the walk found the sites (about a hundred)


def test_en_and_ko_have_the_same_keys_and_placeholders():
    en, ko = catalog("en"), catalog("ko")
    assert set(en) == set(ko), set(en) ^ set(ko)
    for key in en:
        assert _placeholders(en[key]) == _placeholders(ko[key]), key


def test_an_unknown_key_is_a_key_error():
    with pytest.raises(KeyError):
        RNNLabError("no such message")
    with pytest.raises(KeyError):
        Note("no such note")


ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,;:]+[A-Za-z]{2,}){2,}")


def _english_in_korean(key: str) -> list[str]:
    """English runs of three or more words in the Korean template, outside values, quotes and brackets."""
    template = re.sub(r"\{[^}]*\}|\([^)]*\)|'[^']*'", " ", catalog("ko")[key])
    return ENGLISH.findall(template)


def test_no_korean_template_holds_an_english_sentence():
    found = {k: _english_in_korean(k) for k in catalog("ko") if _english_in_korean(k)}
    assert not found, found


class _Offline:
    def __call__(self, url, timeout=None):
        raise urllib.error.URLError("Temporary failure in name resolution")


def _nan_note():
    x = torch.randn(64, 5, 1) * 100
    cfg = ModelConfig(cell="rnn", activation="relu", input_kind="features", head="regression")
    tr = Trainer(
        seeded_model(cfg, 0), from_features(x, x.sum((1, 2)) * 1e3), TrainConfig(lr=5.0, optimizer="sgd")
    )
    return tr.run(epochs=50).message


def _link(fields, **params):
    return decode(params, fields)[1][0]


SERIES = pd.DataFrame({"Month": ["a", "b"], "Passengers": ["1", "x"]})
PROVOKE = {
    "cell": lambda: ModelConfig(cell="transformer", vocab_size=9).validate(),
    "hidden": lambda: ModelConfig(hidden_size=0, vocab_size=9).validate(),
    "dropout": lambda: ModelConfig(dropout=2.0, vocab_size=9).validate(),
    "lr": lambda: TrainConfig(lr=0.0).validate(),
    "clip": lambda: TrainConfig(clip=-1.0).validate(),
    "seed": lambda: TrainConfig(seed=2**31).validate(),
    "fields": lambda: config_from_dict(ModelConfig, {"size": 1}),
    "device": lambda: pick_device("tpu"),
    "file_empty": lambda: files.read_upload(b""),
    "file_binary": lambda: files.read_upload(b"a\x00b"),
    "file_big": lambda: files.read_upload(b"a" * 2000, max_mb=0.001),
    "empty": lambda: text.check_text("   "),
    "long": lambda: text.check_text("a" * 3000),
    "two_messages": lambda: emoji.check_messages([("🐱", 1)]),
    "good_and_bad": lambda: emoji.check_messages([("🐱", 1), ("🐶", 1)]),
    "many_emoji": lambda: emoji.EmojiCodec.tokenize("🐱" * 60),
    "equal_length": lambda: build_emoji("tutorial", [("🐱🐶", 1), ("🐱", 0)]),
    "no_label": lambda: corpus.parse_pairs("good,1\nno label here\n"),
    "one_class": lambda: corpus.parse_pairs("a,1\nb,1\nc,1\nd,1"),
    "few_texts": lambda: corpus.parse_pairs("a,1\nb,0"),
    "two_columns": lambda: corpus.read_table("text\nhello\n"),
    "same_column": lambda: corpus.from_table(pd.DataFrame({"a": ["x"]}), "a", "a"),
    "no_rows": lambda: airline.read_csv(io.StringIO("a,b\n")),
    "no_column": lambda: airline.series_from(SERIES, "Sales"),
    "not_numeric": lambda: airline.series_from(SERIES, "Passengers"),
    "window_long": lambda: airline.make_windows(np.arange(1.0, 50.0), 40),
    "window_zero": lambda: airline.make_windows(np.arange(1.0, 50.0), 0),
    "prep_positive": lambda: airline.make_windows(np.arange(-5.0, 95.0), 4, "log"),
    "not_numbers": lambda: parse_numbers("1 2 x"),
    "not_finite": lambda: parse_numbers("1 inf"),
    "few_values": lambda: resolve("airline")[0].encode("112 118"),
    "task": lambda: resolve("chess"),
    "preset": lambda: resolve("emoji", "fast"),
    "ckpt": lambda: checkpoint.load("/nonexistent/model.pt"),
    "offline": lambda: download.fetch(download.CORPORA["nsmc"], "/tmp/rnnlab-test-cache", opener=_Offline()),
    "link_rows": lambda: unpack_messages("🐱:maybe"),
}
NOTES = {
    "nan": _nan_note,
    "link_range": lambda: _link(EMOJI_FIELDS, hidden="100000"),
    "link_choice": lambda: _link(EMOJI_FIELDS, cell="transformer"),
    "link_bool": lambda: _link(EMOJI_FIELDS, bidir="maybe"),
    "link_number": lambda: _link(EMOJI_FIELDS, clip="nan"),
    "link_whole": lambda: _link(FORECAST_FIELDS, window="3.5"),
    "unknown": lambda: resolve("emoji")[0].encode("🐱🦄")[2][0],
}


def _korean_ok(message) -> None:
    ko = say(message, "ko")
    assert message.key and f"{message.section}.{message.key}" in catalog("ko")
    assert re.search(r"[가-힣]", ko) and ko != str(message), ko
    assert not _english_in_korean(f"{message.section}.{message.key}"), ko


@pytest.mark.parametrize("name", sorted(PROVOKE))
def test_each_visitor_error_reads_in_korean(name):
    with pytest.raises(ValueError) as err:
        PROVOKE[name]()
    found = err.value
    if not isinstance(found, RNNLabError):  # a link problem: its note is what a page shows
        found = found.note("data", "🐱:maybe")
    _korean_ok(found)


@pytest.mark.parametrize("name", sorted(NOTES))
def test_each_visitor_note_reads_in_korean(name):
    note = NOTES[name]()
    assert isinstance(note, Note)
    _korean_ok(note)


def test_the_nan_stop_suggests_clipping_only_when_it_is_off():
    assert _nan_note().key == "nan_stop_clip"
    x = torch.randn(64, 5, 1) * 100
    cfg = ModelConfig(cell="rnn", activation="relu", input_kind="features", head="regression")
    tc = TrainConfig(lr=10.0, optimizer="sgd", clip=1e9)
    tr = Trainer(seeded_model(cfg, 0), from_features(x, x.sum((1, 2)) * 1e6), tc).run(epochs=50)
    assert tr.stop_reason == "nan" and tr.message.key == "nan_stop" and "clipping" not in tr.message
