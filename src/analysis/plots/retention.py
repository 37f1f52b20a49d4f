"""Figures of notebook 05's retention and economics sections: the cohort heat map, period retention,
retention by group, Kaplan-Meier survival curves, the sBG forecast of a programme and the value of
retention scenarios. Every function returns a Figure (never shown), with title, axis labels and units."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.messages import msg
from analysis.plots.reading import attach_reading, attach_widest_interval
from analysis.plots.style import figure_style, new_figure

__all__ = ["plot_cohort_heatmap", "plot_period_retention", "plot_retention_by_group", "plot_survival", "plot_sbg",
           "plot_retention_scenarios"]

Label = Callable[[object], str]
#: a cohort heat map with at most this many cells writes each rate in its cell
ANNOTATE_CELLS = 150
#: groupings with a catalog word (``retention.grouping.<name>``)
GROUP_WORDS = ("acquisition_channel", "value_tier", "lifecycle_stage", "rfm_segment", "cohort")


def _period(period: str) -> str:
    return msg(f"retention.period.{period}")


def plot_cohort_heatmap(matrix: pd.DataFrame, *, period: str = "month") -> Figure:
    """Heat map of :func:`analysis.retention.cohort_matrix` rates: cohorts down, periods since acquisition
    across (period 0, always 100 %, left out; incomplete periods blank).

    Examples
    --------
    >>> from analysis.retention.cohorts import cohort_matrix
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "date": pd.to_datetime(["2024-01-05", "2024-02-01",
    ...                                                                            "2024-02-10"])})
    >>> plot_cohort_heatmap(cohort_matrix(tx, observation_end="2024-03-31")).axes[0].get_xlabel()
    'Time since acquisition (months)'
    """
    shown = matrix[matrix["complete"]].drop(index=0, level="periods_since", errors="ignore")
    grid = shown["rate"].unstack("periods_since")
    with figure_style():
        fig, ax = new_figure(width=8, height=max(3.5, 0.3 * len(grid) + 2.0))
        if grid.empty:
            grid = pd.DataFrame([[np.nan]], index=matrix.index.unique("cohort")[:1], columns=[1])
        values = grid.to_numpy(dtype=float)
        top = float(np.nanmax(values)) if np.isfinite(values).any() else 1.0
        image = ax.imshow(values, aspect="auto", cmap="viridis", vmin=0, vmax=top)
        if values.size <= ANNOTATE_CELLS:  # small matrices carry their rates in the cells
            for (i, j), v in np.ndenumerate(values):
                if np.isfinite(v):
                    ax.text(j, i, f"{v:.0%}", ha="center", va="center", fontsize=7,
                            color="black" if v > top / 2 else "white")
        ax.set_xticks(range(grid.shape[1]), [str(c) for c in grid.columns])
        ax.set_yticks(range(grid.shape[0]), [str(c) for c in grid.index])
        ax.grid(False)
        fig.colorbar(image, ax=ax, label=msg("retention.fig.cohorts.colour"))
        ax.set_title(msg("retention.fig.cohorts.title", period=_period(period)))
        ax.set_xlabel(msg("retention.fig.cohorts.x", period=_period(period)))
        ax.set_ylabel(msg("retention.fig.cohorts.y", period=_period(period)))
    first = grid[1].to_numpy(float) if 1 in grid.columns else np.array([np.nan])
    if np.isfinite(first).any():
        attach_reading(fig, "cohort_heatmap", rate=float(np.nanmean(first)))
    else:
        attach_reading(fig, "cohort_heatmap")
    return fig


def plot_period_retention(rates: pd.DataFrame, *, period: str = "month", alpha: float = 0.05) -> Figure:
    """The ``all`` group's retention rate per period t with its Wilson interval (:func:`analysis.retention.period_retention`).

    Examples
    --------
    >>> r = pd.DataFrame({"estimate": [0.4, 0.5], "ci_low": [0.3, 0.4], "ci_high": [0.5, 0.6]},
    ...                  index=pd.MultiIndex.from_tuples([("all", "2024-01"), ("all", "2024-02")],
    ...                                                  names=["group", "period"]))
    >>> plot_period_retention(r).axes[0].get_ylabel()
    'Retention rate (share)'
    """
    overall = rates.loc["all"]
    x = np.arange(len(overall))
    with figure_style():
        fig, ax = new_figure(width=8)
        ax.fill_between(x, overall["ci_low"], overall["ci_high"], alpha=0.25, lw=0)
        ax.plot(x, overall["estimate"], marker="o", lw=1.6)
        step = max(1, len(x) // 12)
        ax.set_xticks(x[::step], overall.index[::step])
        ax.set_ylim(0, min(1.0, float(overall["ci_high"].max()) * 1.15 + 0.02))
        ax.set_title(msg("retention.fig.rates.title", period=_period(period), level=1 - alpha), wrap=True)
        ax.set_xlabel(msg("retention.fig.rates.x", period=_period(period)))
        ax.set_ylabel(msg("retention.fig.rates.y"))
        fig.autofmt_xdate()
    if len(overall):
        attach_reading(fig, "trend_intervals", example="share", first=str(overall.index[0]),
                       first_value=float(overall["estimate"].iloc[0]), last=str(overall.index[-1]),
                       last_value=float(overall["estimate"].iloc[-1]))
    else:
        attach_reading(fig, "trend_intervals")
    return fig


def plot_retention_by_group(by_group: pd.DataFrame, *, period: str = "month", alpha: float = 0.05,
                            label: Label | None = None) -> Figure:
    """Each group's retention with its Wilson interval, one panel row of dots per grouping
    (:func:`analysis.retention.retention_by_group`).

    Examples
    --------
    >>> g = pd.DataFrame({"estimate": [0.4, 0.6], "ci_low": [0.3, 0.5], "ci_high": [0.5, 0.7], "period": "2024-01"},
    ...                  index=pd.MultiIndex.from_tuples([("value_tier", "A"), ("value_tier", "B")],
    ...                                                  names=["grouping", "level"]))
    >>> plot_retention_by_group(g).axes[0].get_xlabel()
    'Retention rate (share)'
    """
    names = [msg("retention.fig.groups.level", grouping=msg(f"retention.grouping.{g}") if str(g) in GROUP_WORDS else g,
                 level=label(lvl) if label else lvl) for g, lvl in by_group.index]
    y = np.arange(len(by_group))[::-1]
    with figure_style():
        fig, ax = new_figure(width=8, height=max(3.0, 0.32 * len(by_group) + 1.5))
        groups = by_group.index.get_level_values("grouping")
        for i, grouping in enumerate(pd.unique(groups)):
            sel = (groups == grouping)
            rows = by_group[sel]
            ax.errorbar(rows["estimate"], y[sel], xerr=[rows["estimate"] - rows["ci_low"], rows["ci_high"] - rows["estimate"]],
                        fmt="o", capsize=3, color=f"C{i % 10}")
        ax.set_yticks(y, names)
        ax.set_title(msg("retention.fig.groups.title", period_t=str(by_group["period"].iloc[0]),
                         period=_period(period), level=1 - alpha), wrap=True)
        ax.set_xlabel(msg("retention.fig.groups.x"))
    attach_widest_interval(fig, names, by_group["ci_low"], by_group["ci_high"], share=True)
    return fig


def plot_survival(curve: pd.DataFrame, groups: pd.DataFrame | None = None, *, alpha: float = 0.05,
                  label: Label | None = None) -> Figure:
    """Kaplan-Meier curve of all customers with its band (:func:`analysis.retention.kaplan_meier`), and each
    group's curve (:func:`analysis.retention.kaplan_meier_by_group`) when given.

    Examples
    --------
    >>> from analysis.retention.survival import kaplan_meier
    >>> plot_survival(kaplan_meier([0, 3, 5, 8], [True, True, False, True])).axes[0].get_xlabel()
    'Days since the first purchase'
    """
    def steps(c: pd.DataFrame, column: str) -> tuple[np.ndarray, np.ndarray]:
        t = np.concatenate([[0.0], c.index.to_numpy(dtype=float)])
        return t, np.concatenate([[1.0], c[column].to_numpy(dtype=float)])

    with figure_style():
        fig, ax = new_figure(width=8)
        t, s = steps(curve, "estimate")
        ax.step(t, s, where="post", lw=2, color="black", label=msg("retention.fig.survival.all"))
        ax.fill_between(t, steps(curve, "ci_low")[1], steps(curve, "ci_high")[1], step="post", color="grey",
                        alpha=0.3, lw=0)
        if groups is not None:
            for i, (level, part) in enumerate(groups.groupby(level="group", sort=False)):
                g_t, g_s = steps(part.droplevel("group"), "estimate")
                ax.step(g_t, g_s, where="post", lw=1.3, color=f"C{i % 10}", label=label(level) if label else str(level))
        ax.set_ylim(0, 1.02)
        ax.set_title(msg("retention.fig.survival.title", level=1 - alpha))
        ax.set_xlabel(msg("retention.fig.survival.x"))
        ax.set_ylabel(msg("retention.fig.survival.y"))
        ax.legend(fontsize=8)
    attach_reading(fig, "survival", t=float(curve.index[-1]), s=float(curve["estimate"].iloc[-1]))
    return fig


def plot_sbg(curve: pd.DataFrame) -> Figure:
    """Observed share of members still in the programme against the sBG forecast
    (:func:`analysis.retention.sbg_forecast`), with the end of the calibration marked.

    Examples
    --------
    >>> c = pd.DataFrame({"observed": [1.0, 0.8, 0.7], "forecast": [1.0, 0.81, 0.69],
    ...                   "calibration": [True, True, False]})
    >>> plot_sbg(c).axes[0].get_ylabel()
    'Share of members still in the programme'
    """
    with figure_style():
        fig, ax = new_figure(width=8)
        ax.plot(curve.index, curve["observed"], marker="o", lw=1.6, label=msg("retention.fig.sbg.observed"))
        ax.plot(curve.index, curve["forecast"], ls="--", lw=1.6, label=msg("retention.fig.sbg.forecast"))
        ax.axvline(curve.index[curve["calibration"].to_numpy()].max(), color="grey", ls=":", lw=1,
                   label=msg("retention.fig.sbg.calibration"))
        ax.set_ylim(0, 1.02)
        ax.set_title(msg("retention.fig.sbg.title"))
        ax.set_xlabel(msg("retention.fig.sbg.x"))
        ax.set_ylabel(msg("retention.fig.sbg.y"))
        ax.legend()
    attach_reading(fig, "tracking", example="share", observed=float(curve["observed"].iloc[-1]),
                   forecast=float(curve["forecast"].iloc[-1]))
    return fig


def plot_retention_scenarios(scenarios: pd.DataFrame, *, currency: str) -> Figure:
    """Gain in the base's value for each retention improvement (:func:`analysis.retention.retention_scenarios`).

    Examples
    --------
    >>> s = pd.DataFrame({"gain": [0.0, 10.0, 21.0]}, index=pd.Index([0, 1, 2], name="points"))
    >>> plot_retention_scenarios(s, currency="USD").axes[0].get_ylabel()
    'Gain in base value (USD)'
    """
    shown = scenarios[scenarios.index > 0]
    with figure_style():
        fig, ax = new_figure()
        ax.bar([f"+{p}" for p in shown.index], shown["gain"])
        ax.set_title(msg("retention.fig.scenarios.title"))
        ax.set_xlabel(msg("retention.fig.scenarios.x"))
        ax.set_ylabel(msg("retention.fig.scenarios.y", currency=currency))
    if len(shown):
        attach_reading(fig, "scenario_bars", points=int(shown.index[-1]) if float(shown.index[-1]).is_integer()
                       else float(shown.index[-1]), gain=float(shown["gain"].iloc[-1]))
    else:
        attach_reading(fig, "scenario_bars")
    return fig
