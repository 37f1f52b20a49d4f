"""Figures of the customer lifetime value analysis (notebook 02)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.messages import msg
from analysis.plots.reading import attach_reading
from analysis.plots.style import figure_style, new_figure

__all__ = ["tracking_figure", "frequency_fit_figure", "holdout_figure", "concentration_figure", "recovery_figure"]


def _model_name(model) -> str:
    try:
        return msg(f"clv.model.{type(model).__name__}")
    except KeyError:
        return type(model).__name__


def tracking_figure(track: pd.DataFrame, model, *, cumulative: bool = False, time_unit: str = "W") -> Figure:
    """Actual vs expected repeat transactions per period (or cumulative) from :func:`analysis.clv.tracking`.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeo
    >>> t = pd.DataFrame({"period_end": pd.date_range("2024-01-07", periods=3, freq="7D"),
    ...                   "actual": [1.0, 2, 1], "expected": [1.2, 1.5, 1.4],
    ...                   "actual_cumulative": [1.0, 3, 4], "expected_cumulative": [1.2, 2.7, 4.1],
    ...                   "holdout": [False, False, True]})
    >>> m = BetaGeo.from_params({"r": 1, "alpha": 1, "a": 1, "b": 1})
    >>> tracking_figure(t, m).axes[0].get_ylabel()
    'Repeat transactions'
    """
    suffix = "_cumulative" if cumulative else ""
    name = _model_name(model)
    with figure_style():
        fig, ax = new_figure(width=8)
        ax.plot(track["period_end"], track["actual" + suffix], label=msg("clv.legend.actual"), lw=1.6)
        ax.plot(track["period_end"], track["expected" + suffix], label=msg("clv.legend.model", model=name), lw=1.6, ls="--")
        if track["holdout"].any():
            ax.axvline(track.loc[~track["holdout"], "period_end"].max(), color="grey", lw=1, ls=":",
                       label=msg("clv.legend.calibration_end"))
        key = "clv.fig.tracking_cumulative.title" if cumulative else "clv.fig.tracking.title"
        ax.set_title(msg(key, model=name, unit=msg(f"clv.unit.{time_unit}")))
        ax.set_xlabel(msg("clv.axis.period"))
        ax.set_ylabel(msg("clv.axis.cumulative_repeat" if cumulative else "clv.axis.repeat_transactions"))
        ax.legend()
        fig.autofmt_xdate()
    attach_reading(fig, "tracking", actual=float(track["actual"].sum()), expected=float(track["expected"].sum()))
    return fig


def _paired_bars(table: pd.DataFrame, left: str, right: str, labels: tuple[str, str], title: str, ylabel: str,
                 example: str | None = None) -> Figure:
    with figure_style():
        fig, ax = new_figure()
        x = np.arange(len(table))
        ax.bar(x - 0.2, table[left], width=0.4, label=labels[0])
        ax.bar(x + 0.2, table[right], width=0.4, label=labels[1])
        ax.set_xticks(x, table.index.astype(str))
        ax.set_title(title)
        ax.set_xlabel(msg("clv.axis.frequency"))
        ax.set_ylabel(ylabel)
        ax.legend()
    gap = (table[left] - table[right]).abs().to_numpy(float)
    if np.isfinite(gap).any():
        i = int(np.nanargmax(gap))
        attach_reading(fig, "observed_expected", example=example, bin=str(table.index[i]),
                       actual=float(table[left].iloc[i]),
                       expected=float(table[right].iloc[i]))
    else:
        attach_reading(fig, "observed_expected")
    return fig


def frequency_fit_figure(table: pd.DataFrame, model) -> Figure:
    """Histogram of actual vs expected customers by calibration frequency (:func:`analysis.clv.frequency_fit`).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeo
    >>> t = pd.DataFrame({"actual": [5.0, 3], "expected": [4.8, 3.2]}, index=["0", "1+"])
    >>> frequency_fit_figure(t, BetaGeo()).axes[0].get_xlabel()
    'Repeat purchases in calibration'
    """
    name = _model_name(model)
    return _paired_bars(table, "actual", "expected", (msg("clv.legend.actual"), msg("clv.legend.model", model=name)),
                        msg("clv.fig.frequency.title", model=name), msg("clv.axis.customers"), example="count")


def holdout_figure(table: pd.DataFrame, model) -> Figure:
    """Mean holdout purchases by calibration frequency, actual vs predicted (:func:`analysis.clv.holdout_by_frequency`).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeo
    >>> t = pd.DataFrame({"customers": [5, 3], "actual": [0.2, 1.0], "predicted": [0.25, 0.9]}, index=["0", "1+"])
    >>> holdout_figure(t, BetaGeo()).axes[0].get_ylabel()
    'Mean purchases per customer in the holdout period'
    """
    name = _model_name(model)
    return _paired_bars(table, "actual", "predicted", (msg("clv.legend.actual"), msg("clv.legend.model", model=name)),
                        msg("clv.fig.holdout.title", model=name), msg("clv.axis.holdout_purchases"))


def concentration_figure(clv: pd.Series) -> Figure:
    """Cumulative share of expected value against the share of customers, most valuable first.

    Examples
    --------
    >>> import pandas as pd
    >>> concentration_figure(pd.Series([1.0, 2.0, 7.0])).axes[0].get_ylabel()
    'Share of expected value'
    """
    values = np.sort(np.asarray(clv, float))[::-1]
    share_c = np.arange(1, len(values) + 1) / len(values)
    share_v = np.cumsum(values) / values.sum() if values.sum() > 0 else np.zeros(len(values))
    with figure_style():
        fig, ax = new_figure(width=5.5, height=4.5)
        ax.plot(np.concatenate([[0], share_c]), np.concatenate([[0], share_v]), lw=2)
        ax.plot([0, 1], [0, 1], color="grey", lw=1, ls=":")
        ax.axvline(0.1, color="grey", lw=0.8, ls="--")
        ax.set_title(msg("clv.fig.concentration.title"))
        ax.set_xlabel(msg("clv.axis.customer_share"))
        ax.set_ylabel(msg("clv.axis.value_share"))
    if values.sum() > 0:
        top = 0.1
        attach_reading(fig, "concentration", top=top,
                       share=float(np.interp(top, np.concatenate([[0], share_c]), np.concatenate([[0], share_v]))))
    else:
        attach_reading(fig, "concentration")
    return fig


def recovery_figure(table: pd.DataFrame) -> Figure:
    """Estimated vs true parameters: ``table`` with ``parameter``, ``channel``, ``true``,
    ``estimate``, ``ci_low``, ``ci_high``; one panel per parameter, with the diagonal.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"parameter": ["r", "r"], "channel": ["a", "b"], "true": [1.0, 2.0],
    ...                   "estimate": [1.1, 1.9], "ci_low": [0.9, 1.5], "ci_high": [1.3, 2.4]})
    >>> len(recovery_figure(t).axes)
    1
    """
    params = list(dict.fromkeys(table["parameter"]))
    with figure_style():
        fig, axes = new_figure(len(params), width=3.2, height=3.4)
        axes = np.atleast_1d(axes)
        for ax, name in zip(axes, params):
            t = table[table["parameter"] == name]
            err = np.vstack([t["estimate"] - t["ci_low"], t["ci_high"] - t["estimate"]])
            ax.errorbar(t["true"], t["estimate"], yerr=err, fmt="o", capsize=3)
            for _, row in t.iterrows():
                ax.annotate(str(row["channel"]), (row["true"], row["estimate"]), fontsize=7,
                            xytext=(3, 3), textcoords="offset points")
            lo = min(t["true"].min(), t["ci_low"].min())
            hi = max(t["true"].max(), t["ci_high"].max())
            pad = 0.1 * max(hi - lo, abs(hi), 1e-12)  # also right for negative values (coefficients)
            lo, hi = lo - pad, hi + pad
            ax.plot([lo, hi], [lo, hi], color="grey", lw=1, ls=":")
            ax.set_title(name)
            ax.set_xlabel(msg("clv.axis.true"))
            ax.set_ylabel(msg("clv.axis.estimate"))
        fig.suptitle(msg("clv.fig.recovery.title"))
    covered = (table["ci_low"] <= table["true"]) & (table["true"] <= table["ci_high"])
    attach_reading(fig, "recovery", covered=int(covered.sum()), n=int(len(table)))
    return fig
