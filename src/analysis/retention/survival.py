"""Survival of customers: Kaplan-Meier curves, the median lifetime, and the sBG forecast of a programme.

*Non-contractual setting* (nobody cancels, customers just stop buying): a customer's lifetime is
the time from her first to her last purchase. She counts as *churned* when her last purchase lies
more than ``churn_days`` before the observation end; otherwise her lifetime is *censored* at the
observation end minus ``churn_days``, the last moment by which a churn could have been seen. The
censoring time then depends only on when she was acquired, not on how she buys, as Kaplan-Meier
requires; customers acquired less than ``churn_days`` before the end cannot be judged and are left
out (:func:`customer_lifetimes`).

:func:`kaplan_meier` estimates the survivor curve with Greenwood's variance and log-log
("exponential Greenwood") intervals, the default of R's ``survival`` for this purpose since they
stay inside [0, 1]; :func:`median_lifetime` reads the median and its interval where the curve and
its bands cross one half (Brookmeyer and Crowley, as R's ``print.survfit``); :func:`logrank_test`
compares groups (statsmodels' ``survdiff``).

*Contractual setting* (a programme membership with a start and an end): time in the programme in
whole periods (:func:`membership_lifetimes`); the shifted-beta-geometric model
(:class:`analysis.clv.ShiftedBetaGeometric`) is fitted on the first ``fit_periods`` periods of
every member who could be observed that long and its forecast is set against the observed curve
(:func:`sbg_forecast`).

Checked against hand computations with ties and censoring (1e-10), statsmodels'
``SurvfuncRight`` and a simulated sBG with known parameters (tests/retention/test_survival.py).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.duration.survfunc import survdiff

from analysis.checks import Interval, Options, check_alpha, check_params
from analysis.clv import ShiftedBetaGeometric
from analysis.errors import DataValidationError, ParameterError
from analysis.window import parse_date

__all__ = ["PERIOD_DAYS", "customer_lifetimes", "lifetime_summary", "kaplan_meier", "kaplan_meier_by_group",
           "median_lifetime", "median_by_group", "lifetime_groups", "logrank_test", "membership_lifetimes", "sbg_forecast"]

#: most groups whose survival curves one figure compares
MAX_GROUPS = 12
#: mean length of a period in days (for memberships measured in whole periods)
PERIOD_DAYS = {"month": 365.25 / 12, "quarter": 365.25 / 4}


def customer_lifetimes(transactions: pd.DataFrame, *, observation_end, churn_days: int) -> pd.DataFrame:
    """Each customer's lifetime in days and whether she churned, from a purchase log.

    Parameters
    ----------
    transactions : DataFrame
        Canonical transactions (``customer_id``, ``date``).
    observation_end : date-like
        Last day of data used.
    churn_days : int
        Days without a purchase after which a customer counts as churned (default in the notebook:
        the study's lifecycle ``lost_days``).

    Returns
    -------
    DataFrame
        Indexed by ``customer_id``, customers acquired at least ``churn_days`` before the end:
        ``first_purchase``, ``last_purchase``, ``churned`` (bool) and ``duration_days`` (first to
        last purchase if churned; else first purchase to ``observation_end - churn_days``).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-10", "2024-06-20"])})
    >>> lt = customer_lifetimes(tx, observation_end="2024-06-30", churn_days=90)  # c: acquired too late to judge
    >>> lt.index.tolist(), lt["churned"].tolist(), lt["duration_days"].tolist()
    (['a', 'b'], [True, True], [31, 0])
    >>> customer_lifetimes(tx, observation_end="2024-06-30", churn_days=150)["churned"].tolist()
    [False, True]
    """
    check_params({"churn_days": [Interval(int, 1, None, closed="left")]}, {"churn_days": churn_days},
                 "customer_lifetimes")
    end = parse_date(observation_end, "observation_end")
    days = transactions.loc[transactions["date"] < end + pd.Timedelta(days=1), ["customer_id", "date"]]
    spans = days.assign(date=days["date"].dt.normalize()).groupby("customer_id")["date"].agg(["min", "max"])
    spans.columns = ["first_purchase", "last_purchase"]
    horizon = end - pd.Timedelta(days=churn_days)  # the last day by which a churn can be seen
    spans = spans[spans["first_purchase"] <= horizon]
    churned = spans["last_purchase"] < horizon
    stop = spans["last_purchase"].where(churned, horizon)
    return spans.assign(churned=churned, duration_days=(stop - spans["first_purchase"]).dt.days)


def lifetime_summary(lifetimes: pd.DataFrame, n_customers: int) -> pd.DataFrame:
    """How many customers the lifetimes judge, how many churned, and the censored share.

    Returns
    -------
    DataFrame
        One row (index ``all``): ``customers`` (all with a purchase), ``judged`` (acquired early
        enough), ``excluded``, ``churned``, ``censored``, ``censored_share`` (of judged) and
        ``never_returned_share`` (churned without a purchase after the first day, of judged: the
        Kaplan-Meier curve's drop at time 0).

    Examples
    --------
    >>> lt = pd.DataFrame({"churned": [True, False, True], "duration_days": [0, 5, 9]})
    >>> lifetime_summary(lt, 5)["censored_share"].round(3).tolist()
    [0.333]
    """
    judged, churned = len(lifetimes), int(lifetimes["churned"].sum())
    once = int((lifetimes["churned"] & (lifetimes["duration_days"] == 0)).sum())
    return pd.DataFrame({"customers": [int(n_customers)], "judged": [judged], "excluded": [int(n_customers) - judged],
                         "churned": [churned], "censored": [judged - churned],
                         "censored_share": [(judged - churned) / judged if judged else np.nan],
                         "never_returned_share": [once / judged if judged else np.nan]},
                        index=pd.Index(["all"], name="sample"))


def kaplan_meier(durations, events, *, alpha: float = 0.05) -> pd.DataFrame:
    """Kaplan-Meier survivor curve with Greenwood standard errors and log-log intervals.

    Parameters
    ----------
    durations : array-like of numbers >= 0
        Time to the event or to censoring.
    events : array-like of bool
        True for an event (churn), False for censored.
    alpha : float
        One minus the confidence level.

    Returns
    -------
    DataFrame
        One row per distinct time (ascending), indexed by ``time``: ``at_risk`` (still under
        observation just before it), ``events``, ``censored``, ``estimate`` (survival just after
        it), ``std_error`` (Greenwood: ``S^2 sum d / (n (n - d))``, square-rooted), ``ci_low`` and
        ``ci_high`` (log-log: ``S^exp(+-z se / |log S|)`` with ``se`` Greenwood's sum's root;
        1 before the first event, NaN once the curve reaches 0).

    Examples
    --------
    >>> km = kaplan_meier([1, 2, 2, 3], [True, True, False, True])
    >>> km.index.tolist(), km["at_risk"].tolist(), km["estimate"].tolist()
    ([1, 2, 3], [4, 3, 1], [0.75, 0.5, 0.0])
    """
    alpha = check_alpha(alpha, "kaplan_meier")
    t = np.asarray(durations, dtype=float)
    e = np.asarray(events, dtype=bool)
    if t.ndim != 1 or len(t) != len(e) or len(t) == 0 or not np.isfinite(t).all() or (t < 0).any():
        raise DataValidationError("durations must be finite numbers >= 0, one per event flag, and at least one; "
                                  f"got {len(t)} durations and {len(e)} flags.")
    times = np.unique(t)
    d = np.bincount(np.searchsorted(times, t[e]), minlength=len(times))
    c = np.bincount(np.searchsorted(times, t[~e]), minlength=len(times))
    n = len(t) - np.concatenate([[0], np.cumsum(d + c)[:-1]])
    with np.errstate(divide="ignore", invalid="ignore"):
        s = np.cumprod(1 - d / n)
        green = np.cumsum(np.where(d > 0, d / (n * (n - d)), 0.0))
        z = stats.norm.isf(alpha / 2)
        se_loglog = np.sqrt(green) / np.abs(np.log(s))
        low = np.where(green > 0, s ** np.exp(z * se_loglog), 1.0)
        high = np.where(green > 0, s ** np.exp(-z * se_loglog), 1.0)
        std_error = s * np.sqrt(green)
    dead = s <= 0
    index = pd.Index(times.astype(int) if np.all(times == np.round(times)) else times, name="time")
    return pd.DataFrame({"at_risk": n, "events": d, "censored": c, "estimate": s,
                         "std_error": np.where(dead, np.nan, std_error),
                         "ci_low": np.where(dead, np.nan, low), "ci_high": np.where(dead, np.nan, high)}, index=index)


def kaplan_meier_by_group(lifetimes: pd.DataFrame, group: pd.Series, *, alpha: float = 0.05) -> pd.DataFrame:
    """:func:`kaplan_meier` of each group of customers.

    Parameters
    ----------
    lifetimes : DataFrame
        From :func:`customer_lifetimes` (``duration_days``, ``churned``), indexed by ``customer_id``.
    group : Series
        Group per ``customer_id``; customers without one are left out.

    Returns
    -------
    DataFrame
        Indexed by (``group``, ``time``), the columns of :func:`kaplan_meier`.

    Examples
    --------
    >>> lt = pd.DataFrame({"duration_days": [1, 2, 3], "churned": [True, True, False]}, index=list("abc"))
    >>> kaplan_meier_by_group(lt, pd.Series(["x", "x", "y"], index=list("abc"))).index.tolist()
    [('x', 1), ('x', 2), ('y', 3)]
    """
    g = lifetimes.index.map(group)
    parts = {str(level): kaplan_meier(part["duration_days"], part["churned"], alpha=alpha)
             for level, part in lifetimes.groupby(g.to_numpy(), sort=True) if pd.notna(level)}
    return pd.concat(parts, names=["group", "time"])


def median_lifetime(curve: pd.DataFrame) -> pd.DataFrame:
    """Median lifetime and its interval from a :func:`kaplan_meier` curve.

    The median is the first time the curve is at or below one half; the interval's ends are
    the first times its lower and upper bands are (Brookmeyer-Crowley, as R's ``survfit``). A
    curve or band that stays above one half gives NaN (not reached).

    Returns
    -------
    DataFrame
        One row (index ``median``): ``estimate``, ``ci_low``, ``ci_high`` (times), ``at_risk``
        (customers still under observation at the median; NaN when not reached) and ``reached``.

    Examples
    --------
    >>> median_lifetime(kaplan_meier([1, 2, 2, 3, 5], [True, True, False, True, True]))[["estimate", "at_risk"]].values
    array([[3., 2.]])
    """
    def first(column: str) -> float:
        below = curve.index[curve[column].to_numpy() <= 0.5]
        return float(below[0]) if len(below) else np.nan

    est = first("estimate")
    at_risk = float(curve.loc[curve.index[curve.index.get_loc(est)], "at_risk"]) if np.isfinite(est) else np.nan
    return pd.DataFrame({"estimate": [est], "ci_low": [first("ci_low")], "ci_high": [first("ci_high")],
                         "at_risk": [at_risk], "reached": [bool(np.isfinite(est))]},
                        index=pd.Index(["median"], name="quantile"))


def median_by_group(curves: pd.DataFrame) -> pd.DataFrame:
    """:func:`median_lifetime` of each group's curve from :func:`kaplan_meier_by_group`.

    Returns
    -------
    DataFrame
        Indexed by ``group``: ``customers`` (at risk at the start), ``churned`` (events), and the
        columns of :func:`median_lifetime` (``estimate``, ``ci_low``, ``ci_high``, ``at_risk``, ``reached``).

    Examples
    --------
    >>> lt = pd.DataFrame({"duration_days": [1, 2, 3, 5], "churned": [True, True, True, False]}, index=list("abcd"))
    >>> curves = kaplan_meier_by_group(lt, pd.Series(list("xxyy"), index=list("abcd")))
    >>> median_by_group(curves)["estimate"].tolist()
    [1.0, 3.0]
    """
    rows = {}
    for group, curve in curves.groupby(level="group", sort=False):
        curve = curve.droplevel("group")
        row = median_lifetime(curve).iloc[0]
        rows[group] = {"customers": int(curve["at_risk"].iloc[0]), "churned": int(curve["events"].sum()), **row}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("group")


def lifetime_groups(lifetimes: pd.DataFrame, customers: pd.DataFrame | None, *, column: str | None,
                    period: str = "month") -> tuple[str, pd.Series]:
    """The groups whose survival curves are compared: ``customers[column]`` when the study has that
    column (an attribute fixed at acquisition, such as the acquisition channel; at most
    :data:`MAX_GROUPS` groups), else the acquisition cohort (the period of the first purchase, or its
    year when there are more than :data:`MAX_GROUPS` periods).

    Returns
    -------
    (str, Series)
        The grouping's name (``column`` or ``"cohort"``) and the group per ``customer_id``.

    Examples
    --------
    >>> lt = pd.DataFrame({"first_purchase": pd.to_datetime(["2024-01-03", "2024-02-01"])}, index=["a", "b"])
    >>> name, g = lifetime_groups(lt, None, column="acquisition_channel")
    >>> name, g.tolist()
    ('cohort', ['2024-01', '2024-02'])
    """
    if customers is not None and column and column in customers.columns:
        groups = customers.set_index("customer_id")[column]
        n = groups.nunique()
        if n > MAX_GROUPS:
            raise ParameterError(f"survival_by names the column {column!r} with {n} groups; one curve per group "
                                 f"needs at most {MAX_GROUPS}: name a column such as acquisition_channel, or None for "
                                 "acquisition cohorts.")
        return column, groups
    cohorts = lifetimes["first_purchase"].dt.to_period("M" if period == "month" else "Q").astype(str)
    if cohorts.nunique() > MAX_GROUPS:  # many periods of acquisition: yearly cohorts
        cohorts = lifetimes["first_purchase"].dt.year.astype(str)
    return "cohort", cohorts


def logrank_test(lifetimes: pd.DataFrame, group: pd.Series) -> pd.DataFrame:
    """Log-rank test that every group shares one survivor curve (statsmodels' ``survdiff``).

    Returns
    -------
    DataFrame
        One row (index ``logrank``): ``statistic`` (chi-square), ``df`` (groups - 1), ``p_value``
        and ``groups``.

    Examples
    --------
    >>> lt = pd.DataFrame({"duration_days": [1, 2, 3, 4, 5, 6], "churned": [True] * 6}, index=list("abcdef"))
    >>> logrank_test(lt, pd.Series(list("xxxyyy"), index=list("abcdef")))["df"].tolist()
    [1]
    """
    g = pd.Series(lifetimes.index.map(group), index=lifetimes.index)
    keep = g.notna().to_numpy()
    levels = g[keep].nunique()
    if levels < 2:
        return pd.DataFrame({"statistic": [np.nan], "df": [0], "p_value": [np.nan], "groups": [levels]},
                            index=pd.Index(["logrank"], name="test"))
    chi2, p = survdiff(lifetimes["duration_days"].to_numpy(dtype=float)[keep],
                       lifetimes["churned"].to_numpy(dtype=float)[keep], g[keep].astype(str).to_numpy())
    return pd.DataFrame({"statistic": [float(chi2)], "df": [levels - 1], "p_value": [float(p)], "groups": [levels]},
                        index=pd.Index(["logrank"], name="test"))


def membership_lifetimes(memberships: pd.DataFrame, *, observation_end=None, period: str = "month") -> pd.DataFrame:
    """Each member's time in the programme in whole periods, from the memberships table.

    ``observation_end`` is the last day of data (None: the latest date in the table).

    The join date is a customer's earliest ``start_date``; she left on her last spell's
    ``end_date`` (missing: still a member at the end of the data). A member who left has
    ``periods`` = the period she left in (rounded time in the programme, at least 1); a member
    still in has ``periods`` = the whole periods observed so far (censored).

    Returns
    -------
    DataFrame
        Indexed by ``customer_id``: ``join_date``, ``leave_date``, ``left`` (bool), ``periods``
        (int), ``observed_periods`` (whole periods from joining to the observation end) and
        ``cohort`` (the join period, text).

    Examples
    --------
    >>> m = pd.DataFrame({"customer_id": ["a", "b", "b"],
    ...                   "start_date": pd.to_datetime(["2024-01-01", "2024-01-15", "2024-03-15"]),
    ...                   "end_date": pd.to_datetime(["2024-04-01", "2024-03-15", None])})
    >>> membership_lifetimes(m, observation_end="2024-06-30")[["left", "periods"]]
                  left  periods
    customer_id
    a             True        3
    b            False        5
    """
    check_params({"period": [Options(PERIOD_DAYS)]}, {"period": period}, "membership_lifetimes")
    if observation_end is None:  # no transactions: the last date the memberships table holds
        observation_end = memberships[[c for c in ("start_date", "end_date") if c in memberships.columns]].max().max()
    end = parse_date(observation_end, "observation_end")
    spells = memberships.sort_values(["customer_id", "start_date"])
    by = spells.groupby("customer_id", sort=True)
    join = by["start_date"].min()
    last_end = by["end_date"].agg(lambda s: s.iloc[-1]) if "end_date" in spells.columns else \
        pd.Series(pd.NaT, index=join.index)
    left = last_end.notna()
    days = (last_end.where(left, end) - join).dt.days.to_numpy()
    length = PERIOD_DAYS[period]
    periods = np.where(left, np.maximum(1, np.round(days / length)), np.floor(days / length)).astype(int)
    observed = np.floor((end - join).dt.days.to_numpy() / length).astype(int)
    freq = "M" if period == "month" else "Q"
    return pd.DataFrame({"join_date": join, "leave_date": last_end, "left": left.to_numpy(), "periods": periods,
                         "observed_periods": observed, "cohort": join.dt.to_period(freq).astype(str)},
                        index=join.index)


def _observed_curve(lifetimes: pd.DataFrame) -> pd.DataFrame:
    """Discrete-time Kaplan-Meier: of members known to be in at the start of period t, the share still in after it."""
    T, left = lifetimes["periods"].to_numpy(), lifetimes["left"].to_numpy()
    rows = {0: (len(T), 0, 1.0)}
    s = 1.0
    for t in range(1, int(T.max()) + 1):
        at_risk = int((T >= t).sum())  # left in period t or later, or still in after t periods
        lost = int(((T == t) & left).sum())
        if at_risk == 0:
            break
        s *= 1 - lost / at_risk
        rows[t] = (at_risk, lost, s)
    return pd.DataFrame.from_dict(rows, orient="index", columns=["at_risk", "left", "observed"]).rename_axis("period")


def sbg_forecast(lifetimes: pd.DataFrame, *, fit_periods: int = 6,
                 min_at_risk: int = 20) -> tuple[ShiftedBetaGeometric, pd.DataFrame]:
    """sBG fitted on the first ``fit_periods`` periods of the members observed that long, and its
    forecast against the observed survivor curve of all members.

    Parameters
    ----------
    lifetimes : DataFrame
        From :func:`membership_lifetimes` (``periods``, ``left``, ``observed_periods``).
    fit_periods : int
        Periods of calibration; later periods are the holdout.
    min_at_risk : int
        The observed curve stops before the first period with fewer members at risk (its tail
        rests on a handful of members).

    Returns
    -------
    (model, DataFrame)
        The fitted :class:`~analysis.clv.ShiftedBetaGeometric`, and a table indexed by ``period``
        (0, 1, ...): ``at_risk``, ``left``, ``observed`` (discrete Kaplan-Meier survival of all
        members), ``forecast`` (the sBG's survival), ``error`` (forecast minus observed) and
        ``calibration`` (True for periods the model was fitted on).

    Examples
    --------
    >>> from analysis.clv import ShiftedBetaGeometric
    >>> counts = ShiftedBetaGeometric.from_params({"alpha": 1.0, "beta": 3.0}).simulate(4000, 12, seed=1)
    >>> T = np.repeat(np.arange(1, 13), -np.diff(counts))
    >>> lt = pd.DataFrame({"periods": np.concatenate([T, np.full(counts[-1], 12)]),
    ...                    "left": np.arange(4000) < len(T), "observed_periods": 12})
    >>> model, curve = sbg_forecast(lt, fit_periods=6)
    >>> bool(abs(curve["error"]).max() < 0.02)
    True
    """
    check_params({"fit_periods": [Interval(int, 1, None, closed="left")],
                  "min_at_risk": [Interval(int, 1, None, closed="left")]},
                 {"fit_periods": fit_periods, "min_at_risk": min_at_risk}, "sbg_forecast")
    sample = lifetimes[lifetimes["observed_periods"] >= fit_periods]  # first periods all observable
    if sample.empty:
        raise DataValidationError(f"no member has been in the programme for {fit_periods} periods of data; "
                                  "set sbg_fit_periods lower.")
    stay = ~sample["left"].to_numpy()
    survivors = [len(sample)] + [int((stay | (sample["periods"].to_numpy() > t)).sum())
                                 for t in range(1, fit_periods + 1)]
    model = ShiftedBetaGeometric().fit(survivors)
    curve = _observed_curve(lifetimes)
    short = np.flatnonzero(curve["at_risk"].to_numpy() < min_at_risk)
    curve = curve.iloc[: short[0]] if len(short) else curve
    forecast = model.survival(curve.index.to_numpy())
    return model, curve.assign(forecast=forecast, error=forecast - curve["observed"],
                               calibration=curve.index <= fit_periods)
