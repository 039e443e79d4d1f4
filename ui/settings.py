"""Lab settings as widgets, read from and written to the URL (``rnnlab.state`` holds the table).

Widget keys are ``<page>.<field>``; a link's values seed them on the first run of the page in a
session, and every run writes the current values back, so the address bar always reproduces the run.
"""
import streamlit as st

from rnnlab.state import Field, decode, encode

from .frame import lang, tr


def load_from_url(page: str, fields: list[Field]) -> None:
    """On the page's first run in this session, put the link's values (or defaults) in the widgets."""
    flag = f"{page}/_url_loaded"
    if st.session_state.get(flag):
        return
    values, problems = decode(st.query_params.to_dict(), fields)
    for f in fields:
        st.session_state[f"{page}.{f.name}"] = values[f.name]
    st.session_state[flag] = True
    st.session_state[f"{page}/_url_problems"] = problems


def url_problems(page: str) -> list[str]:
    return st.session_state.get(f"{page}/_url_problems", [])


def values(page: str, fields: list[Field]) -> dict:
    return {f.name: st.session_state[f"{page}.{f.name}"] for f in fields}


def write_url(page: str, fields: list[Field]) -> None:
    st.query_params.from_dict({"lang": lang(), **encode(values(page, fields), fields)})


def apply_preset(page: str, preset: dict) -> None:
    """A button callback: put a preset's values in the widgets (allowed only before they render)."""
    for name, value in preset.items():
        st.session_state[f"{page}.{name}"] = value


def model_controls(page: str, fields: list[Field], extra: tuple[str, ...] = ()) -> None:
    """The shared model and training widgets in two columns, each limited by its field's range."""
    by = {f.name: f for f in fields}
    k = lambda name: f"{page}.{name}"  # noqa: E731
    c1, c2 = st.columns(2)
    with c1:
        st.selectbox(tr("set.cell"), by["cell"].choices, key=k("cell"), format_func=lambda c: tr(f"cell.{c}"),
                     help=tr("set.cell_help"))
        st.slider(tr("set.layers"), 1, 4, key=k("layers"), help=tr("set.layers_help"))
        st.number_input(tr("set.hidden"), int(by["hidden"].lo), int(by["hidden"].hi), key=k("hidden"),
                        help=tr("set.hidden_help"))
        st.toggle(tr("set.bidir"), key=k("bidir"), help=tr("set.bidir_help"))
        for name in extra:
            _extra_widget(page, by[name])
    with c2:
        rates = sorted({1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.02, 0.03, 0.05, 0.1, 0.3, st.session_state[k("lr")]})
        st.select_slider(tr("set.lr"), rates, key=k("lr"), help=tr("set.lr_help"), format_func=lambda v: f"{v:g}")
        st.number_input(tr("set.epochs"), 1, int(by["epochs"].hi), key=k("epochs"), help=tr("set.epochs_help"))
        st.number_input(tr("set.batch"), 1, int(by["batch"].hi), key=k("batch"), help=tr("set.batch_help"))
        st.selectbox(tr("set.opt"), by["opt"].choices, key=k("opt"), format_func=str.upper)
        st.number_input(tr("set.clip"), 0.0, float(by["clip"].hi), step=0.5, key=k("clip"), help=tr("set.clip_help"))
        st.number_input(tr("set.seed"), 0, int(by["seed"].hi), key=k("seed"), help=tr("set.seed_help"))


def _extra_widget(page: str, f: Field) -> None:
    key = f"{page}.{f.name}"
    if f.choices:
        st.selectbox(tr(f"set.{f.name}"), f.choices, key=key, format_func=lambda c: tr(f"choice.{f.name}.{c}"),
                     help=tr(f"set.{f.name}_help"))
    else:
        st.number_input(tr(f"set.{f.name}"), int(f.lo), int(f.hi), key=key, help=tr(f"set.{f.name}_help"))
