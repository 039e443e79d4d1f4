"""The Memory lab's settings as link fields (``?view=recall&T=100&act=relu``): one table, see ui.state."""

from ui.state import Field

VIEWS = ("act", "count", "sine", "recall", "flow", "gates", "explode")

MEMORY_FIELDS = [
    Field("view", str, "act", VIEWS, help="the part of the lab shown"),
    Field("act", str, "tanh", ("tanh", "relu"), help="the vanilla cell's nonlinearity, in every part"),
    Field("seed", int, 0, lo=0, hi=2**31 - 1, help="seeds weights and data"),
    # warm-up
    Field("steps", int, 30, lo=1, hi=200, help="T of the product of derivatives"),
    Field("w", float, 1.0, lo=0.1, hi=4.0, help="recurrent weight in the product"),
    # counting
    Field("ccell", str, "rnn", ("rnn", "lstm", "gru"), help="cell of the counting model"),
    Field("win", str, "0.1 0.2 0.3 0.4", help="the window typed for the counting model"),
    # sine
    Field("scell", str, "rnn", ("rnn", "lstm", "gru"), help="cell of both sine models"),
    Field("shid", int, 20, lo=1, hi=64, help="units per layer of the sine models"),
    Field("deep", int, 2, lo=2, hi=4, help="layers of the deep sine model"),
    Field("sep", int, 20, lo=1, hi=200, help="epochs of the sine models"),
    Field("sbatch", int, 256, lo=8, hi=1024, help="batch size of the sine models"),
    Field("slr", float, 1e-3, lo=1e-4, hi=0.1, help="Adam's learning rate for the sine models"),
    Field("leak", bool, False, help="the tutorial's leak: the target is the window's last value"),
    # memory task (recall, flow, gates, explode)
    Field("T", int, 50, lo=5, hi=200, help="sequence length of the memory task"),
    Field("hid", int, 16, lo=2, hi=64, help="units of the memory-task models"),
    Field("keep", float, 3.0, lo=0.0, hi=5.0, help="starting bias of the LSTM forget / GRU update gate"),
    Field("dist", int, 1, lo=1, hi=8, help="distinct distractor tokens"),
    Field("rep", int, 10, lo=1, hi=200, help="epochs of the memory-task models"),
    # exploding gradients
    Field("scale", float, 3.0, lo=0.1, hi=5.0, help="recurrent weight scale of the exploding RNN"),
    Field("clip", float, 1.0, lo=0.1, hi=10.0, help="gradient clipping of the clipped run"),
]

SINE_TUTORIAL = {"scell": "rnn", "shid": 20, "deep": 2, "sep": 20, "sbatch": 256, "slr": 1e-3, "leak": False}
