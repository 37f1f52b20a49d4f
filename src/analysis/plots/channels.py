"""Figures of the channel comparison (notebook 04). Each returns a Figure.

Every function takes ``label``: a function from a column, channel or arm name to
its display label (pass ``study.label``); the default shows names as they are.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.messages import msg
from analysis.plots.reading import attach_forest, attach_reading, attach_widest_interval, share_variant
from analysis.plots.style import figure_style, new_figure

__all__ = ["plot_rates", "plot_pairwise", "plot_spend", "plot_adjusted", "plot_economics",
           "plot_lifetime_economics", "plot_lift", "plot_attribution"]


def _namer(label: Callable[[str], str] | None) -> Callable[[object], str]:
    """``label`` applied to the text of a name (names are shown as they are without one)."""
    return (lambda name: str(name)) if label is None else (lambda name: label(str(name)))


def _whiskers(est, low, high) -> list[np.ndarray]:
    """Error-bar lengths below and above ``est``, never negative (matplotlib refuses those).

    A bound that sits on the estimate up to rounding (a Wilson bound of a rate of 0,
    a bootstrap interval of a constant) gives a whisker of length 0.

    Examples
    --------
    >>> [v.tolist() for v in _whiskers([0.0, 0.5], [1.7e-18, 0.25], [0.3, 0.75])]
    [[0.0, 0.25], [0.3, 0.25]]
    """
    est, low, high = (np.asarray(v, dtype=float) for v in (est, low, high))
    return [np.clip(est - low, 0.0, None), np.clip(high - est, 0.0, None)]


def _dot_whisker(ax, labels, est, low, high, color=None, offset=0.0, label=None, name=str):
    y = np.arange(len(labels)) + offset
    ax.errorbar(est, y, xerr=_whiskers(est, low, high), fmt="o", capsize=3, color=color, label=label)
    ax.set_yticks(np.arange(len(labels)), [name(v) for v in labels])



def _attach_value_vs_cost(fig: Figure, eco: pd.DataFrame, value: str, name: Callable[[object], str]) -> Figure:
    """The ``value_vs_cost`` reading citing the channel with the most value per unit of CAC."""
    cac = eco["cac"].to_numpy(float)
    ratio = np.where(cac > 0, eco[value].to_numpy(float) / np.where(cac > 0, cac, 1.0), np.nan)
    if not np.isfinite(ratio).any():
        return attach_reading(fig, "value_vs_cost")
    i = int(np.nanargmax(ratio))
    return attach_reading(fig, "value_vs_cost", group=name(eco.index[i]), value=float(eco[value].iloc[i]),
                          cost=float(cac[i]))

def plot_rates(result, *, label: Callable[[str], str] | None = None) -> Figure:
    """Dot-and-whisker plot of a :class:`~analysis.channels.RateComparison`'s rates.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.channels import compare_rates
    >>> df = pd.DataFrame({"ch": ["a"] * 10 + ["b"] * 10, "y": [1, 0] * 5 + [1] * 8 + [0] * 2})
    >>> fig = plot_rates(compare_rates(df, "ch", "y"))
    >>> len(fig.axes)
    1
    """
    g = result.groups
    name = _namer(label)
    with figure_style():
        fig, ax = new_figure(height=1.0 + 0.45 * len(g))
        _dot_whisker(ax, g.index, g["rate"], g["ci_low"], g["ci_high"], name=name)
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:.1%}")
        ax.set_title(msg("channels.fig.rates.title", outcome=name(result.outcome), group=name(result.group),
                         level=1 - result.alpha))
        ax.set_xlabel(msg("channels.fig.rates.x", outcome=name(result.outcome)))
        ax.set_ylabel(name(result.group))
    attach_widest_interval(fig, [name(i) for i in g.index], g["ci_low"], g["ci_high"], share=True)
    return fig


def plot_pairwise(pairwise: pd.DataFrame, outcome: str, *, alpha: float = 0.05,
                  label: Callable[[str], str] | None = None) -> Figure:
    """Forest plot of pairwise differences (significant pairs filled, others hollow).

    ``pairwise`` is an estimate table of pairs (``estimate``, ``ci_low``, ``ci_high``,
    ``group_a``, ``group_b``, ``significant``), e.g. ``compare_rates(...).pairwise``.

    Examples
    --------
    >>> import pandas as pd
    >>> pw = pd.DataFrame({"estimate": [0.1], "ci_low": [0.0], "ci_high": [0.2], "group_a": ["a"],
    ...                    "group_b": ["b"], "significant": [True]})
    >>> plot_pairwise(pw, "visit").axes[0].get_xlabel()
    'Difference (first minus second)'
    """
    name = _namer(label)
    labels = [f"{name(a)} – {name(b)}" for a, b in zip(pairwise["group_a"], pairwise["group_b"])]
    with figure_style():
        fig, ax = new_figure(height=1.0 + 0.45 * len(labels))
        _dot_whisker(ax, labels, pairwise["estimate"], pairwise["ci_low"], pairwise["ci_high"])
        sig = pairwise.get("significant", pd.Series(True, index=pairwise.index)).to_numpy(bool)
        ax.scatter(pairwise["estimate"][~sig], np.arange(len(labels))[~sig], s=40, facecolor="white",
                   edgecolor="C0", zorder=3)
        ax.axvline(0, color="0.4", lw=1, ls="--")
        ax.set_title(msg("channels.fig.pairwise.title", outcome=name(outcome), level=1 - alpha))
        ax.set_xlabel(msg("channels.fig.pairwise.x"))
    attach_forest(fig, pairwise["ci_low"], pairwise["ci_high"])
    return fig


def _currency(currency: str | None) -> str:
    return currency or msg("study.currency.none")


def plot_spend(data: pd.DataFrame, group: str, outcome: str, *,
               label: Callable[[str], str] | None = None, currency: str | None = None) -> Figure:
    """Distribution of positive spend per group (box plot on a log scale); *currency* names the
    unit of the axis (``Study.currency_name()``; default "currency units").

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"ch": ["a", "a", "b", "b"], "spend": [0, 10.0, 5.0, 20.0]})
    >>> plot_spend(df, "ch", "spend").axes[0].get_xscale()
    'log'
    """
    name = _namer(label)
    pos = data.loc[data[outcome] > 0, [group, outcome]]
    levels = sorted(pos[group].unique())
    with figure_style():
        fig, ax = new_figure(height=1.0 + 0.5 * len(levels))
        ax.boxplot([pos.loc[pos[group] == g, outcome].to_numpy() for g in levels], orientation="horizontal",
                   tick_labels=[name(g) for g in levels], showmeans=True)
        ax.set_xscale("log")
        ax.set_title(msg("channels.fig.spend.title", outcome=name(outcome), group=name(group)))
        ax.set_xlabel(msg("channels.fig.spend.x", outcome=name(outcome), currency=_currency(currency)))
    medians = [float(np.median(pos.loc[pos[group] == g, outcome])) for g in levels]
    if medians:
        top = int(np.argmax(medians))
        attach_reading(fig, "boxplot", group=name(levels[top]), median=medians[top])
    else:
        attach_reading(fig, "boxplot")
    return fig


def plot_adjusted(result, outcome: str, *, label: Callable[[str], str] | None = None) -> Figure:
    """Unadjusted and adjusted differences from the reference, side by side.

    ``result`` is an :class:`~analysis.channels.AdjustedComparison` (its ``effects``: the
    adjusted ``estimate``, ``ci_low``, ``ci_high`` and the ``unadjusted*`` columns).

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> eff = pd.DataFrame({"estimate": [0.5], "ci_low": [-0.5], "ci_high": [1.5], "group": ["web"],
    ...                     "unadjusted": [2.0], "unadjusted_ci_low": [1.0], "unadjusted_ci_high": [3.0]})
    >>> fig = plot_adjusted(SimpleNamespace(effects=eff, reference="store"), "spend")
    >>> len(fig.axes[0].get_legend().get_texts())
    2
    """
    e = result.effects
    name = _namer(label)
    with figure_style():
        fig, ax = new_figure(height=1.2 + 0.6 * len(e))
        _dot_whisker(ax, e["group"], e["unadjusted"], e["unadjusted_ci_low"], e["unadjusted_ci_high"],
                     color="C7", offset=-0.12, label=msg("channels.fig.adjusted.raw"), name=name)
        _dot_whisker(ax, e["group"], e["estimate"], e["ci_low"], e["ci_high"],
                     color="C0", offset=0.12, label=msg("channels.fig.adjusted.adj"), name=name)
        ax.axvline(0, color="0.4", lw=1, ls="--")
        ax.legend(loc="best")
        ax.set_title(msg("channels.fig.adjusted.title", outcome=name(outcome), reference=name(result.reference)))
        ax.set_xlabel(msg("channels.fig.adjusted.x", reference=name(result.reference)))
    move = (e["estimate"] - e["unadjusted"]).abs().to_numpy(float)
    if np.isfinite(move).any():
        i = int(np.nanargmax(move))
        attach_reading(fig, "adjusted_vs_raw", example=share_variant([*e["estimate"], *e["unadjusted"]]),
                       group=name(e["group"].iloc[i]), raw=float(e["unadjusted"].iloc[i]),
                       adjusted=float(e["estimate"].iloc[i]))
    else:
        attach_reading(fig, "adjusted_vs_raw")
    return fig


def plot_lift(lift: pd.DataFrame, outcome: str, control: str, *, alpha: float = 0.05,
              label: Callable[[str], str] | None = None) -> Figure:
    """Absolute lift of each arm over control with intervals.

    ``lift`` is a :func:`~analysis.channels.campaign_lift` table (``arm``, ``estimate``,
    ``ci_low``, ``ci_high``).

    Examples
    --------
    >>> import pandas as pd
    >>> lift = pd.DataFrame({"estimate": [0.02], "ci_low": [0.01], "ci_high": [0.03], "arm": ["mail"]})
    >>> plot_lift(lift, "visit", "control").axes[0].get_xlabel()
    'Absolute lift'
    """
    name = _namer(label)
    with figure_style():
        fig, ax = new_figure(height=1.0 + 0.5 * len(lift))
        _dot_whisker(ax, lift["arm"], lift["estimate"], lift["ci_low"], lift["ci_high"], name=name)
        ax.axvline(0, color="0.4", lw=1, ls="--")
        ax.set_title(msg("channels.fig.lift.title", outcome=name(outcome), control=name(control), level=1 - alpha))
        ax.set_xlabel(msg("channels.fig.lift.x"))
    attach_forest(fig, lift["ci_low"], lift["ci_high"])
    return fig


def plot_economics(eco: pd.DataFrame, *, label: Callable[[str], str] | None = None,
                   currency: str | None = None) -> Figure:
    """First-year value and CAC per customer by channel (bars with bootstrap intervals when present),
    in *currency* (default "currency units").

    Examples
    --------
    >>> import pandas as pd
    >>> eco = pd.DataFrame({"first_year_value": [30.0, 20.0], "cac": [10.0, 25.0]}, index=["web", "store"])
    >>> len(plot_economics(eco).axes[0].patches)
    4
    """
    x = np.arange(len(eco))
    with figure_style():
        fig, ax = new_figure()
        for j, (col, key) in enumerate((("first_year_value", "value"), ("cac", "cac"))):
            err = None
            if f"{col}_ci_low" in eco:
                err = _whiskers(eco[col], eco[f"{col}_ci_low"], eco[f"{col}_ci_high"])
            ax.bar(x + (j - 0.5) * 0.38, eco[col], width=0.38, yerr=err, capsize=3,
                   label=msg(f"channels.fig.economics.{key}"), color=f"C{j}")
        ax.set_xticks(x, [_namer(label)(i) for i in eco.index])
        ax.legend()
        ax.set_title(msg("channels.fig.economics.title"))
        ax.set_ylabel(msg("channels.fig.economics.y", currency=_currency(currency)))
    _attach_value_vs_cost(fig, eco, "first_year_value", _namer(label))
    return fig


def plot_lifetime_economics(eco: pd.DataFrame, *, label: Callable[[str], str] | None = None,
                            currency: str | None = None) -> Figure:
    """Lifetime value per customer (value to date + expected residual, stacked) beside CAC, by channel,
    in *currency* (default "currency units").

    ``eco`` is :func:`analysis.channels.lifetime_economics`' table; the whisker on the
    stacked bar is the bootstrap interval of the lifetime value when present.

    Examples
    --------
    >>> import pandas as pd
    >>> eco = pd.DataFrame({"value_to_date": [30.0, 20.0], "residual_value": [10.0, 5.0], "lifetime_value": [40.0, 25.0],
    ...                     "cac": [10.0, 25.0]}, index=["web", "store"])
    >>> len(plot_lifetime_economics(eco).axes[0].patches)
    6
    """
    x = np.arange(len(eco))
    w = 0.38
    with figure_style():
        fig, ax = new_figure()
        ax.bar(x - w / 2, eco["value_to_date"], width=w, color="C0", label=msg("channels.fig.lifetime.to_date"))
        err = None
        if "lifetime_value_ci_low" in eco:
            err = _whiskers(eco["lifetime_value"], eco["lifetime_value_ci_low"], eco["lifetime_value_ci_high"])
        ax.bar(x - w / 2, eco["residual_value"], width=w, bottom=eco["value_to_date"], color="C2", yerr=err,
               capsize=3, label=msg("channels.fig.lifetime.residual"))
        err = None
        if "cac_ci_low" in eco:
            err = _whiskers(eco["cac"], eco["cac_ci_low"], eco["cac_ci_high"])
        ax.bar(x + w / 2, eco["cac"], width=w, yerr=err, capsize=3, color="C1", label=msg("channels.fig.economics.cac"))
        ax.set_xticks(x, [_namer(label)(i) for i in eco.index])
        top = max(eco.get("lifetime_value_ci_high", eco["lifetime_value"]).max(), eco["cac"].max())
        ax.set_ylim(0, 1.3 * top)  # room for the legend above the bars
        ax.legend(loc="upper center", ncol=3, fontsize="small")
        ax.set_title(msg("channels.fig.lifetime.title"))
        ax.set_ylabel(msg("channels.fig.economics.y", currency=_currency(currency)))
    _attach_value_vs_cost(fig, eco, "lifetime_value", _namer(label))
    return fig


def plot_attribution(table: pd.DataFrame, *, label: Callable[[str], str] | None = None) -> Figure:
    """Grouped horizontal bars: conversions credited by each rule (columns of ``table``).

    Columns named ``first_touch``, ``last_touch``, ``linear``, ``time_decay`` or ``markov``.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"linear": [3.0, 1.0], "markov": [2.5, 1.5]}, index=["a", "b"])
    >>> len(plot_attribution(t).axes[0].patches)
    4
    """
    rules = list(table.columns)
    y = np.arange(len(table))
    h = 0.8 / len(rules)
    with figure_style():
        fig, ax = new_figure(height=1.0 + 0.35 * len(table) * max(1, len(rules) / 2))
        for j, rule in enumerate(rules):
            ax.barh(y + (j - (len(rules) - 1) / 2) * h, table[rule], height=h, label=msg(f"channels.rule.{rule}"))
        ax.set_yticks(y, [_namer(label)(i) for i in table.index])
        ax.invert_yaxis()
        ax.legend()
        ax.set_title(msg("channels.fig.attribution.title"))
        ax.set_xlabel(msg("channels.fig.attribution.x"))
    spread = (table.max(axis=1) - table.min(axis=1)).to_numpy(float)
    if len(rules) > 1 and np.isfinite(spread).any():
        i = int(np.nanargmax(spread))
        attach_reading(fig, "attribution", group=_namer(label)(table.index[i]), low=float(table.iloc[i].min()),
                       high=float(table.iloc[i].max()))
    else:
        attach_reading(fig, "attribution")
    return fig
