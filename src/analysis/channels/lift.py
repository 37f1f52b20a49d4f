"""Campaign lift: treatment arms against a control arm.

For a binary outcome (visit, conversion) the absolute lift is the difference of
rates with Newcombe's interval and the relative lift is the rate ratio minus one
with the log interval; the test is the two-proportion z-test. For a continuous
outcome (spend per contact) the absolute lift is the difference of means with a
Welch (or, on request, pooled-variance) t interval and the relative lift's
interval comes from Fieller's theorem (exact for a ratio of independent normal
means, so it is not symmetric). P-values of several arms are corrected (Holm).
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from analysis.channels._common import (ALPHA, COLUMN, CORRECTION, FRAME, MARGIN, adjust_pvalues, check_columns,
                                       prepare)
from analysis.channels.economics import profit_verdict
from analysis.channels.rates import _two_prop_z, _unpooled_se, newcombe_interval, ratio_interval
from analysis.checks import Options, validate_params
from analysis.errors import DataValidationError
from analysis.results import ResultMixin, order_estimate_columns
from analysis.segmentation.lifecycle import lifecycle_stages

__all__ = ["campaign_lift", "incremental_revenue", "heterogeneous_lift", "HeterogeneousLift", "points",
           "covariate_balance", "with_lifecycle_stage"]

_KINDS = ("auto", "binary", "continuous")


def _kind(values: pd.Series, kind: str) -> str:
    if kind != "auto":
        return kind
    v = pd.to_numeric(values, errors="coerce") if not pd.api.types.is_bool_dtype(values) else values.astype(float)
    return "binary" if v.dropna().isin([0.0, 1.0]).all() else "continuous"


def _fieller(m1, v1, m0, v0, df, alpha) -> tuple[float, float]:
    """Fieller interval for m1 / m0 with independent estimates (v = squared standard errors)."""
    t = stats.t.isf(alpha / 2, df) if np.isfinite(df) else stats.norm.isf(alpha / 2)
    a = m0**2 - t**2 * v0
    if a <= 0:
        return np.nan, np.nan  # control mean not significantly different from 0: unbounded
    b = m1 * m0
    c = m1**2 - t**2 * v1
    disc = b**2 - a * c
    if disc < 0:
        return np.nan, np.nan
    root = np.sqrt(disc)
    return float((b - root) / a), float((b + root) / a)


def _continuous_lift(y1, y0, alpha, equal_var):
    n1, n0 = y1.size, y0.size
    m1, m0 = y1.mean(), y0.mean()
    s1, s0 = y1.var(ddof=1), y0.var(ddof=1)
    if equal_var:
        sp = ((n1 - 1) * s1 + (n0 - 1) * s0) / (n1 + n0 - 2)
        v1, v0 = sp / n1, sp / n0
        df = n1 + n0 - 2
    else:
        v1, v0 = s1 / n1, s0 / n0
        df = (v1 + v0) ** 2 / (v1**2 / (n1 - 1) + v0**2 / (n0 - 1)) if v1 + v0 > 0 else np.inf
    se = np.sqrt(v1 + v0)
    tq = stats.t.isf(alpha / 2, df)
    d = m1 - m0
    t = d / se if se > 0 else np.nan
    p = 2 * stats.t.sf(abs(t), df) if se > 0 else np.nan
    rl, rh = _fieller(m1, v1, m0, v0, df, alpha)
    return {"estimate": d, "std_error": se, "ci_low": d - tq * se, "ci_high": d + tq * se, "p_value": p,
            "mean": m1, "mean_control": m0, "rel_lift": m1 / m0 - 1 if m0 != 0 else np.nan,
            "rel_lift_ci_low": rl - 1, "rel_lift_ci_high": rh - 1, "statistic": t, "df": df}


def _binary_lift(y1, y0, alpha):
    x1, n1, x0, n0 = int(y1.sum()), y1.size, int(y0.sum()), y0.size
    p1, p0 = x1 / n1, x0 / n0
    dl, dh = newcombe_interval(x1, n1, x0, n0, alpha)
    ratio, rl, rh = ratio_interval(x1, n1, x0, n0, alpha)
    z, p = _two_prop_z(x1, n1, x0, n0)
    return {"estimate": p1 - p0, "std_error": _unpooled_se(p1, n1, p0, n0), "ci_low": dl, "ci_high": dh,
            "p_value": p, "mean": p1, "mean_control": p0, "rel_lift": ratio - 1, "rel_lift_ci_low": rl - 1,
            "rel_lift_ci_high": rh - 1, "statistic": z, "df": np.inf}


_LIFT_CHECKS = {"data": FRAME, "arm": COLUMN, "outcome": COLUMN, "kind": [Options(_KINDS)], "alpha": ALPHA,
                "correction": CORRECTION}


@validate_params({**_LIFT_CHECKS, "equal_var": [bool]})
def campaign_lift(
    data: pd.DataFrame,
    arm: str,
    outcome: str,
    control: object,
    *,
    kind: str = "auto",
    alpha: float = 0.05,
    correction: str = "holm",
    equal_var: bool = False,
    order: Sequence | None = None,
) -> pd.DataFrame:
    """Absolute and relative lift of each treatment arm over the control arm.

    Parameters
    ----------
    data : DataFrame
        One row per contacted (or held-out) customer.
    arm : str
        Column naming the arm.
    outcome : str
        Outcome column: 0/1 (visit, conversion) or a number (spend per contact).
    control : object
        The control arm's label.
    kind : {"auto", "binary", "continuous"}
        "auto" treats a 0/1 column as binary.
    alpha : float
        One minus the confidence level.
    correction : str
        Multiple-comparison correction across the treatment arms.
    equal_var : bool
        Continuous outcomes only: pooled-variance (Student) instead of Welch t.

    Returns
    -------
    DataFrame
        One row per treatment arm, in the estimate shape: the absolute lift
        ``estimate`` (treatment minus control), ``std_error``, ``ci_low``, ``ci_high``,
        ``p_value``; then ``arm``, ``n``, ``n_control``, ``mean``, ``mean_control``,
        ``rel_lift``, ``rel_lift_ci_low``, ``rel_lift_ci_high``, ``statistic`` (z or t),
        ``df``, ``p_adjusted``, ``significant``, ``kind``.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"arm": ["ctl"] * 100 + ["mail"] * 100,
    ...                    "visit": [1] * 10 + [0] * 90 + [1] * 18 + [0] * 82})
    >>> lift = campaign_lift(df, "arm", "visit", control="ctl")
    >>> lift.loc[0, ["estimate", "rel_lift"]].round(2).tolist()
    [0.08, 0.8]
    """
    check_columns(data, [arm, outcome])
    kind = _kind(data[outcome], kind)
    frame, levels = prepare(data, arm, outcome, kind=kind, order=order)
    if control not in levels:
        raise DataValidationError(f"control arm {control!r} is not in column {arm!r}; arms are {levels}.")
    groups = {g: v.to_numpy(float) for g, v in frame.groupby(arm, observed=True, sort=False)[outcome]}
    y0 = groups[control]
    rows = []
    for g in levels:
        if g == control:
            continue
        y1 = groups[g]
        res = _binary_lift(y1, y0, alpha) if kind == "binary" else _continuous_lift(y1, y0, alpha, equal_var)
        rows.append({"arm": g, "n": y1.size, "n_control": y0.size, **res})
    out = order_estimate_columns(pd.DataFrame(rows))
    out["p_adjusted"] = adjust_pvalues(out["p_value"].to_numpy(), correction)
    out["significant"] = out["p_adjusted"] < alpha
    out["kind"] = kind
    return out


def _per_arm(value, arms, control, name: str, *, treated_only: bool = False) -> dict:
    """A per-arm setting given as one number (every treated arm), ``{arm: value}`` or None (0)."""
    if value is None:
        return {a: 0.0 for a in arms}
    if isinstance(value, dict):
        unknown = sorted(set(map(str, value)) - set(map(str, arms)))
        if unknown:
            raise DataValidationError(f"{name} names arm(s) {unknown} that the data do not have; the arms are "
                                      f"{list(arms)}. Name only arms of the data (or give one number).")
        return {a: float(value.get(a, 0.0)) for a in arms}
    return {a: (0.0 if treated_only and a == control else float(value)) for a in arms}


def points(table: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """*table* with ``<column>_pp`` (the column in percentage points, x 100) added for each of *columns*.

    A difference of two rates reads as points ("+3.7 percentage points"), never as a
    proportion ("+0.037"); the sentences cite these columns.

    Examples
    --------
    >>> import pandas as pd
    >>> points(pd.DataFrame({"estimate": [0.0371]}), ["estimate"])["estimate_pp"].round(2).tolist()
    [3.71]
    """
    return table.assign(**{f"{c}_pp": 100 * table[c].astype(float) for c in columns})


@validate_params({"data": FRAME, "arm": COLUMN, "revenue": COLUMN, "cost": [str, float, dict, None],
                  "margin": MARGIN, "discount": [float, dict, None], "incentive": [float, dict, None],
                  "alpha": ALPHA, "correction": CORRECTION})
def incremental_revenue(
    data: pd.DataFrame,
    arm: str,
    revenue: str,
    control: object,
    *,
    cost: str | float | dict | None = None,
    margin: float = 1.0,
    discount: float | dict | None = None,
    incentive: float | dict | None = None,
    alpha: float = 0.05,
    correction: str = "holm",
) -> pd.DataFrame:
    """Incremental revenue, profit and ROI per contact of each treatment arm, with intervals.

    The profit of a contact is the gross profit on what they spent minus what the campaign
    spent on them::

        profit = revenue x (1 - (1 - margin) / (1 - discount)) - cost - incentive x [revenue > 0]

    ``margin`` is the gross margin on the list price; an arm that gives ``discount`` off
    the list price sells the same goods for less, so its margin on the (discounted)
    revenue recorded is ``1 - (1 - margin) / (1 - discount)`` (10 % off at a 30 % margin
    leaves 22.2 %, not 30 %). The incremental profit is the arm's mean profit per contact
    minus the control arm's, with a Welch interval; ROI is incremental profit over
    incremental campaign cost (contact cost plus incentives paid), with the profit
    interval divided by that cost (the cost is taken as known). ``verdict``
    (:func:`profit_verdict`) says ``profitable`` only when the profit interval lies
    above zero.

    Parameters
    ----------
    revenue : str
        Revenue (spend) per contact, zeros included, as recorded (after any discount).
    cost : str, float, dict, optional
        Cost per contact: a column (mean per arm is used), one number for every
        treated arm, or ``{arm: cost}``. The control arm's cost is subtracted, so
        the incremental cost is what the treatment adds.
    margin : float
        Gross margin share of the list price (1 = revenue is profit).
    discount : float or dict, optional
        Share of the list price given off: one number for every treated arm or
        ``{arm: share}`` (0 <= share < 1).
    incentive : float or dict, optional
        Cost of an incentive paid per buying contact (revenue > 0), e.g. a voucher's
        fulfilment: one number for every treated arm or ``{arm: cost}``.

    Returns
    -------
    DataFrame
        One row per treatment arm, in the estimate shape: the incremental revenue per
        contact ``estimate`` with ``std_error``, ``ci_low``/``ci_high`` (Welch) and
        ``p_value``; then ``arm``, ``n``, ``discount``, ``margin_on_revenue``,
        ``incremental_cost`` (contact cost and incentives per contact, over control),
        ``incremental_profit`` (per contact) with ``profit_std_error``,
        ``profit_ci_low``/``profit_ci_high``, ``roi`` (profit / cost; NaN for zero cost)
        with ``roi_ci_low``/``roi_ci_high``, ``verdict``, ``total_incremental_revenue`` and
        ``total_incremental_profit`` (per-contact figures x the arm's contacts), ``p_adjusted``.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"arm": ["ctl"] * 4 + ["mail"] * 4, "spend": [0, 0, 10, 0, 0, 20, 10, 0]})
    >>> r = incremental_revenue(df, "arm", "spend", "ctl", cost=0.5)
    >>> r.loc[0, ["estimate", "incremental_cost", "incremental_profit"]].tolist()
    [5.0, 0.5, 4.5]
    >>> r = incremental_revenue(df, "arm", "spend", "ctl", margin=0.3, discount=0.1)
    >>> round(float(r.loc[0, "margin_on_revenue"]), 4)
    0.2222
    """
    lift = campaign_lift(data, arm, revenue, control, kind="continuous", alpha=alpha, correction=correction)
    arms = [control, *lift["arm"]]
    if cost is None:
        costs = {a: 0.0 for a in arms}
    elif isinstance(cost, str):
        check_columns(data, [cost])
        costs = data.groupby(arm, observed=True)[cost].mean().to_dict()
    else:
        costs = _per_arm(cost, arms, control, "cost", treated_only=True)
    discounts = _per_arm(discount, arms, control, "discount", treated_only=True)
    incentives = _per_arm(incentive, arms, control, "incentive", treated_only=True)
    bad = {a: d for a, d in discounts.items() if not 0 <= d < 1}
    if bad:
        raise DataValidationError(f"discount must be a share of the list price in [0, 1); got {bad}. "
                                  "Give 0.1 for 10 % off.")
    keep = {a: 1 - (1 - margin) / (1 - discounts[a]) for a in arms}
    frame = data[[arm, revenue]].dropna()
    spend = pd.to_numeric(frame[revenue], errors="coerce").to_numpy(float)
    label = frame[arm].to_numpy()
    profit = {}
    for a in arms:
        y = spend[label == a]
        profit[a] = y * keep[a] - costs[a] - incentives[a] * (y > 0)
    control_cost = costs[control] + incentives[control] * (spend[label == control] > 0).mean()
    rows = []
    for a in lift["arm"]:
        res = _continuous_lift(profit[a], profit[control], alpha, False)
        inc_cost = costs[a] + incentives[a] * (spend[label == a] > 0).mean() - control_cost
        roi = [x / inc_cost if inc_cost > 0 else np.nan for x in (res["estimate"], res["ci_low"], res["ci_high"])]
        rows.append({"discount": discounts[a], "margin_on_revenue": keep[a], "incremental_cost": inc_cost,
                     "incremental_profit": res["estimate"], "profit_std_error": res["std_error"],
                     "profit_ci_low": res["ci_low"], "profit_ci_high": res["ci_high"],
                     "roi": roi[0], "roi_ci_low": roi[1], "roi_ci_high": roi[2]})
    out = pd.concat([lift[["estimate", "std_error", "ci_low", "ci_high", "p_value", "arm", "n"]],
                     pd.DataFrame(rows, index=lift.index)], axis=1)
    out["verdict"] = profit_verdict(out["profit_ci_low"], out["profit_ci_high"])
    out["total_incremental_revenue"] = out["estimate"] * out["n"]
    out["total_incremental_profit"] = out["incremental_profit"] * out["n"]
    out["p_adjusted"] = lift["p_adjusted"]
    return out


@dataclass(repr=False)
class HeterogeneousLift(ResultMixin):
    """Result of :func:`heterogeneous_lift`.

    Attributes
    ----------
    by_level : DataFrame
        :func:`campaign_lift` columns for each level of the attribute (column ``level``
        after the standard estimate columns). Also returned by :meth:`summary`.
    homogeneity : DataFrame
        One row per treatment arm: ``arm``, ``pooled_lift`` (inverse-variance
        weighted), Cochran's Q ``statistic`` that the lift is the same in every
        level, ``df``, ``p_value``, and ``i_squared`` (share of the variation between
        levels beyond chance).
    """

    by_level: pd.DataFrame
    homogeneity: pd.DataFrame
    by: str

    def summary(self) -> pd.DataFrame:
        """The lift of each arm within each level of the attribute (:attr:`by_level`)."""
        return self.by_level


@validate_params({**_LIFT_CHECKS, "by": COLUMN})
def heterogeneous_lift(
    data: pd.DataFrame,
    arm: str,
    outcome: str,
    control: object,
    by: str,
    *,
    kind: str = "auto",
    alpha: float = 0.05,
    correction: str = "holm",
) -> HeterogeneousLift:
    """Lift within each level of a customer attribute and a test that it differs.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"arm": (["c"] * 100 + ["t"] * 100) * 2, "seg": ["new"] * 200 + ["old"] * 200,
    ...                    "y": ([1] * 10 + [0] * 90 + [1] * 30 + [0] * 70) + ([1] * 10 + [0] * 90) * 2})
    >>> h = heterogeneous_lift(df, "arm", "y", "c", by="seg")
    >>> h.by_level["estimate"].round(2).tolist()
    [0.2, 0.0]
    >>> bool(h.homogeneity.loc[0, "p_value"] < 0.01)
    True
    """
    check_columns(data, [arm, outcome, by])
    kind = _kind(data[outcome], kind)
    parts = []
    for level, sub in data.groupby(by, observed=True, sort=True):
        res = campaign_lift(sub, arm, outcome, control, kind=kind, alpha=alpha, correction=correction)
        res.insert(5, "level", level)
        parts.append(res)
    if len(parts) < 2:
        raise DataValidationError(f"Column {by!r} has fewer than two levels; nothing to compare lift across.")
    table = pd.concat(parts, ignore_index=True)
    rows = []
    for g, sub in table.groupby("arm", sort=False):
        w = 1 / sub["std_error"].to_numpy() ** 2
        d = sub["estimate"].to_numpy()
        ok = np.isfinite(w)
        pooled = (w[ok] * d[ok]).sum() / w[ok].sum()
        q = float((w[ok] * (d[ok] - pooled) ** 2).sum())
        dof = int(ok.sum() - 1)
        rows.append({"arm": g, "pooled_lift": pooled, "statistic": q, "df": dof,
                     "p_value": float(stats.chi2.sf(q, dof)),
                     "i_squared": max(0.0, (q - dof) / q) if q > 0 else 0.0})
    return HeterogeneousLift(table, pd.DataFrame(rows), by)


@validate_params({"data": FRAME, "arm": COLUMN, "covariates": [list, tuple]})
def covariate_balance(data: pd.DataFrame, arm: str, covariates: Sequence[str], control: object) -> pd.DataFrame:
    """Standardized mean differences of customer-mix columns between each arm and the control arm.

    For a number, ``(mean_arm - mean_control) / sqrt((var_arm + var_control) / 2)``; for a
    text column, the same for the share of each of its values (Austin 2009). In a randomized
    campaign every difference should be small; above 0.1 the arms differ in customer mix
    and raw lifts mix the campaign's effect with that difference.

    Returns
    -------
    DataFrame
        One row per arm and covariate (a text column: per value): ``arm``, ``covariate``,
        ``value`` (the text column's value; empty for a number), ``smd``, ``abs_smd`` (infinite
        when the covariate is constant in both groups at different values: no overlap at all).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"arm": ["c", "c", "t", "t"], "age": [20.0, 30.0, 30.0, 40.0]})
    >>> covariate_balance(df, "arm", ["age"], "c")["smd"].round(4).tolist()
    [1.4142]
    """
    check_columns(data, [arm, *covariates])
    labels = data[arm].to_numpy()
    if control not in set(labels):
        raise DataValidationError(f"control arm {control!r} is not in column {arm!r}.")
    columns = {}
    for c in covariates:
        col = data[c]
        if pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col):
            columns[(c, "")] = col.astype(float)
        else:
            for value in sorted(col.dropna().astype(str).unique()):
                columns[(c, value)] = (col.astype(str) == value).astype(float)
    rows = []
    for a in pd.unique(labels):
        if a == control:
            continue
        for (name, value), x in columns.items():
            x1, x0 = x[labels == a].dropna(), x[labels == control].dropna()
            sd = np.sqrt((x1.var(ddof=1) + x0.var(ddof=1)) / 2)
            diff = x1.mean() - x0.mean()
            smd = diff / sd if sd > 0 else (0.0 if diff == 0 else np.copysign(np.inf, diff))
            rows.append({"arm": a, "covariate": name, "value": value, "smd": float(smd), "abs_smd": abs(float(smd))})
    return pd.DataFrame(rows, columns=["arm", "covariate", "value", "smd", "abs_smd"])


def with_lifecycle_stage(data: pd.DataFrame, rules=None, *, recency: str = "recency_days",
                         frequency: str = "n_orders", tenure: str = "tenure_days",
                         column: str = "lifecycle_stage") -> pd.DataFrame:
    """*data* with the study's lifecycle stage of each contact (``column``), when it has the columns.

    The stage comes from :func:`analysis.segmentation.lifecycle_stages` with *rules* (the
    study's one lifecycle definition, ``study.lifecycle``), so a customer is in the same
    stage here as in notebook 01. Without the recency, frequency and tenure columns
    *data* is returned unchanged.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"recency_days": [10, 400], "n_orders": [5, 1], "tenure_days": [300, 500]})
    >>> with_lifecycle_stage(df)["lifecycle_stage"].tolist()
    ['loyal', 'lost']
    """
    if not {recency, frequency, tenure} <= set(data.columns):
        return data
    table = pd.DataFrame({"recency_days": data[recency].to_numpy(), "frequency": data[frequency].to_numpy(),
                          "tenure_days": data[tenure].to_numpy()}, index=data.index)
    stage = lifecycle_stages(table, rules)["stage"]
    return data.assign(**{column: stage.astype(str).to_numpy()})
