"""The Sentence lab's views: data sources, how text becomes numbers, and what the classifier learned."""

import numpy as np
import pandas as pd
import streamlit as st

from rnnlab import viz
from rnnlab.data import corpus, download, sentences
from rnnlab.data.files import read_upload
from rnnlab.errors import RNNLabError
from rnnlab.metrics import confusion
from rnnlab.models import PAD_ID, UNK_ID

from . import ensemble_view, sentence_files, upload_box
from .frame import reason, show_error, tr
from .inspect_view import label_text
from .settings import widget_args

EXAMPLES = {
    "en": "you are not happy",
    "ko": "이 영화 재미있지 않아",
    "movies": "a gorgeous film, but far too long",
    "paste": "i feel good",
    "upload": "i feel good",
    "files": "shocking: the council hides the real reason",
    "nsmc": "배우들 연기가 정말 좋았어요",
    "imdb": "not bad at all",
    "reuters": "oil prices rose after opec agreed to cut output",
}
MIN_HELD_OUT = 10  # fewer held-out sentences than this: one more right or wrong swings the score too far


def example(src: str, texts: list[str] | None = None) -> str:
    """The example sentence for the loaded data: its language follows the data (Hangul in the pasted or
    uploaded texts -> a Korean example), not the page's language."""
    if (
        src in ("paste", "upload", "files")
        and texts
        and sum(_hangul(t) for t in texts[:200]) * 2 > min(len(texts), 200)
    ):
        return EXAMPLES["ko"]
    return EXAMPLES[src]


def _hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


PASTE_EXAMPLE = (
    "i love this\tpositive\nwhat a waste of time\tnegative\nsimply wonderful\tpositive\nboring and slow\tnegative\n"
    "not bad at all\tpositive\nnot good\tnegative"
)


def text_set(page: str, src: str) -> corpus.TextSet | None:
    """The chosen data as a TextSet, or None after saying what is wrong with it."""
    try:
        if src == "en":
            return corpus.from_pairs([(t, sentences.LABELS[l]) for t, l in sentences.ENGLISH])
        if src == "ko":
            return corpus.from_pairs([(t, sentences.LABELS[l]) for t, l in sentences.KOREAN])
        if src == "movies":
            st.select_slider(
                tr("sent.neutral"),
                [0.0, 0.5, 1.0, 1.5, 2.0],
                **widget_args(page, "neutral"),
                format_func=lambda v: f"|rating| ≥ {v:g}" if v else tr("cls.neutral_keep"),
                help=tr("sent.neutral_help"),
            )
            return _movies(st.session_state[f"{page}.neutral"])
        if src in download.CORPORA:
            return _downloaded(page, src)
        if src == "files":
            return sentence_files.text_set(page)
        if src == "paste":
            text = st.text_area(
                tr("sent.paste"), PASTE_EXAMPLE, height=180, key=f"{page}.paste", help=tr("sent.paste_help")
            )
            return corpus.parse_pairs(text)
        up = upload_box.uploader(
            page, tr("sent.upload"), ["csv", "tsv", "txt"], tr("sent.upload_help", rows=corpus.MAX_ROWS)
        )
        if up is None:
            st.info(tr("sent.upload_wait"))
            return None
        try:
            df = corpus.read_table(read_upload(up.getvalue(), 5))
        except RNNLabError as err:  # the file itself is unreadable: let it go, keep the reason
            upload_box.reject(page, tr("sent.bad_data", reason=reason(err)))
        cols = list(map(str, df.columns))
        c1, c2 = st.columns(2)
        text_col = c1.selectbox(tr("sent.text_col"), cols, key=f"{page}.text_col")
        label_col = c2.selectbox(tr("sent.label_col"), cols, index=len(cols) - 1, key=f"{page}.label_col")
        return corpus.from_table(df, text_col, label_col)
    except RNNLabError as err:
        show_error(tr("sent.bad_data", reason=reason(err)))
        return None


def _downloaded(page: str, name: str) -> corpus.TextSet | None:
    """A corpus from the user cache folder; the Download button fetches it once, with a progress bar."""
    remote = download.CORPORA[name]
    st.caption(
        tr("sent.corpus_about", title=remote.title, licence=remote.licence, folder=str(download.cache_dir()))
    )
    subset = st.session_state[f"{page}.subset"]
    if download.cached_paths(remote) is None:
        if not st.button(tr("sent.download", title=remote.title), key=f"{page}.download"):
            st.info(tr("sent.download_first"))
            return None
        bar = st.progress(0.0)
        download.fetch(
            remote,
            progress=lambda f, done, total: bar.progress(
                min(1.0, done / total) if total else 0.0, text=f"{f}: {done / 2**20:.1f} MB"
            ),
        )
    topics = st.session_state[f"{page}.topics"] if name == "reuters" else None
    with st.spinner(tr("sent.preparing")):
        return _subset(name, subset, topics, str(download.cache_dir()))


@st.cache_resource(show_spinner=False, max_entries=3)
def _parsed(name: str, cache: str) -> download.Parsed:
    """The whole corpus, parsed once per server and shared by every visitor: read-only after loading."""
    return download.parse(name, download.cached_paths(download.CORPORA[name], cache))


@st.cache_resource(show_spinner=False, max_entries=8)
def _subset(name: str, subset: int, topics: int | None, cache: str) -> corpus.TextSet:
    """A training subset: lists that point at the shared parsed texts, so a subset costs little memory."""
    return download.subset(_parsed(name, cache), subset, topics=topics)


@st.cache_resource(show_spinner=False, max_entries=5)
def _movies(neutral: float) -> corpus.TextSet:
    """Shared by every visitor: read-only after loading."""
    return corpus.movie_reviews(neutral)


def tokenization(page: str, td) -> None:
    """The vocabulary, and the first training sentences as ids, padded, with the steps packing skips."""
    vocab, first = td.text.vocab, td.text.first_tokens
    with st.expander(tr("sent.tok_title", n=len(vocab)), expanded=False):
        st.caption(tr("sent.tok_help"))
        top = [
            {"token": t, "id": i + 2, tr("sent.count"): vocab.counts[t]}
            for i, t in enumerate(vocab.tokens[2:202])
        ]
        st.dataframe(
            pd.DataFrame(
                [
                    {"token": "<pad>", "id": 0, tr("sent.count"): int((td.train.x == PAD_ID).sum())},
                    {"token": "<unk>", "id": 1, tr("sent.count"): int((td.train.x == UNK_ID).sum())},
                ]
                + top
            ),
            hide_index=True,
            height=240,
        )
        x = td.train.x[:6].tolist()
        width = max(len(r) for r in x)
        table = {
            " ".join(t[:8]) + (" …" if len(t) > 8 else ""): [("·" if v == PAD_ID else str(v)) for v in r]
            for t, r in zip(first, x)
        }
        st.dataframe(pd.DataFrame(table, index=[f"{k + 1}" for k in range(width)]).T, width="stretch")
        pads = int((td.train.x[:6] == PAD_ID).sum())
        st.caption(tr("sent.pad_help", pads=pads, maxlen=td.text.max_len))
        st.caption(tr("cls.pad_unk_counts"))


def scores(page: str, run, td) -> None:
    """Train and held-out accuracy over epochs; when not training, the confusion matrix and the mistakes.
    With an ensemble (K >= 2) the held-out accuracy, the matrix and the mistakes are its vote's (the
    members' mean class probabilities), each member's accuracy in a table beside it."""
    h = run.trainer.history
    k = ensemble_view.size(run)
    if h.epoch:
        st.plotly_chart(
            viz.accuracy_curves(
                (h.epoch, h.accuracy),
                (h.val_epoch, h.val_accuracy) if h.val_epoch else None,
                (tr("sent.train_acc"), tr("sent.test_acc")),
                tr("sent.acc_title"),
                tr("live.epoch"),
                tr("live.accuracy"),
            ),
            key=f"{page}.acc",
            config={"displayModeBar": False},
        )
        if k > 1:
            st.caption(tr("ens.curves", name=run.main))
    if run.running or not h.epoch:
        st.caption(tr("sent.confusion_later"))
        return
    v = ensemble_view.held_out(run, td)  # one model: exactly its own outputs (rnnlab.ensemble.vote)
    pred, truth = v.pred, td.test.y.cpu().numpy()
    names = [label_text(page, c) for c in td.labels]
    if k > 1:
        st.markdown(
            tr("ens.test_result", acc=v.accuracy, n=len(truth), k=k, model=ensemble_view.base_of(run.main))
        )
        ensemble_view.vote_table(run, td)
    else:
        st.markdown(tr("sent.test_result", acc=v.accuracy, n=len(truth)))
    if len(truth) < MIN_HELD_OUT:
        st.info(tr("cls.held_out_small", n=len(truth), min=MIN_HELD_OUT), icon="ℹ️")
    matrix = confusion(pred, truth, len(names))
    seen = np.flatnonzero(
        matrix.sum(0) + matrix.sum(1)
    )  # classes held out or predicted; the rest are empty rows
    c1, c2 = st.container(), st.container()  # full width: cells a projector can show
    c1.plotly_chart(
        viz.confusion_figure(
            matrix[np.ix_(seen, seen)],
            [names[i] for i in seen],
            tr("sent.confusion"),
            tr("sent.true"),
            tr("sent.predicted"),
        ),
        key=f"{page}.cm",
        config={"displayModeBar": False},
    )
    if len(seen) < len(names):
        c1.caption(tr("sent.confusion_seen", n=len(seen), total=len(names)))
    texts = td.text.data.texts
    wrong = [
        {tr("sent.true"): names[t], tr("sent.predicted"): names[p], tr("sent.text"): texts[i]}
        for i, t, p in zip(td.text.test_idx, truth, pred)
        if t != p
    ][:30]
    with c2:
        st.caption(tr("sent.mistakes", n=int((pred != truth).sum())))
        if wrong:
            rows = len(wrong)  # no padded empty rows: the table is as tall as its rows, up to 10
            st.dataframe(
                pd.DataFrame(wrong), hide_index=True, height=38 + 35 * min(rows, 10), width="stretch"
            )


def embeddings(page: str, model, td, top: int = 40) -> None:
    """The learned word vectors of the most frequent words, projected to 2-D, coloured by how positive
    the training sentences that contain them are (two classes)."""
    vocab = td.text.vocab
    words = vocab.tokens[2 : 2 + top]
    if len(words) < 3:
        return
    vec = model.embed.weight.detach()[2 : 2 + top].cpu().numpy()
    colors = td.text.last_class_share[: len(words)] if len(td.labels) == 2 else None
    st.plotly_chart(
        viz.embedding_figure(
            words,
            viz.project_2d(vec),
            colors,
            tr("sent.emb_title", n=len(words)),
            tr("sent.emb_color", label=label_text(page, td.labels[-1])),
        ),
        key=f"{page}.word_map",
        config={"displayModeBar": False},
    )
    st.caption(tr("sent.emb_help") if colors is not None else tr("sent.emb_help_multi"))
