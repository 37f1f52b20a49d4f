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

__all__ = ["KPIS", "KPI_UNITS", "VERDICTS", "kpi_verdict", "survey_scale", "satisfaction_index", "kpi_trend",
           "cross_sell_series", "churn_from_retention", "latest_kpi", "kpi_inputs", "scorecard"]

#: KPI name -> the direction that is good
KPIS = {
    "retention_rate": "higher", "churn_rate": "lower", "satisfaction_index": "higher", "complaint_rate": "lower",
    "complaints_per_customer": "lower", "value_added_sales": "higher", "cross_sell_rate": "higher",
    "referral_rate": "higher",
}
#: KPI name -> how its numbers read: ``share`` (0-1), ``index`` (0-100), ``rate`` (per 1,000 orders), ``money``
KPI_UNITS = {
    "retention_rate": "share", "churn_rate": "share", "satisfaction_index": "index", "complaint_rate": "rate",
    "complaints_per_customer": "share", "value_added_sales": "money", "cross_sell_rate": "share",
    "referral_rate": "share",
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


def survey_scale(settings: Mapping | None, column: str) -> tuple[float, float] | None:
    """The rating scale of survey *column* as a study's notebook-03 settings give it: its
    ``pls_outcome_scale`` entry, else the study's ``scale``; None when the study sets neither.

    Examples
    --------
    >>> survey_scale({"scale": [1, 5], "pls_outcome_scale": {"recommend": [0, 10]}}, "recommend")
    (0.0, 10.0)
    >>> survey_scale({"scale": [1, 5]}, "overall_satisfaction"), survey_scale({}, "overall_satisfaction")
    ((1.0, 5.0), None)
    """
    settings = settings or {}
    scale = (settings.get("pls_outcome_scale") or {}).get(column) or settings.get("scale")
    return None if not scale else (float(scale[0]), float(scale[1]))


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
def cross_sell_series(transactions: pd.DataFrame, *, period: str = "quarter", category: str = "category",
                      observation_end: pd.Timestamp | None = None, alpha: float = 0.05) -> pd.DataFrame:
    """The cross-sell rate at the end of each period: share of customers so far with two or more categories.

    Returns
    -------
    DataFrame
        Indexed by ``period`` (text): ``customers`` (with a categorised purchase so far),
        ``cross_buyers``, ``estimate`` (their share), ``ci_low``, ``ci_high`` (Wilson), ``full``.

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
    out["ci_low"], out["ci_high"] = wilson_interval(out["cross_buyers"].to_numpy(float), out["customers"].to_numpy(float),
                                                    alpha)
    latest = period_bounds(period, end)
    out["full"] = [p <= latest for p in out.index]
    out.index = out.index.astype(str).rename("period")
    return out


def latest_kpi(series: pd.DataFrame | None, kpi: str, *, estimate: str = "estimate", ci_low: str = "ci_low",
               ci_high: str = "ci_high") -> pd.DataFrame | None:
    """The latest wholly observed period (``full``) of a per-period table as a one-row KPI table.

    Returns
    -------
    DataFrame or None
        One row (index *kpi*): ``estimate``, ``ci_low``, ``ci_high`` (renamed from the given columns)
        and ``period``; None without a series or a full period.

    Examples
    --------
    >>> s = pd.DataFrame({"rate": [30.0, 33.0], "low": [20.2, 25.0], "high": [42.8, 41.0], "full": [True, False]},
    ...                  index=pd.Index(["2024Q1", "2024Q2"], name="period"))
    >>> latest_kpi(s, "complaint_rate", estimate="rate", ci_low="low", ci_high="high").values.tolist()
    [[30.0, 20.2, 42.8, '2024Q1']]
    """
    if series is None or series.empty:
        return None
    full = series[series["full"].astype(bool)] if "full" in series.columns else series
    if full.empty:
        return None
    row = full.iloc[-1]
    return pd.DataFrame({"estimate": [float(row[estimate])], "ci_low": [float(row[ci_low])],
                         "ci_high": [float(row[ci_high])], "period": [str(full.index[-1])]},
                        index=pd.Index([kpi], name="kpi"))


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
    if "period" in row.columns:
        out["period"] = row["period"].to_numpy()
    return out


def _series(table: pd.DataFrame | None, estimate: str, low: str, high: str, *, flip: bool = False) -> pd.DataFrame | None:
    """A per-period table in the scorecard's shape: ``estimate``, ``ci_low``, ``ci_high``, ``full``."""
    if table is None or table.empty or estimate not in table.columns:
        return None
    out = pd.DataFrame({"estimate": table[estimate], "ci_low": table[low], "ci_high": table[high]}, index=table.index)
    if flip:
        out = pd.DataFrame({"estimate": 1 - out["estimate"], "ci_low": 1 - out["ci_high"],
                            "ci_high": 1 - out["ci_low"]}, index=out.index)
    out["full"] = table["full"].astype(bool) if "full" in table.columns else True
    out.index = out.index.astype(str).rename("period")
    return out


def kpi_inputs(*, retention: pd.DataFrame | None = None, rates: pd.DataFrame | None = None,
               complaint: pd.DataFrame | None = None, complaint_periods: pd.DataFrame | None = None,
               satisfaction: pd.DataFrame | None = None, value_added: pd.DataFrame | None = None,
               cross_sell: pd.DataFrame | None = None, referrals: pd.DataFrame | None = None,
               cross_sell_overall: pd.DataFrame | None = None,
               ) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """Each KPI's latest value and its per-period series from the tables the notebook's sections made.

    Parameters
    ----------
    retention : one-row DataFrame, optional
        The retention KPI (notebook 05's ``retention_kpi``); the churn rate is one minus it.
    rates : DataFrame, optional
        Period retention indexed by (``group``, ``period``) with ``estimate``, ``ci_low``, ``ci_high``
        (notebook 05's ``rates``); the ``all`` group gives the retention and churn series.
    complaint : one-row DataFrame, optional
        The complaint KPI (``complaint_kpi``), indexed by its KPI name; it is preferred over the
        latest period of *complaint_periods* for that KPI.
    complaint_periods : DataFrame, optional
        Complaint rates by period (:func:`analysis.retention.complaint_rates` with ``by=period``):
        ``per_1000_orders``/``per_1000_low``/``per_1000_high``, ``share_complained``/``share_low``/``share_high``
        and ``full``.
    satisfaction : one-row DataFrame, optional
        :func:`satisfaction_index` (no dates: no series).
    value_added, cross_sell, referrals : DataFrame, optional
        :func:`~analysis.retention.value_added_sales`, :func:`cross_sell_series`,
        :func:`~analysis.retention.referral_rates` (per period with ``estimate``, ``ci_low``, ``ci_high``, ``full``).
    cross_sell_overall : one-row DataFrame, optional
        :func:`~analysis.retention.cross_sell_rate` over all the data: the cross-sell KPI when there is
        no per-period series (purchases without dates).

    Returns
    -------
    (values, series) : tuple of dict
        ``values``: {kpi: one-row DataFrame with ``estimate``, ``ci_low``, ``ci_high``}; ``series``:
        {kpi: per-period DataFrame with ``estimate``, ``ci_low``, ``ci_high``, ``full``}. A KPI without
        data is absent.

    Examples
    --------
    >>> r = pd.DataFrame({"estimate": [0.8], "ci_low": [0.7], "ci_high": [0.9]}, index=["retention_rate"])
    >>> values, series = kpi_inputs(retention=r)
    >>> sorted(values), series
    (['churn_rate', 'retention_rate'], {})
    """
    overall = (rates.xs("all", level="group") if rates is not None and "group" in rates.index.names
               and "all" in rates.index.get_level_values("group") else None)
    series = {
        "retention_rate": _series(overall, "estimate", "ci_low", "ci_high"),
        "churn_rate": _series(overall, "estimate", "ci_low", "ci_high", flip=True),
        "complaint_rate": _series(complaint_periods, "per_1000_orders", "per_1000_low", "per_1000_high"),
        "complaints_per_customer": _series(complaint_periods, "share_complained", "share_low", "share_high"),
        "value_added_sales": _series(value_added, "estimate", "ci_low", "ci_high"),
        "cross_sell_rate": _series(cross_sell, "estimate", "ci_low", "ci_high"),
        "referral_rate": _series(referrals, "estimate", "ci_low", "ci_high"),
    }
    series = {k: v for k, v in series.items() if v is not None}
    values = {k: latest_kpi(v, k) for k, v in series.items()}
    if retention is not None:
        values["retention_rate"], values["churn_rate"] = retention.iloc[[0]], churn_from_retention(retention)
    if complaint is not None and str(complaint.index[0]) in KPIS:
        values[str(complaint.index[0])] = complaint.iloc[[0]]
    if satisfaction is not None:
        values["satisfaction_index"] = satisfaction.iloc[[0]]
    if cross_sell_overall is not None and "cross_sell_rate" not in values:
        values["cross_sell_rate"] = cross_sell_overall.iloc[[0]]
    return {k: v for k, v in values.items() if v is not None}, series


@validate_params({"alpha": _ALPHA})
def scorecard(values: Mapping[str, pd.DataFrame | None], targets: Mapping[str, float] | None = None,
              series: Mapping[str, pd.DataFrame] | None = None, *, alpha: float = 0.05) -> pd.DataFrame:
    """One row per KPI of :data:`KPIS`: estimate, interval, target, verdict and trend.

    Parameters
    ----------
    values : mapping
        ``{kpi: one-row DataFrame with estimate, ci_low, ci_high}`` (None or absent: no data).
    targets : mapping, optional
        ``{kpi: target}`` (the study's ``targets``); a name outside :data:`KPIS` is refused.
    series : mapping, optional
        ``{kpi: per-period DataFrame with estimate (and full)}``: the trend is the slope of
        :func:`kpi_trend` over its wholly observed periods.
    alpha : float
        One minus the confidence level of the trends' intervals.

    Returns
    -------
    DataFrame
        Indexed by ``kpi`` in :data:`KPIS` order: ``direction``, ``estimate``, ``ci_low``, ``ci_high``,
        ``period`` (of the estimate, when known), ``target``, ``verdict`` (one of :data:`VERDICTS`),
        ``trend`` (slope per period), ``trend_low``, ``trend_high``, ``trend_p``, ``n_periods`` and
        ``trend_note`` (``""``; ``"no dates"`` for a KPI without a series; ``"too few periods"`` for
        fewer than three full periods; ``"no data"``).

    Examples
    --------
    >>> one = pd.DataFrame({"estimate": [0.82], "ci_low": [0.80], "ci_high": [0.84]})
    >>> scorecard({"retention_rate": one}, {"retention_rate": 0.75}).loc["retention_rate", ["verdict", "trend_note"]].tolist()
    ['met', 'no dates']
    """
    if targets is not None and not isinstance(targets, Mapping):
        raise ParameterError(f"targets must be a mapping of KPI name to target value, such as "
                             f"{{retention_rate: 0.6}}; got {targets!r}")
    targets = dict(targets or {})
    unknown = sorted(set(targets) - set(KPIS))
    if unknown:
        raise ParameterError(f"targets names unknown KPI(s) {unknown}; use the names {list(KPIS)}")
    bad = {k: v for k, v in targets.items()
           if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float)) or not np.isfinite(v))}
    if bad:
        raise ParameterError(f"targets must be numbers (a share as 0.6, a rate per 1,000 orders as 25, an "
                             f"index as 70); got {bad}")
    rows = []
    for kpi, direction in KPIS.items():
        row = values.get(kpi)
        est, low, high = ((float(row["estimate"].iloc[0]), float(row["ci_low"].iloc[0]), float(row["ci_high"].iloc[0]))
                          if row is not None and len(row) else (np.nan, np.nan, np.nan))
        period = str(row["period"].iloc[0]) if row is not None and "period" in row.columns else ""
        target = targets.get(kpi)
        target = float(target) if target is not None else np.nan
        s = (series or {}).get(kpi)
        t = kpi_trend(s, alpha=alpha).iloc[0]
        note = ("no data" if not np.isfinite(est) else "no dates" if s is None
                else "too few periods" if t["n_periods"] < 3 else "")
        rows.append({"kpi": kpi, "direction": direction, "estimate": est, "ci_low": low, "ci_high": high,
                     "period": period, "target": target, "verdict": kpi_verdict(low, high, target, direction),
                     "trend": t["estimate"], "trend_low": t["ci_low"], "trend_high": t["ci_high"],
                     "trend_p": t["p_value"], "n_periods": int(t["n_periods"]), "trend_note": note})
    return pd.DataFrame(rows).set_index("kpi")
