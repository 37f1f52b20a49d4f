"""Does the loyalty programme change what members spend? Members select themselves.

Customers who join a loyalty programme (会员体系) were already different before it
started: heavier and more frequent buyers join more often, so members' spend per
order is higher than non-members' even when the programme does nothing. Two designs
separate the programme's effect from that selection:

* **Propensity-score weighting** (:func:`propensity_weighting`): a logistic model of
  joining on pre-launch history (orders, log average order value, recency, tenure,
  acquisition channel) gives each customer a propensity score ``e(x)``; non-members
  are weighted by ``e / (1 - e)`` so that, weighted, they have the members' history
  (weights for the effect on the treated, ATT; Hirano, Imbens and Ridder 2003). Only
  customers in the region of common support are kept (non-members scoring below the
  lowest member score, members above the highest non-member score are dropped:
  Dehejia and Wahba 1999). Balance is shown by standardised mean differences before
  and after weighting (|SMD| <= 0.1 is balanced, Austin 2009) and variance ratios;
  intervals are percentile bootstrap intervals that refit the score in every replicate.
  Beside weighting alone, a doubly robust estimate adds a regression of the outcome on
  the covariates among the weighted non-members (right when either model is right; on
  the synthetic firm weighting alone is noisier and falls short of the truth).
  Spend per order is analysed on the log scale by default, so effects are ratios.
* **Difference-in-differences** (:func:`analysis.retention.did.did_effect`): before and
  after joining, against non-members over the same calendar time, with the same weights.

:func:`programme_sample` builds the customer table both need from the canonical
``transactions`` and ``memberships`` tables (and ``customers`` for the acquisition
channel). Checked against the Lalonde (NSW) data (Dehejia-Wahba's experimental
benchmark) and statsmodels/scikit-learn fits, and on the synthetic firm, whose true
effect on spend per order is known (tests/retention/test_loyalty.py).

Examples
--------
>>> import numpy as np, pandas as pd
>>> rng = np.random.default_rng(1)
>>> x = rng.normal(size=4000)
>>> member = rng.random(4000) < 1 / (1 + np.exp(-x))          # heavier buyers join more often
>>> spend = np.exp(3 + 0.5 * x + rng.normal(0, 0.3, 4000)) * np.where(member, 1.1, 1.0)
>>> df = pd.DataFrame({"member": member, "x": x, "spend": spend})
>>> res = propensity_weighting(df, "member", "spend", ["x"], n_bootstrap=0)
>>> res.effects["ratio"].round(2).tolist()
[1.64, 1.08, 1.08]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats
from scipy.special import expit

from analysis.checks import DEFAULT_SEED, Interval, Options, rng_from, shown_names, validate_params
from analysis.errors import DataValidationError, ParameterError
from analysis.results import ResultMixin, estimate_table
from analysis.window import parse_date

__all__ = ["LOYALTY_COVARIATES", "PRE_LAUNCH", "SMD_LIMIT", "WeightingResult", "launch_day", "membership_status", "while_member",
           "programme_sample", "programme_covariates", "propensity_weighting", "weighted_balance"]

#: pre-launch covariates :func:`programme_sample` builds (and ``acquisition_channel`` when known)
LOYALTY_COVARIATES = ("log_orders_pre", "log_aov_pre", "recency_days", "tenure_days")
#: the columns of the programme sample measured before the launch (what a propensity model may use)
PRE_LAUNCH = ("n_orders_pre", "log_orders_pre", "aov_pre", "log_aov_pre", "recency_days", "tenure_days",
               "acquisition_channel")
#: an absolute standardised mean difference above this after weighting is an imbalance (Austin 2009)
SMD_LIMIT = 0.1
_ALPHA = [Interval(float, 0.0, 0.5, closed="neither")]
_N_BOOT = [Interval(int, 0, None, closed="left")]
_PERIODS = {"month": "M", "quarter": "Q"}


def _need(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataValidationError(
            f"The {what} table lacks column(s) {missing}; it has {list(frame.columns)}. Map them in the study "
            f"YAML (data: {what}: columns:) or pass the names the table uses.")


def launch_day(memberships: pd.DataFrame, launch_date=None) -> pd.Timestamp:
    """The programme's launch day: ``launch_date`` parsed, or the earliest ``start_date`` in *memberships*.

    Examples
    --------
    >>> m = pd.DataFrame({"customer_id": ["a", "b"], "start_date": pd.to_datetime(["2024-03-05", "2024-02-01"])})
    >>> launch_day(m), launch_day(m, "2024-01-01")
    (Timestamp('2024-02-01 00:00:00'), Timestamp('2024-01-01 00:00:00'))
    """
    if launch_date is not None:
        return parse_date(launch_date, "launch_date")
    _need(memberships, ["customer_id", "start_date"], "memberships")
    if memberships.empty:
        raise DataValidationError("The memberships table has no rows, so there is no programme to evaluate; "
                                  "give a memberships table with one row per tier spell, or leave it out.")
    return parse_date(memberships["start_date"].min(), "earliest start_date")


def membership_status(memberships: pd.DataFrame) -> pd.DataFrame:
    """Each member's join day (earliest ``start_date``) and leave day (the last spell's ``end_date``).

    Returns
    -------
    DataFrame
        Indexed by ``customer_id``: ``join_date``, ``leave_date`` (NaT: still a member at the end
        of the data), ``n_spells``.

    Examples
    --------
    >>> m = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                   "start_date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-02-01"]),
    ...                   "end_date": pd.to_datetime(["2024-02-29", None, "2024-05-01"])})
    >>> membership_status(m)["leave_date"].isna().tolist()
    [True, False]
    """
    _need(memberships, ["customer_id", "start_date"], "memberships")
    m = memberships.assign(customer_id=memberships["customer_id"].astype(str))
    end = m["end_date"] if "end_date" in m.columns else pd.Series(pd.NaT, index=m.index)
    m = m.assign(_end=pd.to_datetime(end)).sort_values(["customer_id", "start_date"])
    g = m.groupby("customer_id", sort=True)
    last = m.drop_duplicates("customer_id", keep="last").set_index("customer_id")["_end"]
    out = pd.DataFrame({"join_date": g["start_date"].min(), "leave_date": last,
                        "n_spells": g.size()})
    out.index.name = "customer_id"
    return out


def while_member(dates: pd.Series, ids: pd.Series, status: pd.DataFrame) -> np.ndarray:
    """True for an order made while its customer was a member (join day <= date <= leave day).

    *status* is :func:`membership_status`'s table; *dates* and *ids* are the orders' days and
    customers.

    Examples
    --------
    >>> st = pd.DataFrame({"join_date": pd.to_datetime(["2024-02-01"]), "leave_date": [pd.NaT]},
    ...                   index=pd.Index(["a"], name="customer_id"))
    >>> while_member(pd.Series(pd.to_datetime(["2024-01-01", "2024-03-01", "2024-03-01"])),
    ...              pd.Series(["a", "a", "b"]), st).tolist()
    [False, True, False]
    """
    s = status.reindex(ids.astype(str).to_numpy())
    join, leave = s["join_date"].to_numpy(), s["leave_date"].to_numpy()
    d = dates.to_numpy()
    return (~pd.isna(join)) & (d >= join) & (pd.isna(leave) | (d <= leave))


def programme_sample(transactions: pd.DataFrame, memberships: pd.DataFrame,
                     customers: pd.DataFrame | None = None, *, launch_date=None,
                     observation_end=None) -> pd.DataFrame:
    """One row per customer: pre-launch history, membership, and spend per order after launch.

    Covariates use orders strictly before the launch day; the outcome is the mean amount per
    order after launch (up to ``observation_end``): a member's orders while a member, a
    non-member's every post-launch order. Customers with no order before launch (nothing to
    compare them on) or none in the outcome period (no spend per order) are left out.

    Parameters
    ----------
    transactions : DataFrame
        Canonical transactions (``customer_id``, ``date``, ``amount``).
    memberships : DataFrame
        Canonical memberships (``customer_id``, ``start_date``, optional ``end_date``).
    customers : DataFrame, optional
        Canonical customers; its ``acquisition_channel``, when present, becomes a covariate.
    launch_date : date-like, optional
        Launch of the programme; default the earliest ``start_date``.
    observation_end : date-like, optional
        Last day of data used; default the last transaction.

    Returns
    -------
    DataFrame
        Indexed by ``customer_id``: ``member`` (bool), ``join_date``, ``n_orders_pre``,
        ``log_orders_pre`` (log of pre-launch orders), ``aov_pre`` and ``log_aov_pre`` (average order
        value before launch and its log), ``recency_days`` (launch minus last pre-launch order),
        ``tenure_days`` (launch minus first order), ``acquisition_channel`` (when known),
        ``n_orders_post`` (orders in the outcome period), ``spend_post`` (their amount),
        ``spend_per_order`` (the outcome) and ``log_spend_per_order``. Customers whose outcome
        orders sum to zero or less are left out too.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c"],
    ...                    "date": pd.to_datetime(["2024-01-05", "2024-03-01", "2024-01-10", "2024-04-01", "2024-03-02"]),
    ...                    "amount": [10.0, 22.0, 8.0, 9.0, 5.0]})
    >>> m = pd.DataFrame({"customer_id": ["a"], "start_date": pd.to_datetime(["2024-03-01"])})
    >>> programme_sample(tx, m)[["member", "aov_pre", "spend_per_order"]]
                 member  aov_pre  spend_per_order
    customer_id
    a              True     10.0             22.0
    b             False      8.0              9.0
    """
    _need(transactions, ["customer_id", "date", "amount"], "transactions")
    launch = launch_day(memberships, launch_date)
    end = parse_date(transactions["date"].max() if observation_end is None else observation_end, "observation_end")
    status = membership_status(memberships)
    tx = transactions.loc[transactions["date"] < end + pd.Timedelta(days=1), ["customer_id", "date", "amount"]]
    tx = tx.assign(customer_id=tx["customer_id"].astype(str))
    pre, post = tx[tx["date"] < launch], tx[tx["date"] >= launch]
    g = pre.groupby("customer_id")
    out = pd.DataFrame({"n_orders_pre": g.size(), "aov_pre": g["amount"].mean(),
                        "recency_days": (launch - g["date"].max()).dt.days.astype(float),
                        "tenure_days": (launch - g["date"].min()).dt.days.astype(float)})
    if (out["aov_pre"] <= 0).any():
        out = out[out["aov_pre"] > 0]  # a log of a non-positive average has no meaning: such customers are left out
    out.insert(1, "log_orders_pre", np.log(out["n_orders_pre"].astype(float)))
    out.insert(3, "log_aov_pre", np.log(out["aov_pre"]))
    out.insert(0, "join_date", status["join_date"].reindex(out.index))
    out.insert(0, "member", out["join_date"].notna())
    if customers is not None and "acquisition_channel" in customers.columns:
        channel = customers.assign(customer_id=customers["customer_id"].astype(str)).set_index("customer_id")
        out["acquisition_channel"] = channel["acquisition_channel"].reindex(out.index).astype(object)
    members = post["customer_id"].isin(status.index).to_numpy()
    keep = np.where(members, while_member(post["date"], post["customer_id"], status), True)
    o = post[keep].groupby("customer_id")["amount"].agg(["size", "sum"])
    out["n_orders_post"] = o["size"].reindex(out.index).fillna(0).astype(int)
    out["spend_post"] = o["sum"].reindex(out.index).fillna(0.0)
    out = out[out["n_orders_post"] > 0]
    out["spend_per_order"] = out["spend_post"] / out["n_orders_post"]
    out = out[out["spend_per_order"] > 0]
    out["log_spend_per_order"] = np.log(out["spend_per_order"])
    out.index.name = "customer_id"
    return out


def programme_covariates(sample: pd.DataFrame, given: Sequence[str] | None = None) -> list[str]:
    """The pre-launch covariates of the propensity model: *given* (checked), else by default
    :data:`LOYALTY_COVARIATES`, and ``acquisition_channel`` when every customer has one and it has
    at least two values.

    *given* may name the pre-launch columns of :func:`programme_sample` only: a covariate measured
    after the launch could itself be changed by the programme.

    Examples
    --------
    >>> programme_covariates(pd.DataFrame({"acquisition_channel": ["web", "store"]}))
    ['log_orders_pre', 'log_aov_pre', 'recency_days', 'tenure_days', 'acquisition_channel']
    >>> programme_covariates(pd.DataFrame({"log_orders_pre": [1.0]}), ["income"])
    Traceback (most recent call last):
    ...
    analysis.errors.ParameterError: loyalty_covariates names 'income', which is not a pre-launch covariate of the programme sample; choose from 'log_orders_pre' (or null for the default)
    """
    if given is not None:
        allowed = [c for c in sample.columns if c in PRE_LAUNCH]
        unknown = [str(c) for c in given if c not in allowed]
        if unknown or not given:
            raise ParameterError(f"loyalty_covariates names {shown_names(unknown) if unknown else 'nothing'}, which "
                                 f"is not a pre-launch covariate of the programme sample; choose from "
                                 f"{shown_names(allowed)} (or null for the default)")
        return [str(c) for c in given]
    channel = sample.get("acquisition_channel")
    extra = channel is not None and channel.notna().all() and channel.nunique() > 1
    return [*LOYALTY_COVARIATES, *(["acquisition_channel"] if extra else [])]


# --- propensity weighting -----------------------------------------------------------------------------------

def _design(data: pd.DataFrame, covariates: Sequence[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(logit design without constant: text columns as dummies dropping the first level,
    balance columns: every level of a text column)."""
    model, balance = [], []
    for c in covariates:
        col = data[c]
        if pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col):
            x = pd.DataFrame({c: col.astype(float)}, index=data.index)
            model.append(x)
            balance.append(x)
        else:
            levels = sorted(col.astype(str).unique())
            dummies = pd.DataFrame({f"{c}={v}": (col.astype(str) == v).astype(float) for v in levels}, index=data.index)
            model.append(dummies.iloc[:, 1:])
            balance.append(dummies)
    return pd.concat(model, axis=1), pd.concat(balance, axis=1)


def _standardise(x: np.ndarray) -> np.ndarray:
    sd = x.std(axis=0)
    return ((x - x.mean(axis=0)) / np.where(sd > 0, sd, 1.0))[:, sd > 0]


def _scores(x: np.ndarray, treated: np.ndarray) -> np.ndarray:
    """Propensity scores of a maximum-likelihood logistic model (standardised columns and a constant),
    by Newton-Raphson with step halving (the log-likelihood never falls)."""
    design = np.column_stack([np.ones(len(x)), _standardise(x)])
    y, beta, loss = treated.astype(float), np.zeros(design.shape[1]), np.inf
    for _ in range(100):
        p = expit(design @ beta)
        step = np.linalg.lstsq(design.T @ (design * (p * (1 - p))[:, None]) + 1e-10 * np.eye(len(beta)),
                               design.T @ (y - p), rcond=None)[0]
        for _ in range(30):
            new = beta + step
            e = design @ new
            new_loss = float(np.sum(np.logaddexp(0, e) - y * e))
            if new_loss <= loss + 1e-12:
                break
            step /= 2
        beta, converged, loss = new, abs(loss - new_loss) < 1e-10 * (1 + abs(new_loss)), new_loss
        if converged:
            break
    return np.clip(expit(design @ beta), 1e-12, 1 - 1e-12)


def _support(ps: np.ndarray, treated: np.ndarray, trim: str) -> np.ndarray:
    if trim == "none":
        return np.ones(len(ps), dtype=bool)
    low, high = ps[treated].min(), ps[~treated].max()
    return np.where(treated, ps <= high, ps >= low)


def _control_mean(y, x, treated, w, adjust: bool) -> float:
    """The treated's mean outcome had they not been treated: the weighted control mean, or with
    ``adjust`` a weighted regression of y on x among controls, predicted for the treated, plus the
    weighted mean control residual (doubly robust: right if either the score or the regression is)."""
    c = ~treated
    if not adjust:
        return float(np.average(y[c], weights=w[c]))
    design = np.column_stack([np.ones(len(x)), _standardise(x)])
    root = np.sqrt(w[c])
    beta = np.linalg.lstsq(design[c] * root[:, None], y[c] * root, rcond=None)[0]
    fitted = design @ beta
    return float(fitted[treated].mean() + np.average(y[c] - fitted[c], weights=w[c]))


def _estimates(y, treated, x, trim):
    """Treated mean and the control means (naive, weighted, doubly robust) with scores, support, weights."""
    ps = _scores(x, treated)
    kept = _support(ps, treated, trim)
    w = np.where(treated, 1.0, ps / (1 - ps))
    yk, tk, xk, wk = y[kept], treated[kept], x[kept], w[kept]
    means = [y[treated].mean(), y[~treated].mean(), yk[tk].mean(), _control_mean(yk, xk, tk, wk, False),
             _control_mean(yk, xk, tk, wk, True)]
    return np.array(means), ps, kept, w


def _effects(means: np.ndarray, scale: str) -> np.ndarray:
    """(naive, weighted, doubly robust) effects on the analysis scale and as ratios, from the means
    (rows: replicates)."""
    m = np.atleast_2d(means)
    diff = np.column_stack([m[:, 0] - m[:, 1], m[:, 2] - m[:, 3], m[:, 2] - m[:, 4]])
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.exp(diff) if scale == "log" else np.column_stack(
            [m[:, 0] / m[:, 1], m[:, 2] / m[:, 3], m[:, 2] / m[:, 4]])
    return np.column_stack([diff, ratio])


def weighted_balance(data: pd.DataFrame, treatment: str, covariates: Sequence[str],
                     weights: Sequence[float] | np.ndarray | pd.Series | None = None) -> pd.DataFrame:
    """Standardised mean differences and variance ratios of covariates, raw and weighted.

    ``smd = (mean_treated - mean_control) / sqrt((var_treated + var_control) / 2)``: the
    denominator is the unweighted pooled standard deviation in both columns, so weighting
    changes only the numerator (Austin 2009; as R's cobalt with ``s.d.denom = "pooled"``).
    The variance ratio is ``var_treated / var_control`` (near 1 is balanced; outside 0.5-2 is a
    warning sign, Rubin 2001). A text covariate has a row per value (its share).

    Parameters
    ----------
    data : DataFrame
    treatment : str
        Boolean (or 0/1) column: True for members (treated).
    covariates : sequence of str
    weights : array-like, optional
        One weight per row (treated rows are normally 1); None: equal weights.

    Returns
    -------
    DataFrame
        Indexed by ``covariate`` (``name`` or ``name=value``): ``mean_treated``, ``mean_control``,
        ``mean_control_weighted``, ``smd_before``, ``smd_after``, ``variance_ratio_before``,
        ``variance_ratio_after``, ``abs_smd_after``.

    Examples
    --------
    >>> df = pd.DataFrame({"t": [1, 1, 0, 0], "age": [20.0, 30.0, 30.0, 40.0]})
    >>> weighted_balance(df, "t", ["age"])["smd_before"].round(4).tolist()
    [-1.4142]
    """
    t = data[treatment].astype(bool).to_numpy()
    _, b = _design(data, covariates)
    w = np.ones(len(data)) if weights is None else np.asarray(weights, dtype=float)
    rows = {}
    for name in b.columns:
        x = b[name].to_numpy(float)
        x1, x0, w0 = x[t], x[~t], w[~t]
        v1, v0 = x1.var(ddof=1), x0.var(ddof=1)
        sd = np.sqrt((v1 + v0) / 2)
        m0w = np.average(x0, weights=w0)
        v0w = np.average((x0 - m0w) ** 2, weights=w0) * w0.sum() ** 2 / (w0.sum() ** 2 - (w0 ** 2).sum())
        smd = [(x1.mean() - m) / sd if sd > 0 else 0.0 for m in (x0.mean(), m0w)]
        rows[name] = {"mean_treated": x1.mean(), "mean_control": x0.mean(), "mean_control_weighted": m0w,
                      "smd_before": smd[0], "smd_after": smd[1],
                      "variance_ratio_before": v1 / v0 if v0 > 0 else np.nan,
                      "variance_ratio_after": v1 / v0w if v0w > 0 else np.nan, "abs_smd_after": abs(smd[1])}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "covariate"
    return out


@dataclass(repr=False)
class WeightingResult(ResultMixin):
    """Result of :func:`propensity_weighting`.

    Attributes
    ----------
    effects : DataFrame
        Rows ``naive`` (every treated against every control), ``weighted`` (ATT weights, in common
        support) and ``doubly_robust`` (the weighted comparison with regression adjustment). The
        estimate shape on the analysis scale (``estimate`` = treated minus control mean of the outcome,
        or of its log with ``scale="log"``; ``std_error`` = bootstrap standard deviation; ``ci_low``,
        ``ci_high`` = percentile bootstrap interval; ``p_value`` = Wald p-value of no effect), then
        ``ratio`` (``exp(estimate)`` on the log scale, else treated over control mean), ``ratio_ci_low``,
        ``ratio_ci_high``, ``percent``, ``percent_ci_low``, ``percent_ci_high`` (``ratio - 1`` and its
        interval), ``mean_treated``, ``mean_control`` (the
        treated's mean had they not been treated, as each row estimates it), ``n_treated``,
        ``n_control``, ``n_trimmed`` (rows outside common support), ``ess_control`` (Kish's effective
        number of weighted controls).
    balance : DataFrame
        :func:`weighted_balance` on the kept rows with the ATT weights.
    scores : DataFrame
        One row per input row: ``treated``, ``propensity``, ``weight`` (0 when trimmed), ``kept``.
    """

    effects: pd.DataFrame
    balance: pd.DataFrame
    scores: pd.DataFrame
    scale: str
    trim: str
    n_bootstrap: int
    alpha: float

    def summary(self) -> pd.DataFrame:
        """The naive, weighted and doubly robust effects (:attr:`effects`)."""
        return self.effects


@validate_params({"data": ["frame"], "treatment": [str], "outcome": [str], "covariates": ["array-like"],
                  "scale": [Options(("log", "level"))], "trim": [Options(("common_support", "none"))],
                  "alpha": _ALPHA, "n_bootstrap": _N_BOOT, "seed": ["seed"]})
def propensity_weighting(data: pd.DataFrame, treatment: str, outcome: str, covariates: Sequence[str], *,
                         scale: str = "log", trim: str = "common_support", alpha: float = 0.05,
                         n_bootstrap: int = 200, seed: int | np.random.Generator = DEFAULT_SEED) -> WeightingResult:
    """Effect on the treated (members) by propensity-score weighting, beside the naive comparison.

    A logistic model of ``treatment`` on ``covariates`` (numbers as they are, text as dummies)
    gives each row a propensity score ``e``; controls get the ATT weight ``e / (1 - e)``,
    treated rows 1. With ``trim="common_support"`` rows outside the overlap of the two groups'
    scores are dropped first (controls below the lowest treated score, treated above the highest
    control score). The doubly robust row adds a regression of the outcome on the covariates
    among the weighted controls. With ``scale="log"`` the outcome is analysed as its log (spend is
    skewed; a constant % effect is a constant shift) and effects are ratios of geometric means.
    Intervals: percentile bootstrap over rows, resampled within each group and with the score
    refitted in every replicate (``n_bootstrap`` = 0: no intervals).

    Parameters
    ----------
    data : DataFrame
        One row per unit (customer).
    treatment : str
        Boolean or 0/1 column, True for members.
    outcome : str
        Numeric outcome (spend per order); positive with ``scale="log"``.
    covariates : sequence of str
        Pre-treatment columns.
    scale : {"log", "level"}
    trim : {"common_support", "none"}
    alpha : float
    n_bootstrap : int
    seed : int or Generator

    Returns
    -------
    WeightingResult

    Examples
    --------
    >>> df = pd.DataFrame({"t": [1, 1, 1, 0, 0, 0, 0, 0], "x": [1.0, 2, 3, 0, 1, 2, 3, 4],
    ...                    "y": [5.0, 6, 8, 1, 3, 4, 6, 7]})
    >>> res = propensity_weighting(df, "t", "y", ["x"], scale="level", n_bootstrap=0)
    >>> res.effects.loc["naive", "estimate"].round(4)
    np.float64(2.1333)
    """
    covariates = list(covariates)
    _need(data, [treatment, outcome, *covariates], "data")
    frame = data[[treatment, outcome, *covariates]]
    missing = frame.isna().any(axis=1)
    if missing.any():
        raise DataValidationError(
            f"{int(missing.sum())} row(s) have a missing {treatment}, {outcome} or covariate (first: row "
            f"{int(np.flatnonzero(missing.to_numpy())[0]) + 1}); drop them or fill the covariate before weighting.")
    t = frame[treatment].astype(bool).to_numpy()
    if t.sum() < 2 or (~t).sum() < 2:
        raise DataValidationError(f"Weighting needs at least two treated and two control rows in {treatment!r}; "
                                  f"it has {int(t.sum())} treated and {int((~t).sum())} control.")
    y = pd.to_numeric(frame[outcome], errors="coerce").to_numpy(float)
    if scale == "log" and not (y > 0).all():
        raise DataValidationError(f"{outcome!r} has values <= 0, which have no log; use scale='level' for an "
                                  f"outcome with zeros (effects are then differences and ratios of means).")
    y = np.log(y) if scale == "log" else y
    x = _design(frame, covariates)[0].to_numpy(float)
    means, ps, kept, w = _estimates(y, t, x, trim)
    rng = rng_from(seed)
    idx1, idx0 = np.flatnonzero(t), np.flatnonzero(~t)
    boot = np.empty((n_bootstrap, 5))
    for b in range(n_bootstrap):
        i = np.concatenate([rng.choice(idx1, len(idx1)), rng.choice(idx0, len(idx0))])
        boot[b] = _estimates(y[i], t[i], x[i], trim)[0]
    est, reps = _effects(means, scale)[0], _effects(boot, scale)
    q = [alpha / 2, 1 - alpha / 2]
    with np.errstate(invalid="ignore", divide="ignore"):
        se = reps[:, :3].std(axis=0, ddof=1) if n_bootstrap > 1 else np.full(3, np.nan)
        lo, hi = np.quantile(reps, q, axis=0) if n_bootstrap else np.full((2, 6), np.nan)
        p = 2 * stats.norm.sf(np.abs(est[:3] / se))
    ess = w[kept & ~t].sum() ** 2 / (w[kept & ~t] ** 2).sum()
    effects = estimate_table(["naive", "weighted", "doubly_robust"], est[:3], se, alpha=alpha, p_value=p,
                             ci_low=lo[:3], ci_high=hi[:3], index_name="effect", ratio=est[3:],
                             ratio_ci_low=lo[3:], ratio_ci_high=hi[3:], percent=est[3:] - 1,
                             percent_ci_low=lo[3:] - 1, percent_ci_high=hi[3:] - 1,
                             mean_treated=[means[0], means[2], means[2]], mean_control=means[[1, 3, 4]],
                             n_treated=[int(t.sum())] + [int(t[kept].sum())] * 2,
                             n_control=[int((~t).sum())] + [int((~t[kept]).sum())] * 2,
                             n_trimmed=[0] + [int((~kept).sum())] * 2, ess_control=[float((~t).sum()), ess, ess])
    balance = weighted_balance(frame[kept], treatment, covariates, w[kept])
    scores = pd.DataFrame({"treated": t, "propensity": ps, "weight": np.where(kept, w, 0.0), "kept": kept},
                          index=data.index)
    return WeightingResult(effects, balance, scores, scale, trim, n_bootstrap, alpha)
