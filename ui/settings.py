"""Lab settings as widgets, read from and written to the URL (``ui.state`` holds the table).

Widget keys are ``<page>.<field>``; a link's values seed them on the first run of the page in a
session, and every run writes the current values back, so the address bar always reproduces the run.
The values of record live in the page's ``LabState`` (``ui.labstate``).
"""

import streamlit as st

from ui.state import Field, decode, encode

from .frame import lang, reason, tr
from .labstate import LabState, has_state, session_key, state


def load_from_url(page: str, fields: list[Field]) -> LabState:
    """Keep the page's settings in its ``LabState`` (``ui.labstate``), a key no widget uses, and copy them
    into the widgets before they are drawn. The first run of the page in a session takes them from the link.

    Widget keys alone are not enough: a run interrupted by a click (Pause during a fragment run) can
    drop the state of widgets it did not draw, and the widget would come back with its default.
    """
    if not has_state(page):
        values, problems = decode(st.query_params.to_dict(), fields)
        st.session_state[session_key(page)] = LabState(values, problems)
    for name, value in state(page).values.items():
        st.session_state[f"{page}.{name}"] = value
    return state(page)


def keep(page: str, name: str) -> None:
    """``on_change`` of every setting widget: its new value becomes the value of record.

    A number box sends None when its text is not a number (letters, or cleared) and Enter is pressed;
    every number box is drawn with ``value=None`` so that it does (with a default, Streamlit would send
    its minimum instead, and letters typed into Epochs would set 1). The box keeps its value and says so.
    """
    new = st.session_state[f"{page}.{name}"]
    old = state(page).values.get(name)
    if new is None and old is not None:
        st.session_state[f"{page}.{name}"] = old
        st.toast(tr("set.not_a_number", value=old), icon="⚠️")
        return
    state(page).values[name] = new


def set_value(page: str, name: str, value) -> None:
    """Change a setting from code (a button callback, the data table); the widget follows on the next run."""
    state(page).values[name] = value
    st.session_state[f"{page}.{name}"] = value


def url_problems(page: str) -> list[str]:
    return state(page).url_problems if has_state(page) else []


def values(page: str, fields: list[Field]) -> dict:
    store = state(page).values
    return {f.name: store[f.name] for f in fields}


def write_url(page: str, fields: list[Field]) -> None:
    """Put the current values in the address bar, so a copied link reproduces the run."""
    st.query_params.from_dict({"lang": lang(), **encode(values(page, fields), fields)})


def apply_preset(page: str, preset: dict) -> None:
    """A button callback: a preset's values become the settings."""
    for name, value in preset.items():
        set_value(page, name, value)


def widget_args(page: str, name: str) -> dict:
    """key and on_change for a setting widget."""
    return {"key": f"{page}.{name}", "on_change": keep, "args": (page, name)}


def model_controls(page: str, fields: list[Field], extra: tuple[str, ...] = ()) -> None:
    """The shared model and training widgets in two columns, each limited by its field's range."""
    by = {f.name: f for f in fields}
    k = lambda name: widget_args(page, name)  # noqa: E731
    c1, c2 = st.columns(2)
    with c1:
        st.selectbox(
            tr("set.cell"),
            by["cell"].choices,
            **k("cell"),
            format_func=lambda c: tr(f"cell.{c}"),
            help=tr("set.cell_help"),
        )
        st.slider(tr("set.layers"), 1, 4, **k("layers"), help=tr("set.layers_help"))
        st.number_input(
            tr("set.hidden"),
            int(by["hidden"].lo),
            int(by["hidden"].hi),
            **k("hidden"),
            help=tr("set.hidden_help"),
            value=None,
        )
        st.toggle(tr("set.bidir"), **k("bidir"), help=tr("set.bidir_help"))
        for name in extra:
            _extra_widget(page, by[name])
    with c2:
        rates = sorted(
            {1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.02, 0.03, 0.05, 0.1, 0.3, st.session_state[f"{page}.lr"]}
        )
        st.select_slider(
            tr("set.lr"), rates, **k("lr"), help=tr("set.lr_help"), format_func=lambda v: f"{v:g}"
        )
        st.number_input(
            tr("set.epochs"), 1, int(by["epochs"].hi), **k("epochs"), help=tr("set.epochs_help"), value=None
        )
        st.number_input(
            tr("set.batch"), 1, int(by["batch"].hi), **k("batch"), help=tr("set.batch_help"), value=None
        )
        st.selectbox(tr("set.opt"), by["opt"].choices, **k("opt"), format_func=str.upper)
        st.number_input(
            tr("set.clip"),
            0.0,
            float(by["clip"].hi),
            step=0.5,
            **k("clip"),
            help=tr("set.clip_help"),
            value=None,
        )
        st.number_input(
            tr("set.seed"), 0, int(by["seed"].hi), **k("seed"), help=tr("set.seed_help"), value=None
        )


def _extra_widget(page: str, f: Field) -> None:
    args = widget_args(page, f.name)
    if f.choices:
        st.selectbox(
            tr(f"set.{f.name}"),
            f.choices,
            **args,
            format_func=lambda c: tr(f"choice.{f.name}.{c}"),
            help=tr(f"set.{f.name}_help"),
        )
    else:
        st.number_input(
            tr(f"set.{f.name}"), int(f.lo), int(f.hi), **args, help=tr(f"set.{f.name}_help"), value=None
        )


def lab_header(page: str, fields: list[Field], title_key: str, lead_key: str) -> None:
    """A lab's title and lead, its settings loaded from the link, and any link value that was ignored."""
    st.title(tr(title_key))
    st.markdown(tr(lead_key))
    load_from_url(page, fields)
    for problem in url_problems(page):
        st.warning(reason(problem))


def preset_buttons(page: str, presets: dict, fields: list[Field]) -> None:
    """ "Tutorial preset" and "Best preset", side by side; a click sets every model field of the preset."""
    from ui.state import preset_values

    for col, name in zip(st.columns(2), ("tutorial", "best")):
        col.button(
            tr(f"set.preset_{name}"),
            key=f"{page}.preset_{name}",
            width="stretch",
            help=presets[name].note,
            on_click=apply_preset,
            args=(page, preset_values(presets[name], fields)),
        )
