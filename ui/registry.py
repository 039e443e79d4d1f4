"""Every lab of the site in one table: the navigation, the home page's cards and the tests read it.

Importable without Streamlit (the tests and tools read it as data). A lab that is ``coming`` has a card
that says so and no page in the navigation; flipping it to ``ready`` (with its page file, its strings
``nav.<key>`` and ``home.<key>`` in en and ko) is what puts it on the site: AppTest renders every
ready lab in both languages and Chromium opens each, without a list written by hand.
"""

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class LabEntry:
    key: str  # short stable name: widget keys "<key>.<field>", session key "_lab:<key>", locale keys
    icon: str  # one emoji, shown in the navigation and on the home card
    url_path: str  # the page's address: /<url_path> (links must survive releases)
    page: str  # the page file, relative to the repository root (labs/<key>.py)
    tasks: tuple[str, ...]  # names in rnnlab.tasks.TASKS the lab trains (its presets come from them)
    state: str = "ready"  # "ready" (in the navigation) or "coming" (a card that says so)
    marker: str = "set.model"  # a subheader key every render of the page shows (the tests look for it)
    area: str = ""  # the locale area of the page's strings (<area>.title, <area>.lead); "" = the key
    runtime: bool = True  # the page is built on the Lab runtime (ui/lab.py): one Train row, first on a phone

    def __post_init__(self):
        if not self.area:
            object.__setattr__(self, "area", self.key)

    @property
    def title_key(self) -> str:  # locale key of the lab's name (navigation, card title)
        return f"nav.{self.key}"

    @property
    def card_key(self) -> str:  # locale key of the home card's text
        return f"home.{self.key}"

    @property
    def ready(self) -> bool:
        return self.state == "ready"


HOME = LabEntry("home", "🏠", "home", "labs/home.py", (), marker="home.labs")

LABS: tuple[LabEntry, ...] = (
    LabEntry("emoji", "🐱", "emoji", "labs/emoji.py", ("emoji",), marker="emoji.data"),
    LabEntry(
        "sentences",
        "💬",
        "sentences",
        "labs/sentences.py",
        ("sentences", "sentences-ko", "movie-reviews"),
        marker="sent.data",
        area="sent",
    ),
    LabEntry("forecast", "✈️", "forecast", "labs/forecast.py", ("airline",), marker="fc.data", area="fc"),
    LabEntry(
        "memory",
        "🧠",
        "memory",
        "labs/memory.py",
        ("memory", "next-value", "sine"),
        marker="mem.parts",
        area="mem",
        runtime=False,
    ),
    LabEntry(
        "seq2seq",
        "🔁",
        "seq2seq",
        "labs/seq2seq.py",
        ("tag-rise", "tag-pos-en", "tag-pos-ko"),  # the encoder-decoder and generation train outside TASKS
        marker="s2s.title",
        area="s2s",
        runtime=False,  # on the runtime through lab.part, but no Train row on landing (the shapes overview)
    ),
)


def ready_labs() -> list[LabEntry]:
    """The labs a visitor can open, in navigation order."""
    return [lab for lab in LABS if lab.ready]


def lab(key: str) -> LabEntry:
    """The entry named ``key``; a KeyError that lists the names otherwise."""
    for entry in LABS:
        if entry.key == key:
            return entry
    raise KeyError(f"expected a lab key ({', '.join(e.key for e in LABS)}), got {key!r}")
