"""Figures of the loyalty-programme section of notebook 05. Each returns a Figure.

A balance ("love") plot of standardised differences before and after weighting, the overlap of
propensity scores, the difference-in-differences event-time estimates, the tier-migration matrix
and the programme's margin against its cost.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.messages import msg
from analysis.plots.reading import attach_reading
from analysis.plots.style import figure_style, new_figure

__all__ = ["plot_balance", "plot_overlap", "plot_event", "plot_migration", "plot_programme_economics"]


def _covariate(name: object, label: Callable[[str], str] | None) -> str:
    try:
        return msg(f"loyalty.covariate.{name}")
    except KeyError:
        return str(name) if label is None else label(str(name))


def plot_balance(balance: pd.DataFrame, *, limit: float = 0.1, label: Callable[[str], str] | None = None) -> Figure:
    """Love plot: each covariate's standardised mean difference before and after weighting, with +/- ``limit``.

    Examples
    --------
    >>> b = pd.DataFrame({"smd_before": [0.5, -0.2], "smd_after": [0.02, -0.01]},
    ...                  index=pd.Index(["log_aov_pre", "x"], name="covariate"))
    >>> plot_balance(b).axes[0].get_yticklabels()[-1].get_text()
    'average order value before launch (log)'
    """
    b = balance.iloc[::-1]
    y = np.arange(len(b))
    with figure_style():
        fig, ax = new_figure(height=1.2 + 0.35 * len(b))
        ax.scatter(b["smd_before"], y, marker="o", facecolors="none", edgecolors="C0",
                   label=msg("loyalty.fig.balance.before"))
        ax.scatter(b["smd_after"], y, marker="o", color="C1", label=msg("loyalty.fig.balance.after"))
        for v in (-limit, limit):
            ax.axvline(v, color="grey", linestyle="--", linewidth=0.8)
        ax.axvline(0, color="black", linewidth=0.6)
        ax.set_yticks(y, [_covariate(c, label) for c in b.index])
        ax.set_title(msg("loyalty.fig.balance.title"))
        ax.set_xlabel(msg("loyalty.fig.balance.x"))
        ax.legend(loc="lower right", title=msg("loyalty.fig.balance.limit", limit=limit))
    attach_reading(fig, "balance", before=int((b["smd_before"].abs() > limit).sum()),
                   after=int((b["smd_after"].abs() > limit).sum()), n=int(len(b)), limit=float(limit))
    return fig


def plot_overlap(scores: pd.DataFrame, *, bins: int = 30) -> Figure:
    """Histograms of the propensity scores of members and non-members (shares of each group), and of
    non-members weighted by their ATT weights (customers kept in common support).

    Examples
    --------
    >>> s = pd.DataFrame({"treated": [True, True, False, False], "propensity": [0.6, 0.7, 0.3, 0.6],
    ...                   "weight": [1.0, 1.0, 0.4, 1.5], "kept": [True] * 4})
    >>> len(plot_overlap(s).axes[0].patches) > 0
    True
    """
    edges = np.linspace(0, 1, bins + 1)
    t = scores["treated"].to_numpy(bool)
    kept = scores["kept"].to_numpy(bool)
    ps, w = scores["propensity"].to_numpy(float), scores["weight"].to_numpy(float)
    with figure_style():
        fig, ax = new_figure()
        for mask, weights, key, style in (
                (t, None, "members", {"alpha": 0.5, "color": "C1"}),
                (~t, None, "controls", {"alpha": 0.4, "color": "C0"}),
                (~t & kept, w, "weighted", {"histtype": "step", "linewidth": 1.5, "color": "C2"})):
            if mask.any():
                wt = np.ones(mask.sum()) if weights is None else weights[mask]
                ax.hist(ps[mask], bins=edges, weights=wt / wt.sum(), label=msg(f"loyalty.fig.overlap.{key}"), **style)
        ax.set_title(msg("loyalty.fig.overlap.title"))
        ax.set_xlabel(msg("loyalty.fig.overlap.x"))
        ax.set_ylabel(msg("loyalty.fig.overlap.y"))
        ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
        ax.legend()
    if (~t).any():
        attach_reading(fig, "overlap", kept=float((~t & kept).sum() / (~t).sum()))
    else:
        attach_reading(fig, "overlap")
    return fig


def plot_event(event: pd.DataFrame, *, period: str = "month", alpha: float = 0.05) -> Figure:
    """Event-time estimates of the difference-in-differences as % changes (``exp(b) - 1``) with intervals.

    Examples
    --------
    >>> ev = pd.DataFrame({"estimate": [0.01, 0.0, 0.1], "ci_low": [-0.05, np.nan, 0.02],
    ...                    "ci_high": [0.07, np.nan, 0.18]}, index=pd.Index([-2, -1, 0], name="event_time"))
    >>> plot_event(ev).axes[0].get_ylabel()
    'Change in spend per order (%)'
    """
    x = event.index.to_numpy(float)
    est = np.expm1(event["estimate"].to_numpy(float)) * 100
    lo, hi = (np.expm1(event[c].to_numpy(float)) * 100 for c in ("ci_low", "ci_high"))
    with figure_style():
        fig, ax = new_figure()
        err = np.vstack([np.nan_to_num(est - lo, nan=0.0).clip(0), np.nan_to_num(hi - est, nan=0.0).clip(0)])
        ax.errorbar(x, est, yerr=err, fmt="o", capsize=3, color="C0")
        ax.axhline(0, color="black", linewidth=0.6)
        ax.axvline(-0.5, color="grey", linestyle="--", linewidth=0.8)
        ax.set_title(msg("loyalty.fig.event.title", level=1 - alpha))
        ax.set_xlabel(msg("loyalty.fig.event.x", period=msg(f"loyalty.period.{period}")))
        ax.set_ylabel(msg("loyalty.fig.event.y"))
    estimated = np.isfinite(lo) & np.isfinite(hi)  # the reference period is fixed at 0, not estimated
    pre, post = estimated & (x < 0), estimated & (x >= 0)
    if pre.any() and post.any():
        attach_reading(fig, "event_study", pre=float(est[pre].mean()), post=float(est[post].mean()))
    else:
        attach_reading(fig, "event_study")
    return fig


def _tier(name: object) -> str:
    return msg("loyalty.tier.none") if str(name) == "none" else str(name)


def plot_migration(matrix: pd.DataFrame, counts: pd.DataFrame, *, start: str, end: str) -> Figure:
    """Heat map of tier migration: row shares (colour) with counts written in each cell (``matrix``: shares,
    ``counts``: numbers, both from :func:`analysis.retention.migration_matrix`).

    Examples
    --------
    >>> shares = pd.DataFrame([[0.0, 1.0], [0.0, 1.0]], index=["none", "base"], columns=["none", "base"])
    >>> plot_migration(shares, shares * 3, start="2024-01-01", end="2024-12-31").axes[0].get_title()[:14]
    'Tier migration'
    """
    with figure_style():
        fig, ax = new_figure(width=6.0, height=1.5 + 0.6 * len(matrix))
        image = ax.imshow(matrix.to_numpy(float), cmap="Blues", vmin=0, vmax=1, aspect="auto")
        for i in range(matrix.shape[0]):
            for j in range(matrix.shape[1]):
                share, n = float(matrix.iat[i, j]), int(counts.iat[i, j])
                ax.text(j, i, f"{n:,}\n{share:.0%}", ha="center", va="center",
                        color="white" if share > 0.6 else "black", fontsize=8)
        ax.set_xticks(range(matrix.shape[1]), [_tier(c) for c in matrix.columns])
        ax.set_yticks(range(matrix.shape[0]), [_tier(c) for c in matrix.index])
        ax.grid(False)
        ax.set_title(msg("loyalty.fig.migration.title", start=start, end=end))
        ax.set_xlabel(msg("loyalty.fig.migration.x", end=end))
        ax.set_ylabel(msg("loyalty.fig.migration.y", start=start))
        fig.colorbar(image, ax=ax, format=lambda v, _: f"{v:.0%}")
    total = float(counts.to_numpy(float).sum())
    stayed = sum(float(counts.loc[tier, tier]) for tier in counts.index if tier in counts.columns)
    attach_reading(fig, "migration", stay=stayed / total if total else float("nan"))
    return fig


def plot_programme_economics(economics: pd.DataFrame, *, currency: str, alpha: float = 0.05) -> Figure:
    """Bars: the incremental margin (with its interval) beside the stacked cost (rewards, points
    liability, running cost), from :func:`analysis.retention.programme_economics`.

    Examples
    --------
    >>> e = pd.DataFrame({"estimate": [50.0, 10.0, 5.0, 3.0], "ci_low": [20.0, 10, 5, 3], "ci_high": [80.0, 10, 5, 3]},
    ...                  index=["incremental_margin", "rewards_given", "points_liability", "running_cost"])
    >>> len(plot_programme_economics(e, currency="EUR").axes[0].patches)
    4
    """
    e = economics
    with figure_style():
        fig, ax = new_figure(width=5.5)
        m = e.loc["incremental_margin"]
        ax.bar(0, m["estimate"], color="C2", label=msg("loyalty.item.incremental_margin"),
               yerr=[[max(m["estimate"] - m["ci_low"], 0)], [max(m["ci_high"] - m["estimate"], 0)]], capsize=4)
        bottom = 0.0
        for k, item in enumerate(("rewards_given", "points_liability", "running_cost")):
            value = float(e.loc[item, "estimate"])
            ax.bar(1, value, bottom=bottom, color=f"C{k + 3}", label=msg(f"loyalty.item.{item}"))
            bottom += value
        ax.axhline(0, color="black", linewidth=0.6)
        ax.set_xticks([0, 1], [msg("loyalty.item.incremental_margin"), msg("loyalty.fig.economics.cost")])
        ax.set_title(msg("loyalty.fig.economics.title", level=1 - alpha))
        ax.set_ylabel(msg("loyalty.fig.economics.y", currency=currency))
        ax.legend(fontsize=8)
    attach_reading(fig, "value_vs_cost", example="programme", value=float(m["estimate"]), cost=float(bottom))
    return fig
