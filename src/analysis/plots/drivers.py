"""Figures of the satisfaction-drivers analysis (notebook 03). Each returns a Figure."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.messages import join_words, msg
from analysis.plots.reading import attach_forest, attach_reading, attach_widest_interval
from analysis.plots.style import figure_style, new_figure

__all__ = ["plot_coefficients", "plot_effects", "plot_gaps", "plot_importance", "plot_index", "plot_ipa", "plot_ipma",
           "plot_stated_vs_derived"]


def _whiskers(est, low, high):
    est, low, high = (np.asarray(v, dtype=float) for v in (est, low, high))
    return np.vstack([est - low, high - est])


def _label(labels: Callable[[str], str] | None, name: object) -> str:
    return labels(str(name)) if labels is not None else str(name)


#: where each quadrant's name is written (axes fraction) and how it is aligned
_CORNERS = {"concentrate_here": (0.02, 0.98, "left", "top"), "keep_up_the_good_work": (0.98, 0.98, "right", "top"),
            "low_priority": (0.02, 0.02, "left", "bottom"), "possible_overkill": (0.98, 0.02, "right", "bottom")}


def _quadrant_map(ax, table: pd.DataFrame, labels: Callable[[str], str] | None) -> None:
    """Points per quadrant with their intervals and labels, the crossing lines and the quadrant names.

    With expectation gaps (``gap`` column) the horizontal position is the gap and the
    vertical line is 0 (expectation met), the rule the quadrants use.
    """
    by_gap = "gap" in table.columns
    x, x_low, x_high = ("gap", "gap_low", "gap_high") if by_gap else \
        ("performance", "performance_low", "performance_high")
    colours = {q: f"C{i}" for i, q in enumerate(_CORNERS)}
    for q, part in table.groupby("quadrant", sort=False):
        xerr = _whiskers(part[x], part[x_low], part[x_high]) if x_low in part else None
        yerr = _whiskers(part["importance"], part["importance_low"], part["importance_high"]) \
            if "importance_low" in part else None
        ax.errorbar(part[x], part["importance"], xerr=xerr, yerr=yerr, fmt="o", capsize=2, color=colours[q])
        for name, row in part.iterrows():
            ax.annotate(_label(labels, name), (row[x], row["importance"]), xytext=(4, 4),
                        textcoords="offset points", fontsize=8)
    x_cut = 0.0 if by_gap else table.attrs.get("performance_cut", table["performance"].mean())
    y_cut = table.attrs.get("importance_cut", table["importance"].mean())
    ax.axvline(x_cut, color="grey", ls="--", lw=0.8)
    ax.axhline(y_cut, color="grey", ls="--", lw=0.8)
    if by_gap:  # the cut line must be on the map for the corners to name the right quadrants
        lo, hi = min(table[x_low].min(), 0.0), max(table[x_high].max(), 0.0)
        span = hi - lo or 1.0
        ax.set_xlim(min(lo, -0.4 * span) - 0.1 * span, max(hi, 0.4 * span) + 0.1 * span)
    for q, (fx, fy, ha, va) in _CORNERS.items():
        ax.text(fx, fy, msg(f"drivers.quadrant.{q}"), transform=ax.transAxes, ha=ha, va=va, fontsize=9,
                fontweight="bold", color=colours[q], bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.7})



def _attach_quadrants(fig: Figure, table: pd.DataFrame, labels: Callable[[str], str] | None) -> Figure:
    """The ``quadrant_map`` reading naming the points in "concentrate here" (important, performing weakly)."""
    names = [_label(labels, n) for n in table.index[table["quadrant"] == "concentrate_here"]]
    if not names:
        return attach_reading(fig, "quadrant_map")
    return attach_reading(fig, "quadrant_map", quadrant=msg("drivers.quadrant.concentrate_here"), names=join_words(names))

def plot_importance(importance: pd.DataFrame, *, outcome: str | None = None,
                    labels: Callable[[str], str] | None = None) -> Figure:
    """Horizontal bars of each driver's share of R², with bootstrap intervals when present.

    Examples
    --------
    >>> imp = pd.DataFrame({"share": [0.6, 0.4], "importance": [0.3, 0.2]}, index=["a", "b"])
    >>> imp.attrs.update(method="lmg", r2=0.5, alpha=0.05, outcome="y")
    >>> len(plot_importance(imp).axes)
    1
    """
    t = importance.sort_values("share")
    a = importance.attrs
    with figure_style():
        fig, ax = new_figure(height=1.2 + 0.4 * len(t))
        xerr = _whiskers(t["share"], t["share_low"], t["share_high"]) if "share_low" in t else None
        ax.barh([_label(labels, i) for i in t.index], t["share"], xerr=xerr, capsize=3, color="C0")
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
        ax.set_title(msg("drivers.fig.importance.title", outcome=outcome or a.get("outcome", ""),
                         method=msg(f"drivers.method.{a.get('method', 'lmg')}")))
        ax.set_xlabel(msg("drivers.fig.importance.x", r2=a.get("r2", np.nan), level=1 - a.get("alpha", 0.05)))
    if len(t) and t["share"].notna().any():
        top = t["share"].idxmax()
        attach_reading(fig, "importance", top=_label(labels, top), share=float(t.loc[top, "share"]))
    else:
        attach_reading(fig, "importance")
    return fig


def plot_coefficients(summary: pd.DataFrame, *, outcome: str, alpha: float = 0.05,
                      labels: Callable[[str], str] | None = None) -> Figure:
    """Dot-and-whisker plot of standardized regression coefficients with their intervals.

    Examples
    --------
    >>> s = pd.DataFrame({"estimate": [1.0, 0.5], "ci_low": [0.5, 0.1], "ci_high": [1.5, 0.9],
    ...                   "std_coef": [np.nan, 0.3]}, index=["const", "a"])
    >>> plot_coefficients(s, outcome="y").axes[0].get_title()
    'Key-driver regression of y'
    """
    t = summary.drop(index="const", errors="ignore")
    scale = t["std_coef"] / t["estimate"]
    with figure_style():
        fig, ax = new_figure(height=1.2 + 0.4 * len(t))
        y = np.arange(len(t))
        ax.errorbar(t["std_coef"], y, xerr=_whiskers(t["std_coef"], t["ci_low"] * scale, t["ci_high"] * scale),
                    fmt="o", capsize=3)
        ax.set_yticks(y, [_label(labels, i) for i in t.index])
        ax.axvline(0, color="grey", lw=0.8)
        ax.set_title(msg("drivers.fig.coefficients.title", outcome=outcome))
        ax.set_xlabel(msg("drivers.fig.coefficients.x", level=1 - alpha))
    bounds = np.sort(np.vstack([(t["ci_low"] * scale).to_numpy(float), (t["ci_high"] * scale).to_numpy(float)]), axis=0)
    attach_forest(fig, bounds[0], bounds[1])
    return fig


def plot_ipa(table: pd.DataFrame, *, labels: Callable[[str], str] | None = None) -> Figure:
    """Importance-performance map: points with intervals, crossing lines and quadrant names.

    Performance runs over the whole rating scale (``attrs["scale"]``); when the table
    judges performance against expectations (``gap`` column, see
    :func:`analysis.drivers.importance_performance`), the horizontal axis is the gap
    and its crossing line 0. ``labels`` maps a name to its display label.

    Examples
    --------
    >>> from analysis.drivers import importance_performance
    >>> t = importance_performance(pd.Series({"a": 0.6, "b": 0.4}), pd.Series({"a": 3.0, "b": 6.0}),
    ...                            scale=(1, 7))
    >>> plot_ipa(t).axes[0].get_xlabel()
    'Mean performance on the rating scale 1-7 (dashed line: mean of the attributes, 4.50)'
    """
    a = table.attrs
    lo, hi = a.get("scale", (table["performance"].min(), table["performance"].max()))
    with figure_style():
        fig, ax = new_figure(width=7.0, height=5.0)
        _quadrant_map(ax, table, labels)
        ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
        ax.set_title(msg("drivers.fig.ipa.title"))
        if "gap" in table.columns:
            ax.set_xlabel(msg("drivers.fig.ipa.x_gap"))
        else:
            ax.set_xlim(lo, hi)
            ax.set_xlabel(msg("drivers.fig.ipa.x", low=lo, high=hi, cut=a.get("performance_cut", np.nan)))
        ax.set_ylabel(msg("drivers.fig.ipa.y", cut=a.get("importance_cut", np.nan)))
    _attach_quadrants(fig, table, labels)
    return fig


def plot_gaps(gaps: pd.DataFrame, *, level: str = "dimension", labels: Callable[[str], str] | None = None) -> Figure:
    """Perception-minus-expectation gaps with their intervals (one level: item or dimension).

    Examples
    --------
    >>> g = pd.DataFrame({"level": ["dimension"], "name": ["speed"], "estimate": [-0.5],
    ...                   "ci_low": [-0.7], "ci_high": [-0.3]})
    >>> len(plot_gaps(g).axes)
    1
    """
    t = gaps.loc[gaps["level"] == level].sort_values("estimate", ascending=False)
    with figure_style():
        fig, ax = new_figure(height=1.2 + 0.35 * len(t))
        y = np.arange(len(t))
        ax.errorbar(t["estimate"], y, xerr=_whiskers(t["estimate"], t["ci_low"], t["ci_high"]), fmt="o", capsize=3)
        ax.set_yticks(y, [_label(labels, n) for n in t["name"]])
        ax.axvline(0, color="grey", lw=0.8)
        ax.set_title(msg("drivers.fig.gaps.title"))
        ax.set_xlabel(msg("drivers.fig.gaps.x", level=1 - gaps.attrs.get("alpha", 0.05)))
    if len(t) and t["estimate"].min() < 0:
        worst = t.loc[t["estimate"].idxmin()]
        attach_reading(fig, "gaps", name=_label(labels, worst["name"]), gap=float(worst["estimate"]),
                       low=float(worst["ci_low"]), high=float(worst["ci_high"]))
    else:
        attach_reading(fig, "gaps")
    return fig


def plot_ipma(table: pd.DataFrame, *, labels: Callable[[str], str] | None = None) -> Figure:
    """IPMA map of a PLS model: total effect on the target against 0-100 performance.

    ``table`` is the output of :func:`analysis.drivers.ipma` (intervals drawn when it
    was bootstrapped).

    Examples
    --------
    >>> from analysis.drivers import importance_performance
    >>> t = importance_performance(pd.Series({"QUAL": 0.3, "VAL": 0.5}), pd.Series({"QUAL": 70.0, "VAL": 60.0}),
    ...                            scale=(0, 100))
    >>> t.attrs["target"] = "LOY"
    >>> plot_ipma(t).axes[0].get_xlabel()
    'Performance (mean score, 0-100; dashed line: mean of the constructs, 65.0)'
    """
    target = _label(labels, table.attrs.get("target", ""))
    with figure_style():
        fig, ax = new_figure(width=7.0, height=5.0)
        _quadrant_map(ax, table, labels)
        ax.set_title(msg("drivers.fig.ipma.title", target=target))
        if "gap" in table.columns:
            ax.set_xlabel(msg("drivers.fig.ipa.x_gap"))
        else:
            ax.set_xlim(0, 100)
            ax.set_xlabel(msg("drivers.fig.ipma.x", cut=table.attrs.get("performance_cut", np.nan)))
        ax.set_ylabel(msg("drivers.fig.ipma.y", target=target))
    _attach_quadrants(fig, table, labels)
    return fig


def plot_stated_vs_derived(table: pd.DataFrame, *, labels: Callable[[str], str] | None = None) -> Figure:
    """Stated against derived importance ranks, one labelled point per attribute.

    ``table`` is the output of :func:`analysis.drivers.stated_vs_derived`; points on
    the diagonal are ranked alike by both.

    Examples
    --------
    >>> from analysis.drivers import stated_vs_derived
    >>> t = stated_vs_derived(pd.Series({"a": 3.0, "b": 2.0, "c": 1.0}), pd.Series({"a": 5.0, "b": 6.0, "c": 4.0}))
    >>> plot_stated_vs_derived(t).axes[0].get_title()
    'Stated vs derived importance (Spearman rho = 0.50)'
    """
    n = len(table)
    with figure_style():
        fig, ax = new_figure(width=5.5, height=5.0)
        for i, (cls, part) in enumerate(table.groupby("class", sort=False)):
            ax.scatter(part["derived_rank"], part["stated_rank"], color=f"C{i}", label=msg(f"drivers.class.{cls}"))
            for name, row in part.iterrows():
                ax.annotate(_label(labels, name), (row["derived_rank"], row["stated_rank"]), xytext=(4, 4),
                            textcoords="offset points", fontsize=8)
        ax.plot([1, n], [1, n], color="grey", ls="--", lw=0.8)
        ax.set_xlim(n + 0.5, 0.5)
        ax.set_ylim(n + 0.5, 0.5)
        ax.legend(fontsize=8, loc="best")
        ax.set_title(msg("drivers.fig.stated.title", rho=table.attrs.get("spearman_rho", np.nan)))
        ax.set_xlabel(msg("drivers.fig.stated.x"))
        ax.set_ylabel(msg("drivers.fig.stated.y"))
    attach_reading(fig, "rank_scatter", rho=float(table.attrs.get("spearman_rho", np.nan)))
    return fig


def plot_effects(effects: pd.DataFrame, *, target: str, alpha: float = 0.05,
                 labels: Callable[[str], str] | None = None) -> Figure:
    """Direct, indirect and total effect of every construct on ``target``, with bootstrap intervals.

    ``effects`` is ``PLSPathModel.bootstrap_["effects"]`` (index ``from``, ``to``, ``effect``).

    Examples
    --------
    >>> idx = pd.MultiIndex.from_tuples([("Q", "L", "direct"), ("Q", "L", "total")], names=["from", "to", "effect"])
    >>> eff = pd.DataFrame({"estimate": [0.3, 0.3], "ci_low": [0.2, 0.2], "ci_high": [0.4, 0.4]}, index=idx)
    >>> plot_effects(eff, target="L").axes[0].get_title()
    'Effects on L: direct, indirect and total (PLS path model)'
    """
    on = effects.xs(target, level="to")
    sources = list(dict.fromkeys(on.index.get_level_values("from")))
    with figure_style():
        fig, ax = new_figure(height=1.4 + 0.55 * len(sources))
        y = np.arange(len(sources), dtype=float)
        for k, (kind, shift) in enumerate((("total", -0.22), ("direct", 0.0), ("indirect", 0.22))):
            rows = [(i, on.loc[(src, kind)]) for i, src in enumerate(sources) if (src, kind) in on.index]
            if rows:
                t = pd.DataFrame([r for _, r in rows])[["estimate", "ci_low", "ci_high"]].astype(float)
                ax.errorbar(t["estimate"].to_numpy(), y[[i for i, _ in rows]] + shift, fmt="os^"[k], capsize=3, color=f"C{k}",
                            xerr=_whiskers(t["estimate"], t["ci_low"], t["ci_high"]),
                            label=msg(f"drivers.effect.{kind}"))
        ax.set_yticks(y, [_label(labels, s_) for s_ in sources])
        ax.invert_yaxis()
        ax.axvline(0, color="grey", lw=0.8)
        ax.legend(loc="best")
        ax.set_title(msg("drivers.fig.effects.title", target=_label(labels, target)))
        ax.set_xlabel(msg("drivers.fig.effects.x", target=_label(labels, target), level=1 - alpha))
    attach_forest(fig, on["ci_low"].astype(float), on["ci_high"].astype(float))
    return fig


def plot_index(index: pd.DataFrame, by_group: pd.DataFrame | None = None, *, alpha: float = 0.05,
               labels: Callable[[str], str] | None = None, group: str | None = None) -> Figure:
    """The 0-100 satisfaction index of every construct with its interval, and per group when given.

    ``index`` is ``SatisfactionIndex.summary()`` (index ``construct``), ``by_group`` its ``by_group_``
    (index ``construct``, ``group``); intervals are drawn where ``ci_low`` is known. ``group`` names the
    grouping column (the legend's title).

    Examples
    --------
    >>> idx = pd.DataFrame({"estimate": [71.2, 64.0], "ci_low": [69.0, 61.5], "ci_high": [73.1, 66.2]},
    ...                    index=pd.Index(["SAT", "QUAL"], name="construct"))
    >>> plot_index(idx).axes[0].get_title()
    'Satisfaction index per construct (0-100, ACSI method)'
    """
    constructs = list(index.index)
    series = [(msg("drivers.fig.index.all"), index)]
    if by_group is not None:
        series += [(str(g), part.droplevel("group").reindex(constructs))
                   for g, part in by_group.groupby(level="group", sort=False)]
    step = 0.7 / max(len(series) - 1, 1)
    with figure_style():
        fig, ax = new_figure(height=1.4 + 0.35 * len(constructs) * max(len(series), 2) ** 0.5)
        y = np.arange(len(constructs), dtype=float)
        for k, (name, t) in enumerate(series):
            shift = (k * step - 0.35) if len(series) > 1 else 0.0
            t = t[["estimate", "ci_low", "ci_high"]].astype(float)
            xerr = _whiskers(t["estimate"], t["ci_low"], t["ci_high"]) if t["ci_low"].notna().all() else None
            ax.errorbar(t["estimate"].to_numpy(), y + shift, xerr=xerr, fmt="D" if k == 0 else "o", capsize=3,
                        color="black" if k == 0 else f"C{k - 1}", ms=6 if k == 0 else 4, label=name)
        ax.set_yticks(y, [_label(labels, c) for c in constructs])
        ax.invert_yaxis()
        ends = pd.concat([t[["estimate", "ci_low", "ci_high"]] for _, t in series]).astype(float)
        ax.set_xlim(max(0.0, np.floor(np.nanmin(ends.to_numpy()) / 5) * 5 - 5),
                    min(100.0, np.ceil(np.nanmax(ends.to_numpy()) / 5) * 5 + 5))
        if len(series) > 1:
            ax.legend(loc="best", fontsize=8, title=_label(labels, group) if group else None)
        ax.set_title(msg("drivers.fig.index.title"))
        ax.set_xlabel(msg("drivers.fig.index.x", level=1 - alpha))
        ax.set_ylabel(msg("drivers.fig.index.y"))
    if index["ci_low"].notna().any():
        attach_widest_interval(fig, [_label(labels, c) for c in constructs], index["ci_low"].astype(float),
                               index["ci_high"].astype(float), share=False)
    else:
        attach_reading(fig, "interval_dots")
    return fig
