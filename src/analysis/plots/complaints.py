"""Figures of the complaints and service-recovery section (notebook 05). Each returns a Figure.

Functions take the tables of :mod:`analysis.retention.complaints` and
:mod:`analysis.retention.recovery` as the notebook writes them; ``label`` maps a name from the data
(a channel, a category, a resolution) to its display label (pass ``study.label``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.findings.complaints import group_word
from analysis.messages import msg
from analysis.plots.channels import _whiskers
from analysis.plots.reading import attach_reading, attach_widest_interval
from analysis.plots.style import figure_style, new_figure

__all__ = ["plot_complaint_trend", "plot_complaint_channels", "plot_pareto", "plot_recovery", "plot_group_means"]

Label = Callable[[str], str] | None


def _name(label: Label) -> Callable[[object], str]:
    return lambda g: group_word(g, label, markdown=False)



def _attach_trend(fig: Figure, values: pd.Series) -> Figure:
    """The ``trend_intervals`` reading citing the first and the last period's value."""
    if not len(values):
        return attach_reading(fig, "trend_intervals")
    return attach_reading(fig, "trend_intervals", first=str(values.index[0]), first_value=float(values.iloc[0]),
                          last=str(values.index[-1]), last_value=float(values.iloc[-1]))

def plot_complaint_trend(rates: pd.DataFrame, *, period: str, alpha: float = 0.05) -> Figure:
    """Complaints per 1,000 orders per period with exact intervals (:func:`complaint_rates` by period);
    periods not yet over at the observation end are drawn hollow.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"per_1000_orders": [30.0, 25.0], "per_1000_low": [20.0, 15.0], "orders": [900, 800],
    ...                   "per_1000_high": [40.0, 35.0], "full": [True, False]}, index=["2024Q1", "2024Q2"])
    >>> plot_complaint_trend(r, period="quarter").axes[0].get_ylabel()
    'Complaints per 1,000 orders'
    """
    r = rates.loc[rates["orders"] > 0]
    x = np.arange(len(r))
    full = r["full"].to_numpy(bool) if "full" in r else np.ones(len(r), bool)
    with figure_style():
        fig, ax = new_figure(width=max(7.0, 0.45 * len(r)))
        ax.errorbar(x, r["per_1000_orders"], yerr=_whiskers(r["per_1000_orders"], r["per_1000_low"], r["per_1000_high"]),
                    fmt="-", color="C0", capsize=3, lw=1)
        ax.scatter(x[full], r["per_1000_orders"].to_numpy()[full], color="C0", zorder=3)
        ax.scatter(x[~full], r["per_1000_orders"].to_numpy()[~full], facecolor="white", edgecolor="C0", zorder=3)
        ax.set_xticks(x, [str(i) for i in r.index], rotation=45 if len(r) > 8 else 0)
        ax.set_ylim(bottom=0)
        ax.set_title(msg("complaints.fig.trend.title", period=msg(f"complaints.period.{period}").lower(),
                         level=1 - alpha))
        ax.set_xlabel(msg("complaints.fig.trend.x", period=msg(f"complaints.period.{period}")))
        ax.set_ylabel(msg("complaints.fig.rate.y"))
    _attach_trend(fig, r["per_1000_orders"])
    return fig


def plot_complaint_channels(rates: pd.DataFrame, *, alpha: float = 0.05, label: Label = None) -> Figure:
    """Complaints per 1,000 orders by purchase channel, with exact intervals, lowest at the bottom.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"per_1000_orders": [30.0, 20.0], "per_1000_low": [20.0, 15.0], "orders": [900, 800],
    ...                   "per_1000_high": [40.0, 25.0]}, index=["web", "store"])
    >>> [t.get_text() for t in plot_complaint_channels(r).axes[0].get_yticklabels()]
    ['store', 'web']
    """
    r = rates.loc[rates["orders"] > 0].sort_values("per_1000_orders")
    name = _name(label)
    with figure_style():
        fig, ax = new_figure(height=1.2 + 0.45 * len(r))
        y = np.arange(len(r))
        ax.errorbar(r["per_1000_orders"], y, xerr=_whiskers(r["per_1000_orders"], r["per_1000_low"], r["per_1000_high"]),
                    fmt="o", capsize=3)
        ax.set_yticks(y, [name(g) for g in r.index])
        ax.set_xlim(left=0)
        ax.set_title(msg("complaints.fig.channels.title", level=1 - alpha))
        ax.set_xlabel(msg("complaints.fig.rate.y"))
        ax.set_ylabel(msg("complaints.fig.channels.x"))
    attach_widest_interval(fig, [name(g) for g in r.index], r["per_1000_low"], r["per_1000_high"], share=False)
    return fig


def plot_pareto(categories: pd.DataFrame, *, label: Label = None) -> Figure:
    """Pareto chart: bars of complaints per category (largest first), the cumulative share as a line on a
    second axis, the "vital few" in a darker colour.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"complaints": [6, 3, 1], "cumulative_share": [0.6, 0.9, 1.0],
    ...                   "vital_few": [True, True, False]}, index=["late", "rude", "other"])
    >>> len(plot_pareto(c).axes)
    2
    """
    name = _name(label)
    with figure_style():
        fig, ax = new_figure(width=max(7.0, 0.7 * len(categories)))
        x = np.arange(len(categories))
        colors = np.where(categories["vital_few"].to_numpy(bool), "C0", "C7")
        ax.bar(x, categories["complaints"], color=colors)
        ax.set_xticks(x, [name(c) for c in categories.index], rotation=30 if len(categories) > 4 else 0, ha="right"
                      if len(categories) > 4 else "center")
        ax.set_title(msg("complaints.fig.pareto.title"))
        ax.set_xlabel(msg("complaints.fig.pareto.x"))
        ax.set_ylabel(msg("complaints.fig.pareto.y"))
        twin = ax.twinx()
        twin.plot(x, 100 * categories["cumulative_share"], marker="o", color="C3")
        twin.axhline(80, color="0.5", lw=1, ls="--")
        twin.set_ylim(0, 105)
        twin.set_ylabel(msg("complaints.fig.pareto.y2"))
        twin.grid(False)
    k = int(categories["vital_few"].astype(bool).sum())
    if k:
        attach_reading(fig, "pareto", k=k, n=int(len(categories)), share=float(categories["cumulative_share"].iloc[k - 1]))
    else:
        attach_reading(fig, "pareto")
    return fig


def plot_recovery(rates: pd.DataFrame, *, days: int, alpha: float = 0.05) -> Figure:
    """Repurchase rates after no complaint, a complaint resolved well and one not resolved well: naive and
    adjusted, with their bootstrap intervals (:class:`~analysis.retention.recovery.RecoveryComparison`'s ``rates``).

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"estimate": [0.7, 0.66, 0.42], "ci_low": [0.69, 0.6, 0.35], "ci_high": [0.71, 0.7, 0.5],
    ...                   "naive": [0.7, 0.65, 0.43], "naive_ci_low": [0.69, 0.6, 0.36],
    ...                   "naive_ci_high": [0.71, 0.7, 0.5]}, index=["none", "good", "poor"])
    >>> plot_recovery(r, days=180).axes[0].get_xlabel()
    'Share of orders followed by a repurchase (%)'
    """
    y = np.arange(len(rates))
    with figure_style():
        fig, ax = new_figure(height=2.2 + 0.5 * len(rates))
        for offset, prefix, key, color in ((0.15, "naive", "naive", "C7"), (-0.15, "", "adjusted", "C0")):
            est = rates[prefix or "estimate"]
            low, high = rates[f"{prefix}_ci_low" if prefix else "ci_low"], rates[f"{prefix}_ci_high" if prefix else "ci_high"]
            ax.errorbar(100 * est, y + offset, xerr=_whiskers(100 * est, 100 * low, 100 * high), fmt="o", capsize=3,
                        color=color, label=msg(f"complaints.fig.recovery.{key}"))
        ax.set_yticks(y, [group_word(g) for g in rates.index])
        ax.invert_yaxis()
        ax.set_title(msg("complaints.fig.recovery.title", days=days, level=1 - alpha))
        ax.set_xlabel(msg("complaints.fig.recovery.x"))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, frameon=False)  # below: never on a dot
    move = (rates["estimate"] - rates["naive"]).abs().to_numpy(float)
    if np.isfinite(move).any():
        i = int(np.nanargmax(move))
        attach_reading(fig, "adjusted_vs_raw", example="share", group=group_word(rates.index[i], markdown=False),
                       raw=float(rates["naive"].iloc[i]), adjusted=float(rates["estimate"].iloc[i]))
    else:
        attach_reading(fig, "adjusted_vs_raw")
    return fig


def plot_group_means(means: pd.DataFrame, *, alpha: float = 0.05, label: Label = None) -> Figure:
    """Mean satisfaction after recovery by resolution with t intervals (:func:`group_means`; groups without an
    interval are left out).

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"estimate": [5.8, 2.6], "ci_low": [5.7, 2.5], "ci_high": [5.9, 2.7]}, index=["good", "poor"])
    >>> plot_group_means(m).axes[0].get_title()
    'Satisfaction with the recovery by resolution (95% intervals)'
    """
    m = means.dropna(subset=["estimate", "ci_low", "ci_high"])
    name = _name(label)
    with figure_style():
        fig, ax = new_figure(height=1.2 + 0.45 * len(m))
        y = np.arange(len(m))
        ax.errorbar(m["estimate"], y, xerr=_whiskers(m["estimate"], m["ci_low"], m["ci_high"]), fmt="o", capsize=3)
        ax.set_yticks(y, [name(g) for g in m.index])
        ax.invert_yaxis()
        ax.set_title(msg("complaints.fig.satisfaction.title", level=1 - alpha))
        ax.set_xlabel(msg("complaints.fig.satisfaction.x"))
    attach_widest_interval(fig, [name(g) for g in m.index], m["ci_low"], m["ci_high"], share=False)
    return fig
