"""Does the model predict a period it did not see? Calibration/holdout checks.

All functions take a calibration/holdout summary as built by
:func:`analysis.summary.calibration_holdout_summary` (``frequency``, ``recency``,
``T``, ``frequency_holdout``, ``duration_holdout``) and fitted models.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.customerdata import customer_data
from analysis.errors import DataValidationError, ParameterError
from analysis.window import parse_date, unit_days

__all__ = [
    "holdout_by_frequency",
    "holdout_window",
    "error_measures",
    "compare_models",
    "parameter_table",
    "frequency_fit",
    "tracking",
    "tracking_conventions",
]

#: when the tracking table evaluates E[X]: at the last day of each period (a customer's age as the
#: summary's T counts it) or one day later, at the period's exclusive end (BTYD, lifetimes)
TRACKING_CONVENTIONS = ("period_end", "next_day")

#: time units of the tracking table (of the package's one unit table, analysis.window.UNIT_DAYS)
_TRACKING_UNITS = ("D", "W")


def _holdout_columns(summary: pd.DataFrame) -> None:
    missing = [c for c in ("frequency_holdout", "duration_holdout") if c not in summary.columns]
    if missing:
        raise DataValidationError(
            f"The summary lacks {missing}; build it with "
            "analysis.summary.calibration_holdout_summary(transactions, calibration_end, ...)."
        )


def _predicted_holdout(model, summary: pd.DataFrame) -> np.ndarray:
    _holdout_columns(summary)
    duration = summary["duration_holdout"].to_numpy(dtype=float)
    out = np.empty(len(summary))
    for d in np.unique(duration):
        rows = duration == d
        out[rows] = model.predict_purchases(float(d), summary.loc[rows]).to_numpy()
    return out


def holdout_window(summary: pd.DataFrame, calibration_end, observation_end) -> pd.DataFrame:
    """The calibration/holdout split as the page states it: dates, the real holdout length, the cohort.

    Parameters
    ----------
    summary : DataFrame
        Calibration/holdout summary (``duration_holdout`` is the holdout's real length,
        whatever default length a window setting has).
    calibration_end, observation_end : date-like
        The dates the summary was built with.

    Returns
    -------
    DataFrame
        One row ``window``: ``calibration_end`` and ``observation_end`` (ISO dates),
        ``holdout_length`` (in the summary's time unit) and ``customers`` (the cohort).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"frequency": [0], "frequency_holdout": [1], "duration_holdout": [52.0]})
    >>> holdout_window(s, "1997-06-30", "1998-06-29")["holdout_length"].item()
    52.0
    """
    _holdout_columns(summary)
    return pd.DataFrame(
        {
            "calibration_end": [parse_date(calibration_end, "calibration_end").date().isoformat()],
            "observation_end": [parse_date(observation_end, "observation_end").date().isoformat()],
            "holdout_length": [float(summary["duration_holdout"].iloc[0]) if len(summary) else float("nan")],
            "customers": [len(summary)],
        },
        index=pd.Index(["window"], name="row"),
    )


def holdout_by_frequency(model, summary: pd.DataFrame, *, max_frequency: int = 7) -> pd.DataFrame:
    """Mean predicted vs actual holdout purchases, by calibration frequency.

    Parameters
    ----------
    model : fitted BetaGeo, ModifiedBetaGeo or ParetoNBD
    summary : DataFrame
        Calibration/holdout summary.
    max_frequency : int
        Frequencies above this are pooled into one bucket labelled ``"{max}+"``.

    Returns
    -------
    DataFrame
        Indexed by ``frequency_bucket`` (str): ``customers``, ``actual`` (mean holdout
        purchases), ``predicted`` (mean conditional expectation).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeo
    >>> m = BetaGeo.from_params({"r": 0.5, "alpha": 5, "a": 0.8, "b": 2.5})
    >>> s = m.simulate(500, 30, holdout=20, seed=1).assign(duration_holdout=20.0)
    >>> holdout_by_frequency(m, s, max_frequency=2).index.tolist()
    ['0', '1', '2+']
    """
    predicted = _predicted_holdout(model, summary)
    freq = summary["frequency"].to_numpy()
    bucket = np.where(freq >= max_frequency, f"{max_frequency}+", freq.astype(int).astype(str))
    frame = pd.DataFrame({"bucket": bucket, "actual": summary["frequency_holdout"].to_numpy(float), "predicted": predicted})
    order = [str(i) for i in range(max_frequency)] + [f"{max_frequency}+"]
    out = frame.groupby("bucket").agg(customers=("actual", "size"), actual=("actual", "mean"), predicted=("predicted", "mean"))
    out = out.reindex([o for o in order if o in out.index])
    out.index.name = "frequency_bucket"
    return out


def error_measures(actual, predicted) -> pd.Series:
    """Customer-level forecast errors: MAE, RMSE, bias, correlation, aggregate error.

    Returns
    -------
    Series
        ``mae``, ``rmse``, ``bias`` (mean predicted - actual), ``correlation``
        (Pearson), ``actual_total``, ``predicted_total``, ``aggregate_error_pct``
        (100 * (predicted total - actual total) / actual total).

    Examples
    --------
    >>> error_measures([0, 2, 4], [1, 2, 3])["mae"]
    np.float64(0.6666666666666666)
    """
    a = np.asarray(actual, float)
    p = np.asarray(predicted, float)
    if a.shape != p.shape or a.size == 0:
        raise ParameterError(f"actual and predicted must have the same non-zero length; got {a.shape} and {p.shape}.")
    err = p - a
    corr = np.corrcoef(a, p)[0, 1] if a.std() > 0 and p.std() > 0 else np.nan
    total = a.sum()
    return pd.Series(
        {
            "mae": np.abs(err).mean(),
            "rmse": np.sqrt((err**2).mean()),
            "bias": err.mean(),
            "correlation": corr,
            "actual_total": total,
            "predicted_total": p.sum(),
            "aggregate_error_pct": 100 * (p.sum() - total) / total if total else np.nan,
        }
    )


def compare_models(models: Mapping[str, object], summary: pd.DataFrame) -> pd.DataFrame:
    """One table to choose a model: fit (log-likelihood, BIC) and holdout errors per model.

    Parameters
    ----------
    models : mapping name -> fitted transaction model (fitted on the calibration part of ``summary``)
    summary : DataFrame
        Calibration/holdout summary.

    Returns
    -------
    DataFrame
        One row per model: ``loglik``, ``n_params``, ``bic``, and the columns of
        :func:`error_measures`; sorted by ``rmse``.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeo
    >>> m = BetaGeo.from_params({"r": 0.5, "alpha": 5, "a": 0.8, "b": 2.5})
    >>> s = m.simulate(300, 30, holdout=20, seed=1).assign(duration_holdout=20.0)
    >>> compare_models({"bg": BetaGeo().fit(s)}, s).columns[:3].tolist()
    ['loglik', 'n_params', 'bic']
    """
    rows = {}
    for name, model in models.items():
        measures = error_measures(summary["frequency_holdout"], _predicted_holdout(model, summary))
        loglik = getattr(model, "loglik_", np.nan)
        k = len(model.params_)
        n = getattr(model, "n_obs_", len(summary))
        rows[name] = pd.concat([pd.Series({"loglik": loglik, "n_params": k, "bic": -2 * loglik + k * np.log(n)}), measures])
    out = pd.DataFrame(rows).T
    out.index.name = "model"
    return out.sort_values("rmse")


def parameter_table(models: Mapping[str, object], *, alpha: float = 0.05) -> pd.DataFrame:
    """The estimates of several fitted models in one table, with each fit's diagnostics.

    Parameters
    ----------
    models : mapping name -> fitted model (transaction or spend model)
    alpha : float
        One minus the confidence level of the intervals.

    Returns
    -------
    DataFrame
        Indexed by (``model``, ``parameter``): the columns of ``summary(alpha)``
        (``estimate``, ``std_error``, ``ci_low``, ``ci_high``, ``p_value``), the fit's
        ``loglik`` and ``converged`` (repeated on each of its rows) and ``at_boundary``
        (the estimate ran to an extreme value, see ``at_boundary_``).

    Examples
    --------
    >>> from analysis.clv import BetaGeo
    >>> m = BetaGeo.from_params({"r": 0.5, "alpha": 5, "a": 0.8, "b": 2.5})
    >>> s = m.simulate(300, 30, seed=1)
    >>> parameter_table({"BetaGeo": BetaGeo().fit(s)}).columns[-3:].tolist()
    ['loglik', 'converged', 'at_boundary']
    """
    table = pd.concat({name: m.summary(alpha=alpha) for name, m in models.items()}, names=["model", "parameter"])
    names = table.index.get_level_values("model")
    table["loglik"] = [models[name].loglik_ for name in names]
    table["converged"] = [models[name].converged_ for name in names]
    table["at_boundary"] = [p in models[name].at_boundary_ for name, p in table.index]
    return table


def frequency_fit(model, summary: pd.DataFrame, *, max_frequency: int = 7) -> pd.DataFrame:
    """Actual vs model-expected number of customers by calibration frequency.

    Expected counts are ``sum_i P(X(T_i) = x)`` over customers (each with her own age).

    Returns
    -------
    DataFrame
        Indexed by ``frequency_bucket``: ``actual``, ``expected`` (customers).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeo
    >>> m = BetaGeo.from_params({"r": 0.5, "alpha": 5, "a": 0.8, "b": 2.5})
    >>> s = m.simulate(1000, 30, seed=1)
    >>> f = frequency_fit(m, s, max_frequency=3)
    >>> int(f["actual"].sum()), round(float(f["expected"].sum()))
    (1000, 1000)
    """
    ages, counts = np.unique(summary["T"].to_numpy(float), return_counts=True)
    xs = np.arange(max_frequency)
    expected = np.zeros(max_frequency + 1)
    for age, count in zip(ages, counts):
        probs = np.atleast_1d(model.prob_purchases(xs, age))
        expected[:max_frequency] += count * probs
        expected[max_frequency] += count * max(0.0, 1.0 - probs.sum())
    freq = summary["frequency"].to_numpy()
    actual = np.array([(freq == x).sum() for x in xs] + [(freq >= max_frequency).sum()], dtype=float)
    index = pd.Index([str(x) for x in xs] + [f"{max_frequency}+"], name="frequency_bucket")
    return pd.DataFrame({"actual": actual, "expected": expected}, index=index)


def tracking(
    model,
    transactions,
    calibration_end,
    observation_end=None,
    *,
    time_unit: str = "W",
    evaluate_at: str = "period_end",
) -> pd.DataFrame:
    """Repeat transactions of the calibration cohort per period: actual vs model.

    The cohort is every customer whose first purchase falls on or before
    ``calibration_end``. Purchases on the same calendar day count once (as in
    :mod:`analysis.summary`), and a repeat transaction is any purchase day after
    the customer's first; days after ``observation_end`` are ignored.

    Parameters
    ----------
    model : fitted transaction model (in the time unit ``time_unit``)
    transactions : DataFrame or TransactionLog
        Canonical transactions (``customer_id``, ``date``), or a log kept on disk
        (:class:`analysis.customerdata.TransactionLog`): then the daily counts are computed
        in DuckDB over every row and only one row per calendar day comes back
        (:meth:`analysis.customerdata.CustomerData.cohort_counts` for both).
    calibration_end, observation_end : date-like
        End of calibration and of the holdout (default: last transaction).
    time_unit : {"W", "D"}
        Period length of the rows.
    evaluate_at : {"period_end", "next_day"}
        When the expected cumulative purchases are evaluated: at the end of the
        period's last day, with a customer's age counted as the summary counts
        ``T`` (default; at the calibration end it equals ``sum_i E[X(T_i)]``), or
        one day later, at the period's exclusive end, as R's BTYD
        (``bgnbd.ExpectedCumulativeTransactions``) and lifetimes
        (``expected_cumulative_transactions``) do. The two differ by one day of
        purchasing: on CDNOW about 0.8% of the cumulative total in weeks 20-25.

    Returns
    -------
    DataFrame
        One row per period since the cohort's first purchase: ``period_end`` (date),
        ``actual`` and ``expected`` repeat transactions in the period, their
        cumulative sums ``actual_cumulative``, ``expected_cumulative``, and
        ``holdout`` (bool, period after ``calibration_end``).

    Raises
    ------
    ParameterError
        If ``time_unit`` is not "W" or "D", or nobody bought by ``calibration_end``.
    DataValidationError
        If a log has rows with a missing id or date (see :meth:`TransactionLog.profile`).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeo
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-10"])})
    >>> m = BetaGeo.from_params({"r": 0.5, "alpha": 5, "a": 0.8, "b": 2.5})
    >>> tracking(m, tx, "2024-01-31", "2024-03-01").columns.tolist()[:3]
    ['period_end', 'actual', 'expected']
    """
    days = unit_days(time_unit, allowed=_TRACKING_UNITS)
    if evaluate_at not in TRACKING_CONVENTIONS:
        raise ParameterError(f"evaluate_at must be one of {TRACKING_CONVENTIONS}; got {evaluate_at!r}.")
    data = customer_data(transactions)
    cal_end = parse_date(calibration_end, "calibration_end", timezone=data.timezone)
    obs_end = (parse_date(observation_end, "observation_end", timezone=data.timezone) if observation_end is not None
               else data.last_day())
    daily = data.cohort_counts(cal_end, obs_end)
    return _tracking_table(model, daily, cal_end, obs_end, days, evaluate_at == "next_day")


def _tracking_table(model, daily: pd.DataFrame, cal_end: pd.Timestamp, obs_end: pd.Timestamp,
                    days: float, next_day: bool = False) -> pd.DataFrame:
    """The tracking table from the cohort's daily first and repeat purchase counts (both engines)."""
    if daily.empty or daily["n_first"].sum() == 0:
        raise ParameterError(
            f"Nobody made a first purchase on or before calibration_end {cal_end.date()} "
            f"(and observation_end {obs_end.date()}); choose a later calibration_end."
        )
    start = daily.loc[daily["n_first"] > 0, "day"].min()
    unit = pd.Timedelta(days=days)
    n_periods = int(np.ceil((obs_end - start + pd.Timedelta(days=1)) / unit))
    edges = start + pd.to_timedelta(np.arange(1, n_periods + 1) * days, unit="D")  # exclusive ends
    period = ((daily["day"] - start) // unit).astype(int).to_numpy()
    actual = np.bincount(period, weights=daily["n_repeat"].to_numpy(float), minlength=n_periods)[:n_periods]
    born = daily[daily["n_first"] > 0]
    births = ((born["day"] - start) / pd.Timedelta(days=1)).to_numpy(float)
    n_born = born["n_first"].to_numpy(float)
    # Expected cumulative repeat purchases by the end of each period (ages in model units).
    ends = ((edges - pd.Timedelta(days=1) - start) / pd.Timedelta(days=1)).to_numpy(float) + 1.0
    ages = np.clip((ends[:, None] - births[None, :] - (0.0 if next_day else 1.0)) / days, 0, None)
    cum_expected = (model.expected_purchases(ages) * n_born[None, :]).sum(axis=1)
    expected = np.diff(np.concatenate([[0.0], cum_expected]))
    period_end = (edges - pd.Timedelta(days=1)).as_unit("ns")  # the same resolution whatever the input's
    return pd.DataFrame(
        {
            "period_end": period_end,
            "actual": actual,
            "expected": expected,
            "actual_cumulative": actual.cumsum(),
            "expected_cumulative": cum_expected,
            "holdout": period_end > cal_end,
        }
    )


def tracking_conventions(track: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Expected cumulative purchases under the two conventions of :func:`tracking`, side by side.

    Parameters
    ----------
    track : DataFrame
        :func:`tracking` with ``evaluate_at="period_end"``.
    reference : DataFrame
        The same with ``evaluate_at="next_day"`` (the reference tools' convention).

    Returns
    -------
    DataFrame
        Indexed by ``point`` (``"calibration_end"``: the last calibration period;
        ``"observation_end"``: the last period): ``period_end`` (ISO date), ``actual_cumulative``,
        ``expected_cumulative`` (this package), ``expected_cumulative_next_day``
        (BTYD, lifetimes), ``difference_pct`` (100 * (next day - period end) / period end).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeo
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-10"])})
    >>> m = BetaGeo.from_params({"r": 0.5, "alpha": 5, "a": 0.8, "b": 2.5})
    >>> t, r = (tracking(m, tx, "2024-01-31", "2024-03-01", evaluate_at=e) for e in TRACKING_CONVENTIONS)
    >>> bool((tracking_conventions(t, r)["difference_pct"] > 0).all())
    True
    """
    rows = {"calibration_end": int(np.flatnonzero(~track["holdout"].to_numpy())[-1]), "observation_end": len(track) - 1}
    out = pd.DataFrame(
        {
            "period_end": [track["period_end"].iloc[i].date().isoformat() for i in rows.values()],
            "actual_cumulative": [track["actual_cumulative"].iloc[i] for i in rows.values()],
            "expected_cumulative": [track["expected_cumulative"].iloc[i] for i in rows.values()],
            "expected_cumulative_next_day": [reference["expected_cumulative"].iloc[i] for i in rows.values()],
        },
        index=pd.Index(list(rows), name="point"),
    )
    out["difference_pct"] = 100 * (out["expected_cumulative_next_day"] / out["expected_cumulative"] - 1)
    return out
