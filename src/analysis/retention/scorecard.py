"""The KPI scorecard: each key indicator's latest value with its interval, its trend, and its target.

The indicators (:data:`KPIS`) and which way is good:

=========================  =========================================================  ==========
KPI                        what it measures                                           better
=========================  =========================================================  ==========
retention_rate             share of customers kept over the latest full period        higher
churn_rate                 one minus the retention rate                               lower
satisfaction_index         overall satisfaction rescaled to 0-100                     higher
complaint_rate             complaints per 1,000 orders                                lower
complaints_per_customer    share of customers who complained                          lower
value_added_sales          sales of value-added services in the latest full period    higher
cross_sell_rate            share of customers buying at least two categories          higher
referral_rate              share of the latest full period's new customers referred   higher
=========================  =========================================================  ==========

A verdict respects the interval (:func:`kpi_verdict`): *met* when the whole interval
is on the good side of the target, *not met* when the whole interval is on the bad
side, *cannot tell* when the interval holds the target. A KPI without a target is
*no target*; one the study has no data for is *no data*.

Examples
--------
>>> kpi_verdict(0.81, 0.84, 0.80, "higher"), kpi_verdict(0.78, 0.83, 0.80, "higher")
('met', 'cannot tell')
>>> kpi_verdict(2.0, 3.1, 2.5, "lower"), kpi_verdict(3.0, 3.1, 2.5, "lower")
('cannot tell', 'not met')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import stats

from analysis.channels import wilson_interval
from analysis.checks import Interval, Options, validate_params
from analysis.errors import ParameterError
from analysis.results import estimate_table
from analysis.retention.cohorts import PERIODS, period_bounds
from analysis.retention.crosssell import period_labels, require_columns

__all__ = ["KPIS", "VERDICTS", "kpi_verdict", "satisfaction_index", "kpi_trend", "complaint_series",
           "cross_sell_series", "churn_from_retention", "latest_kpi", "scorecard"]

#: KPI name -> the direction that is good
KPIS = {
    "retention_rate": "higher", "churn_rate": "lower", "satisfaction_index": "higher", "complaint_rate": "lower",
    "complaints_per_customer": "lower", "value_added_sales": "higher", "cross_sell_rate": "higher",
    "referral_rate": "higher",
}
#: every verdict a scorecard row may carry
VERDICTS = ("met", "not met", "cannot tell", "no target", "no data")
_ALPHA = [Interval(float, 0.0, 0.5, closed="neither")]


def kpi_verdict(ci_low: float, ci_high: float, target: float | None, direction: str) -> str:
    """``met``, ``not met`` or ``cannot tell`` from the interval and the target; ``no target`` / ``no data``.

    A bound exactly on the target counts as on the good side (a target is a threshold to reach).

    Examples
    --------
    >>> kpi_verdict(np.nan, np.nan, 0.5, "higher"), kpi_verdict(0.1, 0.2, None, "lower")
    ('no data', 'no target')
    """
    if direction not in ("higher", "lower"):
        raise ParameterError(f"direction must be 'higher' or 'lower'; got {direction!r}")
    if ci_low is None or ci_high is None or not (np.isfinite(ci_low) and np.isfinite(ci_high)):
        return "no data"
    if target is None or not np.isfinite(target):
        return "no target"
    good_low, good_high = (ci_low >= target, ci_high >= target) if direction == "higher" else (
        ci_high <= target, ci_low <= target)
    return "met" if good_low else "not met" if not good_high else "cannot tell"


@validate_params({"alpha": _ALPHA})
def satisfaction_index(survey: pd.DataFrame, *, column: str = "overall_satisfaction",
                       scale: Sequence[float] | None = None, alpha: float = 0.05) -> pd.DataFrame:
    """Overall satisfaction rescaled to 0-100, ``100 (x - low) / (high - low)``, with a Student-t interval.

    Parameters
    ----------
    survey : DataFrame
        One row per respondent with the rating *column*.
    column : str
    scale : (low, high), optional
        The rating scale; None takes the lowest and highest answer given (the index then depends
        on the answers, so give the scale when it is known).
    alpha : float

    Returns
    -------
    DataFrame
        One row (index ``satisfaction_index``): ``estimate``, ``std_error``, ``ci_low``, ``ci_high``,
        ``p_value`` (NaN), ``respondents``, ``scale_low``, ``scale_high``, ``scale_given``.

    Examples
    --------
    >>> satisfaction_index(pd.DataFrame({"overall_satisfaction": [1, 4, 7, 7]}), scale=(1, 7))[["estimate", "respondents"]].to_dict("records")
    [{'estimate': 62.5, 'respondents': 4}]
    """
    require_columns(survey, [column], "survey", "satisfaction_column")
    x = pd.to_numeric(survey[column], errors="coerce").dropna().to_numpy(float)
    if len(x) < 2:
        raise ParameterError(f"the survey column {column!r} has fewer than two numeric answers; set "
                             f"satisfaction_column to the overall satisfaction rating")
    low, high = (float(x.min()), float(x.max())) if scale is None else (float(scale[0]), float(scale[1]))
    if not high > low or x.min() < low or x.max() > high:
        raise ParameterError(f"satisfaction_scale {[low, high]} does not hold the answers of {column!r} "
                             f"({x.min():g} to {x.max():g}); give [lowest, highest] of the rating scale")
    score = 100 * (x - low) / (high - low)
    out = estimate_table(["satisfaction_index"], [score.mean()], [score.std(ddof=1) / np.sqrt(len(score))],
                         alpha=alpha, df=len(score) - 1, index_name="kpi")
    out["p_value"] = np.nan
    return out.assign(respondents=len(score), scale_low=low, scale_high=high, scale_given=scale is not None)


@validate_params({"alpha": _ALPHA})
def kpi_trend(series: pd.DataFrame | None, *, value: str = "estimate", alpha: float = 0.05,
              full_only: bool = True) -> pd.DataFrame:
    """Least-squares slope of a KPI per period (change per period), with its Student-t interval.

    Parameters
    ----------
    series : DataFrame or None
        One row per period, in time order, with *value* (and ``full``: only wholly observed
        periods are used when *full_only*).
    value : str
    alpha : float
    full_only : bool

    Returns
    -------
    DataFrame
        One row (index ``slope``): ``estimate`` (change per period), ``std_error``, ``ci_low``, ``ci_high``,
        ``p_value`` (slope = 0), ``n_periods``. With fewer than three periods (or no series) every
        statistic is NaN.

    Examples
    --------
    >>> s = pd.DataFrame({"estimate": [1.0, 2.0, 3.1, 3.9]})
    >>> kpi_trend(s)[["estimate", "n_periods"]].round(2).values.tolist()
    [[0.98, 4.0]]
    """
    y = np.array([], dtype=float)
    if series is not None and value in series.columns:
        use = series[series["full"].astype(bool)] if full_only and "full" in series.columns else series
        y = pd.to_numeric(use[value], errors="coerce").to_numpy(float)
        y = y[np.isfinite(y)]
    if len(y) < 3:
        out = estimate_table(["slope"], [np.nan], [np.nan], alpha=alpha, index_name="term")
        return out.assign(n_periods=len(y))
    fit = stats.linregress(np.arange(len(y), dtype=float), y)
    out = estimate_table(["slope"], [fit.slope], [fit.stderr], alpha=alpha, df=len(y) - 2, index_name="term")
    return out.assign(n_periods=len(y))


@validate_params({"period": [Options(set(PERIODS))]})
def complaint_series(complaints: pd.DataFrame, transactions: pd.DataFrame, *, period: str = "quarter",
                     observation_end: pd.Timestamp | None = None) -> pd.DataFrame:
    """Complaints per 1,000 orders and the share of buying customers who complained, per period.

    Returns
    -------
    DataFrame
        Indexed by ``period`` (text): ``orders``, ``complaints``, ``complaint_rate`` (per 1,000 orders),
        ``customers`` (buying), ``complainers``, ``complaints_per_customer`` (share), ``full``.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("aab"), "date": pd.to_datetime(["2024-01-02", "2024-01-09", "2024-02-01"])})
    >>> co = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-09"])})
    >>> complaint_series(co, tx, period="month")[["orders", "complaints", "complaint_rate"]]
             orders  complaints  complaint_rate
    period
    2024-01       2           1           500.0
    2024-02       1           0             0.0
    """
    require_columns(complaints, ["customer_id", "date"], "complaints", "complaints")
    end = transactions["date"].max().normalize() if observation_end is None else observation_end
    tx = transactions[transactions["date"] < end + pd.Timedelta(days=1)]
    co = complaints[complaints["date"] < end + pd.Timedelta(days=1)]
    tp, cp = period_labels(tx["date"], period), period_labels(co["date"], period)
    out = pd.DataFrame({"orders": tx.groupby(tp).size(), "customers": tx.groupby(tp)["customer_id"].nunique()})
    out["complaints"] = co.groupby(cp).size().reindex(out.index, fill_value=0)
    out["complainers"] = co.groupby(cp)["customer_id"].nunique().reindex(out.index, fill_value=0)
    out = out.fillna(0).astype(int)
    out["complaint_rate"] = 1000 * out["complaints"] / out["orders"]
    out["complaints_per_customer"] = out["complainers"] / out["customers"]
    latest = period_bounds(period, end)
    out["full"] = [p <= latest for p in out.index]
    out.index = out.index.astype(str).rename("period")
    return out[["orders", "complaints", "complaint_rate", "customers", "complainers", "complaints_per_customer", "full"]]


@validate_params({"period": [Options(set(PERIODS))]})
def cross_sell_series(transactions: pd.DataFrame, *, period: str = "quarter", category: str = "category",
                      observation_end: pd.Timestamp | None = None) -> pd.DataFrame:
    """The cross-sell rate at the end of each period: share of customers so far with two or more categories.

    Returns
    -------
    DataFrame
        Indexed by ``period`` (text): ``customers`` (with a categorised purchase so far),
        ``cross_buyers``, ``estimate`` (their share), ``full``.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("aab"), "category": list("xyx"),
    ...                    "date": pd.to_datetime(["2024-01-02", "2024-02-09", "2024-01-05"])})
    >>> cross_sell_series(tx, period="month")["estimate"].tolist()
    [0.0, 0.5]
    """
    require_columns(transactions, ["customer_id", "date", category], "transactions", "category")
    end = transactions["date"].max().normalize() if observation_end is None else observation_end
    tx = transactions[transactions[category].notna() & (transactions["date"] < end + pd.Timedelta(days=1))]
    # the period in which each (customer, category) first appears; counts accumulate over periods
    first = tx.assign(period=period_labels(tx["date"], period)).groupby(["customer_id", category])["period"].min()
    periods = pd.period_range(first.min(), first.max(), freq=PERIODS[period])
    rows = []
    for p in periods:
        counts = first[first <= p].groupby(level="customer_id").size()
        rows.append({"customers": len(counts), "cross_buyers": int((counts >= 2).sum())})
    out = pd.DataFrame(rows, index=periods)
    out["estimate"] = out["cross_buyers"] / out["customers"]
    latest = period_bounds(period, end)
    out["full"] = [p <= latest for p in out.index]
    out.index = out.index.astype(str).rename("period")
    return out


@validate_params({"alpha": _ALPHA, "kpi": [Options({"complaint_rate", "complaints_per_customer", "cross_sell_rate"})]})
def latest_kpi(series: pd.DataFrame, kpi: str, *, alpha: float = 0.05) -> pd.DataFrame | None:
    """The latest wholly observed period of a :func:`complaint_series` or :func:`cross_sell_series` as a KPI row.

    ``complaint_rate`` (per 1,000 orders) has the exact Poisson (Garwood) interval of the
    complaint count; ``complaints_per_customer`` and ``cross_sell_rate`` the Wilson interval of
    their share. None when no period is wholly observed.

    Returns
    -------
    DataFrame or None
        One row (index *kpi*): ``estimate``, ``std_error``, ``ci_low``, ``ci_high``, ``p_value`` (NaN),
        ``period``, ``events``, ``n``.

    Examples
    --------
    >>> s = pd.DataFrame({"orders": [1000], "complaints": [30], "complaint_rate": [30.0], "full": [True]},
    ...                  index=pd.Index(["2024Q1"], name="period"))
    >>> latest_kpi(s, "complaint_rate")[["estimate", "ci_low", "ci_high"]].round(2).values.tolist()
    [[30.0, 20.24, 42.83]]
    """
    full = series[series["full"].astype(bool)]
    if full.empty:
        return None
    row, period = full.iloc[-1], str(full.index[-1])
    if kpi == "complaint_rate":
        x, n = float(row["complaints"]), float(row["orders"])
        low = stats.chi2.ppf(alpha / 2, 2 * x) / 2 if x > 0 else 0.0
        high = stats.chi2.ppf(1 - alpha / 2, 2 * x + 2) / 2
        est, se, low, high = 1000 * x / n, 1000 * np.sqrt(x) / n, 1000 * low / n, 1000 * high / n
    else:
        x, n = ((float(row["complainers"]), float(row["customers"])) if kpi == "complaints_per_customer"
                else (float(row["cross_buyers"]), float(row["customers"])))
        est, (low, high) = x / n, (float(b) for b in wilson_interval(x, n, alpha))
        se = np.sqrt(est * (1 - est) / n)
    out = estimate_table([kpi], [est], [se], alpha=alpha, ci_low=[low], ci_high=[high], index_name="kpi")
    out["p_value"] = np.nan
    return out.assign(period=period, events=int(x), n=int(n))


def churn_from_retention(retention: pd.DataFrame) -> pd.DataFrame:
    """The churn rate as one minus a one-row retention table (the interval flips).

    Examples
    --------
    >>> r = pd.DataFrame({"estimate": [0.8], "ci_low": [0.75], "ci_high": [0.85]})
    >>> churn_from_retention(r)[["estimate", "ci_low", "ci_high"]].round(2).values.tolist()
    [[0.2, 0.15, 0.25]]
    """
    row = retention.iloc[[0]]
    out = pd.DataFrame({"estimate": 1 - row["estimate"].to_numpy(float),
                        "ci_low": 1 - row["ci_high"].to_numpy(float), "ci_high": 1 - row["ci_low"].to_numpy(float)},
                       index=pd.Index(["churn_rate"], name="kpi"))
    return out


def scorecard(values: Mapping[str, pd.DataFrame | None], targets: Mapping[str, float] | None = None,
              trends: Mapping[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """One row per KPI of :data:`KPIS`: estimate, interval, target, verdict and trend.

    Parameters
    ----------
    values : mapping
        ``{kpi: one-row DataFrame with estimate, ci_low, ci_high}`` (None or absent: no data).
    targets : mapping, optional
        ``{kpi: target}`` (the study's ``targets``); a name outside :data:`KPIS` is refused.
    trends : mapping, optional
        ``{kpi: one-row table of}`` :func:`kpi_trend`.

    Returns
    -------
    DataFrame
        Indexed by ``kpi`` in :data:`KPIS` order: ``direction``, ``estimate``, ``ci_low``, ``ci_high``,
        ``target``, ``verdict`` (one of :data:`VERDICTS`), ``trend`` (slope per period), ``trend_low``,
        ``trend_high``, ``trend_p``, ``n_periods``.

    Examples
    --------
    >>> one = pd.DataFrame({"estimate": [0.82], "ci_low": [0.80], "ci_high": [0.84]})
    >>> scorecard({"retention_rate": one}, {"retention_rate": 0.75}).loc["retention_rate", "verdict"]
    'met'
    """
    targets = dict(targets or {})
    unknown = sorted(set(targets) - set(KPIS))
    if unknown:
        raise ParameterError(f"targets names unknown KPI(s) {unknown}; use the names {list(KPIS)}")
    rows = []
    for kpi, direction in KPIS.items():
        row = values.get(kpi)
        est, low, high = ((float(row["estimate"].iloc[0]), float(row["ci_low"].iloc[0]), float(row["ci_high"].iloc[0]))
                          if row is not None and len(row) else (np.nan, np.nan, np.nan))
        target = targets.get(kpi)
        target = float(target) if target is not None else np.nan
        trend = (trends or {}).get(kpi)
        t = trend.iloc[0] if trend is not None else {}
        rows.append({"kpi": kpi, "direction": direction, "estimate": est, "ci_low": low, "ci_high": high,
                     "target": target, "verdict": kpi_verdict(low, high, target, direction),
                     "trend": t.get("estimate", np.nan), "trend_low": t.get("ci_low", np.nan),
                     "trend_high": t.get("ci_high", np.nan), "trend_p": t.get("p_value", np.nan),
                     "n_periods": t.get("n_periods", 0)})
    return pd.DataFrame(rows).set_index("kpi")
