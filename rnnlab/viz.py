"""Views: plain arrays in, Plotly figures out. No model, no trainer, no UI framework here.

Steps go on the x axis as numbers with tick labels (a token may repeat: "🐱 🐱" must stay two columns).
Long curves are thinned to at most ``MAX_POINTS`` so redraws cost the same at epoch 10 and 10,000.
"""
import numpy as np
import plotly.graph_objects as go

MAX_POINTS = 400
COLORS = {"rnn": "#e4572e", "lstm": "#2e86ab", "gru": "#59a96a", "train": "#2e86ab", "test": "#e4572e"}
_LAYOUT = dict(margin=dict(l=50, r=20, t=40, b=40), template="plotly_white", font=dict(size=13))


def thin(x, y, limit: int = MAX_POINTS):
    """Every k-th point (always keeping the last), so a long run draws at most ``limit`` points."""
    x, y = np.asarray(x), np.asarray(y)
    if len(x) <= limit:
        return x, y
    idx = np.unique(np.r_[np.linspace(0, len(x) - 1, limit).astype(int), len(x) - 1])
    return x[idx], y[idx]


def curves(series: dict[str, tuple], title: str, x_title: str, y_title: str, log_y: bool = False,
           height: int = 300) -> go.Figure:
    """Overlaid lines: name -> (x, y). Used for loss and accuracy curves, one line per run."""
    fig = go.Figure()
    for name, (x, y) in series.items():
        x, y = thin(x, y)
        fig.add_trace(go.Scatter(x=x, y=y, mode="lines", name=name, line=dict(color=COLORS.get(name.split()[0].lower()))))
    fig.update_layout(title=title, xaxis_title=x_title, yaxis_title=y_title, height=height, **_LAYOUT,
                      legend=dict(orientation="h", y=1.02, x=1, xanchor="right", yanchor="bottom"))
    if log_y:
        fig.update_yaxes(type="log")
    return fig


def _step_axis(fig: go.Figure, labels: list[str]) -> None:
    fig.update_xaxes(tickmode="array", tickvals=list(range(len(labels))), ticktext=labels, tickfont=dict(size=16))


def step_heatmap(values: np.ndarray, labels: list[str], title: str, unit_title: str, step_title: str,
                 gate: bool = False, height: int | None = None) -> go.Figure:
    """values (L, U): one column per step (labelled with its token), one row per unit.
    Gates (0..1) use a sequential scale; states (-1..1 or unbounded) a diverging one centred on 0."""
    v = np.asarray(values, dtype=float).T                                     # (U, L)
    if gate:
        scale, zmin, zmax, zmid = "Viridis", 0.0, 1.0, None
    else:
        lim = float(np.max(np.abs(v))) if v.size else 1.0
        scale, zmin, zmax, zmid = "RdBu_r", -max(lim, 1e-6), max(lim, 1e-6), 0.0
    fig = go.Figure(go.Heatmap(z=v, x=list(range(v.shape[1])), y=list(range(1, v.shape[0] + 1)), colorscale=scale,
                               zmin=zmin, zmax=zmax, zmid=zmid, customdata=np.broadcast_to(np.array(labels, dtype=object), v.shape),
                               hovertemplate="%{customdata} (step %{x})<br>unit %{y}: %{z:.4f}<extra></extra>"))
    _step_axis(fig, labels)
    units = v.shape[0]
    fig.update_layout(title=title, xaxis_title=step_title, yaxis_title=unit_title, **_LAYOUT,
                      height=height or int(min(520, max(220, 110 + 9 * units))))
    fig.update_yaxes(autorange="reversed")
    return fig


def verdict_strip(probs: np.ndarray, labels: list[str], title: str, y_title: str, positive: str, negative: str) -> go.Figure:
    """The probability of the positive class after each step, as bars around the 0.5 line."""
    p = np.asarray(probs, dtype=float)
    colors = ["#59a96a" if v >= 0.5 else "#e4572e" for v in p]
    fig = go.Figure(go.Bar(x=list(range(len(p))), y=p, marker_color=colors, text=[f"{v:.0%}" for v in p],
                           textposition="outside", hovertemplate="%{y:.3f}<extra></extra>"))
    fig.add_hline(y=0.5, line_dash="dot", line_color="#888")
    fig.update_yaxes(tickmode="array", tickvals=[0, 0.25, 0.5, 0.75, 1], ticktext=[f"{negative} 0", "0.25", "0.5", "0.75", f"{positive} 1"])
    _step_axis(fig, labels)
    fig.update_layout(title=title, yaxis_title=y_title, yaxis_range=[0, 1.12], height=280, showlegend=False, **_LAYOUT)
    return fig


def step_bars(values: np.ndarray, labels: list[str], title: str, y_title: str, log_y: bool = False,
              signed: bool = False) -> go.Figure:
    """One bar per step: gradient norms (log scale) or signed saliency."""
    v = np.asarray(values, dtype=float)
    colors = ["#59a96a" if x >= 0 else "#e4572e" for x in v] if signed else "#2e86ab"
    fig = go.Figure(go.Bar(x=list(range(len(v))), y=v, marker_color=colors, hovertemplate="%{y:.3g}<extra></extra>"))
    _step_axis(fig, labels)
    fig.update_layout(title=title, yaxis_title=y_title, height=260, showlegend=False, **_LAYOUT)
    if log_y:
        fig.update_yaxes(type="log")
    return fig


def confusion_figure(matrix: np.ndarray, labels: list[str], title: str, true_title: str, pred_title: str) -> go.Figure:
    m = np.asarray(matrix)
    fig = go.Figure(go.Heatmap(z=m, x=labels, y=labels, colorscale="Blues", text=m, texttemplate="%{text}", showscale=False))
    fig.update_layout(title=title, xaxis_title=pred_title, yaxis_title=true_title, height=300, **_LAYOUT)
    fig.update_yaxes(autorange="reversed")
    return fig
