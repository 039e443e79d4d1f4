"""The knobs of the labs with several runs on one page (Memory, Sequence-to-sequence): names of their own,
read only by their pages (and T, dist, act by the CLI). ``rnnlab.knobs`` adds them to the one table and
refuses a name taken twice."""

from .config import CELLS
from .knob import Knob as _K

MEMORY_VIEWS = ("act", "count", "sine", "recall", "flow", "gates", "explode")  # the Memory lab's parts

# The Memory lab (rnnlab.memory): its parts train several models at once, so their settings have names of
# their own (site knobs, only its page reads them); T and dist are also the CLI's (task memory), act any
# task's vanilla cell. Added here so no name can be taken twice (a dict would keep the last one silently).
MEMORY_KNOBS = [
    _K("act", "model", "activation", str, choices=("tanh", "relu"), help="the vanilla cell's nonlinearity"),
    _K(
        "T",
        "data",
        "length",
        int,
        5,
        200,
        help="memory task: steps per sequence, the first one is the answer",
    ),
    _K("dist", "data", "distractors", int, 1, 8, help="memory task: distinct distractor tokens"),
    _K("view", "site", "view", str, choices=MEMORY_VIEWS, role="view", help="Memory lab: the part shown"),
    _K("steps", "site", "steps", int, 1, 200, role="view", help="warm-up: T of the product of derivatives"),
    _K("w", "site", "w", float, 0.1, 4.0, role="view", help="warm-up: recurrent weight in the product"),
    _K("ccell", "site", "ccell", str, choices=CELLS, help="counting: the model's cell"),
    _K("win", "site", "win", str, role="view", help="counting: the window typed for the model"),
    _K("scell", "site", "scell", str, choices=CELLS, help="sine: cell of both models"),
    _K("shid", "site", "shid", int, 1, 64, help="sine: units per layer of both models"),
    _K("deep", "site", "deep", int, 2, 4, help="sine: layers of the deep model"),
    _K("sep", "site", "sep", int, 1, 200, role="live", help="sine: epochs of both models"),
    _K("sbatch", "site", "sbatch", int, 8, 1024, help="sine: batch size of both models"),
    _K("slr", "site", "slr", float, 1e-4, 0.1, role="live", help="sine: Adam's learning rate"),
    _K("leak", "site", "leak", bool, help="sine: the tutorial's leak (the target ends the window)"),
    _K("hid", "site", "hid", int, 2, 64, help="memory task: units of the RNN, LSTM and GRU"),
    _K("keep", "site", "keep", float, 0.0, 5.0, help="memory task: starting LSTM forget / GRU update bias"),
    _K("rep", "site", "rep", int, 1, 200, role="live", help="memory task and clipping: epochs"),
    _K("scale", "site", "scale", float, 0.1, 5.0, help="exploding gradients: recurrent weight scale"),
]
# The Sequence-to-sequence lab (rnnlab.seq2seq: its own configs, no CLI command): ``cell`` (narrowed to GRU
# and LSTM), ``hidden``, ``lr`` and ``seed`` above set its encoder-decoder; its other parts have names of their
# own (t: tagging, g: generation), budgets in optimizer steps.
SEQ2SEQ_KNOBS = [
    _K(
        "part",
        "site",
        "part",
        str,
        choices=("shapes", "translate", "tagging", "generate"),
        role="view",
        help="the part of the Sequence-to-sequence lab shown",
    ),
    _K(
        "task",
        "site",
        "task",
        str,
        choices=("reverse", "sort", "spell-en", "spell-ko", "read-en", "read-ko"),
        help="toy translation of the encoder-decoder",
    ),
    _K("att", "site", "att", str, choices=("none", "dot", "additive"), help="attention over the encoder"),
    _K("lmin", "site", "lmin", int, 1, 16, help="shortest input length the encoder-decoder trains on"),
    _K("lmax", "site", "lmax", int, 1, 16, help="longest input length it trains on (and accepts)"),
    _K("budget", "site", "budget", int, 10, 20000, role="live", help="encoder-decoder: training steps"),
    _K("longest", "site", "longest", int, 6, 16, help="length study: longest training length (from 4)"),
    _K("sbudget", "site", "sbudget", int, 20, 5000, help="length study: training steps per model"),
    _K("tag", "site", "tag", str, choices=("rise", "pos-en", "pos-ko"), help="tagging task"),
    _K("tcell", "site", "tcell", str, choices=("gru", "lstm"), help="tagger: recurrent cell"),
    _K("thid", "site", "thid", int, 1, 64, help="tagger: hidden units"),
    _K("tbudget", "site", "tbudget", int, 10, 20000, role="live", help="tagger: training steps"),
    _K("tlr", "site", "tlr", float, 1e-4, 0.1, role="live", help="tagger: Adam's learning rate"),
    _K("text", "site", "text", str, choices=("en", "ko", "paste"), help="generation: text to learn"),
    _K(
        "unit",
        "site",
        "unit",
        str,
        choices=("syllable", "jamo"),
        help="generation: Korean by syllable or jamo",
    ),
    _K("gcell", "site", "gcell", str, choices=("gru", "lstm"), help="character model: recurrent cell"),
    _K("ghid", "site", "ghid", int, 8, 256, help="character model: hidden units"),
    _K("gbudget", "site", "gbudget", int, 10, 20000, role="live", help="character model: training steps"),
    _K("glr", "site", "glr", float, 1e-4, 0.1, role="live", help="character model: Adam's learning rate"),
    _K("temp", "site", "temp", float, 0.1, 2.0, role="view", help="generation: sampling temperature"),
    _K("glen", "site", "glen", int, 10, 1000, role="view", help="generation: characters to write"),
]
