"""Figures of notebook 05's cross-selling and scorecard sections. Each returns a Figure.

``label`` maps a category name from the data to its display label (pass ``study.label``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from analysis.messages import msg
from analysis.plots.channels import _whiskers
from analysis.plots.reading import attach_reading, attach_widest_interval
from analysis.plots.style import ReportFigure, figure_style, new_figure
from analysis.retention import KPI_UNITS

__all__ = ["plot_adoption", "plot_value_added", "plot_scorecard"]

#: colour of a verdict's estimate (colour-blind palette: green, vermillion, grey, black)
VERDICT_COLOURS = {"met": "#009E73", "not met": "#D55E00", "cannot tell": "#7f7f7f", "no target": "#000000"}
_FORMATS = {"index": "{:.0f}", "rate": "{:.1f}", "money": "{:,.0f}"}


def plot_adoption(adoption: pd.DataFrame, *, alpha: float = 0.05,
                  label: Callable[[str], str] | None = None) -> Figure:
    """Share of customers who bought each category, with its Wilson interval (:func:`~analysis.retention.category_adoption`).

    Examples
    --------
    >>> from analysis.retention import category_adoption
    >>> tx = pd.DataFrame({"customer_id": list("aabc"), "category": list("xyxx")})
    >>> plot_adoption(category_adoption(tx)).axes[0].get_xlabel()
    'Share of customers'
    """
    name = (lambda v: str(v)) if label is None else (lambda v: label(str(v)))
    rows = adoption.iloc[::-1]
    with figure_style():
        fig, ax = new_figure(height=1.2 + 0.4 * len(rows))
        y = np.arange(len(rows))
        ax.errorbar(rows["estimate"], y, xerr=_whiskers(rows["estimate"], rows["ci_low"], rows["ci_high"]), fmt="o",
                    capsize=3)
        ax.set_yticks(y, [name(v) for v in rows.index])
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
        ax.set_xlim(0, 1)
        ax.set_title(msg("crosssell.fig.adoption.title", level=f"{1 - alpha:.0%}"))
        ax.set_xlabel(msg("crosssell.fig.adoption.x"))
        ax.set_ylabel(msg("crosssell.fig.adoption.y"))
    attach_widest_interval(fig, [name(v) for v in rows.index], rows["ci_low"], rows["ci_high"], share=True)
    return fig


def plot_value_added(sales: pd.DataFrame, *, period: str = "quarter", currency: str = "",
                     alpha: float = 0.05) -> Figure:
    """Value-added service sales per period with intervals (:func:`~analysis.retention.value_added_sales`);
    a period not yet over is drawn hollow.

    Examples
    --------
    >>> s = pd.DataFrame({"estimate": [10.0, 12.0], "ci_low": [8.0, 9.0], "ci_high": [12.0, 15.0],
    ...                   "full": [True, False]}, index=["2024Q1", "2024Q2"])
    >>> plot_value_added(s, currency="euros").axes[0].get_ylabel()
    'Sales (euros)'
    """
    x = np.arange(len(sales))
    full = sales["full"].astype(bool).to_numpy()
    with figure_style():
        fig, ax = new_figure(width=max(7.0, 0.35 * len(sales)))
        err = _whiskers(sales["estimate"], sales["ci_low"].fillna(sales["estimate"]),
                        sales["ci_high"].fillna(sales["estimate"]))
        ax.errorbar(x[full], sales["estimate"].to_numpy()[full], yerr=[e[full] for e in err], fmt="o-", capsize=3)
        if (~full).any():
            ax.errorbar(x[~full], sales["estimate"].to_numpy()[~full], yerr=[e[~full] for e in err], fmt="o",
                        mfc="white", capsize=3, label=msg("crosssell.fig.value_added.partial"))
            ax.legend(loc="best")
        ax.set_xticks(x, [str(p) for p in sales.index], rotation=45 if len(sales) > 8 else 0)
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
        ax.set_title(msg("crosssell.fig.value_added.title", period=msg(f"scorecard.period.{period}"),
                         level=f"{1 - alpha:.0%}"))
        ax.set_xlabel(msg(f"crosssell.period.{period}"))
        ax.set_ylabel(msg("crosssell.fig.value_added.y", currency=currency))
    if len(sales):
        attach_reading(fig, "trend_intervals", first=str(sales.index[0]), first_value=float(sales["estimate"].iloc[0]),
                       last=str(sales.index[-1]), last_value=float(sales["estimate"].iloc[-1]))
    else:
        attach_reading(fig, "trend_intervals")
    return fig


def plot_scorecard(card: pd.DataFrame, *, currency: str = "", alpha: float = 0.05) -> Figure:
    """The scorecard: one row per KPI with data, its latest value and interval (coloured by verdict) and
    its target (a diamond), each on its own scale (:func:`~analysis.retention.scorecard`).

    Examples
    --------
    >>> card = pd.DataFrame({"estimate": [0.8, np.nan], "ci_low": [0.75, np.nan], "ci_high": [0.85, np.nan],
    ...                      "target": [0.7, 0.1], "verdict": ["met", "no data"]},
    ...                     index=["retention_rate", "referral_rate"])
    >>> len(plot_scorecard(card).axes)
    1
    """
    rows = card[card["verdict"] != "no data"]
    with figure_style():
        fig = ReportFigure(figsize=(7.0, 0.9 + 0.85 * max(len(rows), 1)))
        axes = np.atleast_1d(fig.subplots(max(len(rows), 1), 1, squeeze=False)[:, 0])
        for ax, (kpi, row) in zip(axes, rows.iterrows()):
            colour = VERDICT_COLOURS.get(row["verdict"], "#000000")
            err = _whiskers([row["estimate"]], [row["ci_low"]], [row["ci_high"]])
            ax.errorbar([row["estimate"]], [0], xerr=err, fmt="o", capsize=4, color=colour, markersize=7,
                        label=msg("scorecard.fig.estimate", verdict=msg(f"scorecard.verdict_short.{row['verdict']}")))
            if pd.notna(row["target"]):
                ax.plot([row["target"]], [0], marker="D", color="black", linestyle="none",
                        label=msg("scorecard.fig.target"))
            unit = KPI_UNITS.get(kpi, "share")
            if unit == "share":  # as many decimals as the ticks' spacing needs (a narrow interval: 55.5%)
                ax.xaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=None))
            else:
                ax.xaxis.set_major_formatter(lambda v, _, f=_FORMATS[unit]: f.format(v))
            ax.set_yticks([0], [msg(f"scorecard.kpi.{kpi}")])
            ax.set_xlabel(msg(f"scorecard.unit.{unit}", currency=currency), fontsize=8)
            ax.margins(x=0.25)
            ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=7, frameon=False)
        fig.suptitle(msg("scorecard.fig.title", level=f"{1 - alpha:.0%}"), fontweight="bold")
    verdicts = rows["verdict"].value_counts()
    judged = int(sum(verdicts.get(v, 0) for v in ("met", "not met", "cannot tell")))
    if judged:
        attach_reading(fig, "scorecard", met=int(verdicts.get("met", 0)), not_met=int(verdicts.get("not met", 0)),
                       unclear=int(verdicts.get("cannot tell", 0)), n=judged)
    else:
        attach_reading(fig, "scorecard")
    return fig
