"""Figures of the data overview (notebook 00)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.messages import msg
from analysis.plots.reading import attach_reading
from analysis.plots.style import figure_style, new_figure

__all__ = ["plot_purchases_per_customer", "plot_amounts", "plot_monthly_activity", "plot_missing"]


def plot_purchases_per_customer(distribution: pd.DataFrame, *, max_purchases: int = 20) -> Figure:
    """Bar chart of customers by number of purchases (from ``purchases_per_customer``).

    Counts above ``max_purchases`` are pooled into the last bar, labelled "20+".

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"purchases": [1, 2], "customers": [5, 3]})
    >>> plot_purchases_per_customer(d).axes[0].get_title()
    'How many times each customer bought'
    """
    capped = distribution.assign(purchases=distribution["purchases"].clip(upper=max_purchases))
    bars = capped.groupby("purchases")["customers"].sum()
    labels = [str(p) if p < max_purchases else f"{max_purchases}+" for p in bars.index]
    if bars.index.max() < max_purchases:
        labels = [str(p) for p in bars.index]
    with figure_style():
        fig, ax = new_figure()
        ax.bar(labels, bars.to_numpy())
        ax.set_title(msg("overview.fig.purchases.title"))
        ax.set_xlabel(msg("overview.axis.transactions_per_customer"))
        ax.set_ylabel(msg("overview.axis.customers"))
    total = int(distribution["customers"].sum())
    once = distribution.loc[distribution["purchases"] == 1, "customers"].sum() / total if total else float("nan")
    attach_reading(fig, "distribution", once=float(once), customers=total)
    return fig


def plot_amounts(transactions: pd.DataFrame, *, currency: str | None = None) -> Figure:
    """Histogram of positive transaction amounts on a log scale; *currency* names the unit
    (``Study.currency_name()``; default "currency units").

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"amount": [1.0, 10.0, 100.0]})
    >>> plot_amounts(tx).axes[0].get_xscale()
    'log'
    """
    positive = transactions.loc[transactions["amount"] > 0, "amount"]
    with figure_style():
        fig, ax = new_figure()
        if len(positive):
            low, high = positive.min(), positive.max()
            bins = np.geomspace(low, high if high > low else low * 1.01, 40)
            ax.hist(positive, bins=bins)
        ax.set_xscale("log")
        ax.set_title(msg("overview.fig.amounts.title"))
        ax.set_xlabel(msg("overview.axis.amount", currency=currency or msg("study.currency.none")))
        ax.set_ylabel(msg("overview.axis.transactions"))
    if len(positive):
        attach_reading(fig, "distribution", example="amount", n=len(positive), median=float(positive.median()),
                       p90=float(positive.quantile(0.9)))
    else:
        attach_reading(fig, "distribution")
    return fig


def plot_monthly_activity(monthly: pd.DataFrame, *, currency: str | None = None) -> Figure:
    """Monthly revenue (bars, in *currency*; default "currency units") and active customers (line, right axis).

    Without a ``revenue`` column (a count-only log) the bars count transactions.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"month": pd.to_datetime(["2024-01-01", "2024-02-01"]),
    ...                   "revenue": [10.0, 20.0], "active_customers": [2, 3]})
    >>> len(plot_monthly_activity(m).axes)
    2
    """
    with figure_style():
        fig, ax = new_figure(width=8.0)
        money = "revenue" in monthly.columns
        bars = (msg("overview.axis.revenue", currency=currency or msg("study.currency.none")) if money
                else msg("overview.axis.transactions"))
        ax.bar(monthly["month"], monthly["revenue" if money else "transactions"], width=20, color="C0", alpha=0.8,
               label=bars)
        ax.set_ylabel(bars)
        ax.set_xlabel(msg("overview.axis.month"))
        right = ax.twinx()
        right.plot(monthly["month"], monthly["active_customers"], color="C1", marker="o",
                   label=msg("overview.axis.active_customers"))
        right.set_ylabel(msg("overview.axis.active_customers"))
        right.grid(False)
        right.set_ylim(bottom=0)
        ax.set_title(msg("overview.fig.monthly.title" if money else "overview.fig.monthly.title_counts"))
        handles = ax.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
        ax.legend(handles=handles, loc="upper right", framealpha=0.9)
    if len(monthly):
        peak = monthly.loc[monthly["active_customers"].idxmax()]
        attach_reading(fig, "activity", month=pd.Timestamp(peak["month"]).strftime("%Y-%m"),
                       active=int(peak["active_customers"]))
    else:
        attach_reading(fig, "activity")
    return fig


def plot_missing(missing: pd.DataFrame) -> Figure:
    """Horizontal bars of the share of missing values per table column that has any.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"table": ["t"], "column": ["a"], "n_missing": [0], "share_missing": [0.0]})
    >>> plot_missing(m).axes[0].get_title()
    'No missing values in any table'
    """
    some = missing[missing["n_missing"] > 0]
    with figure_style():
        fig, ax = new_figure(height=max(2.5, 0.35 * len(some) + 1.5))
        if some.empty:
            ax.set_title(msg("overview.fig.missing.none"))
            ax.set_axis_off()
            return attach_reading(fig, "missing")
        labels = some["table"] + "." + some["column"]
        ax.barh(labels, 100 * some["share_missing"])
        ax.invert_yaxis()
        ax.set_title(msg("overview.fig.missing.title"))
        ax.set_xlabel(msg("overview.axis.share_missing"))
        ax.set_ylabel(msg("overview.axis.column"))
    worst = some.loc[some["share_missing"].idxmax()]
    attach_reading(fig, "missing", column=f"{worst['table']}.{worst['column']}", share=float(worst["share_missing"]))
    return fig
