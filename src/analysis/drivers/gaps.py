"""SERVQUAL gaps: perception minus expectation, per item and per dimension.

Parasuraman, Zeithaml & Berry (1988) measure service quality as the gap between
what customers perceive (P) and what they expected (E). A negative gap means the
service falls short. Each respondent rated both, so gaps are paired: the test and
interval use the per-respondent differences (a paired t-test), not two separate
means.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"perc_speed_1": [4, 5, 3, 4], "exp_speed_1": [6, 6, 5, 6]})
>>> servqual_gaps(df, servqual_pairs(df.columns))["estimate"].tolist()
[-1.75, -1.75]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import stats

from analysis.drivers._data import check_scale, numeric_block, weight_vector
from analysis.checks import check_alpha
from analysis.errors import DataValidationError, ParameterError

__all__ = ["GAP_VERDICTS", "gap_verdicts", "servqual_gaps", "servqual_pairs"]

#: how a gap's interval places an attribute against expectations
GAP_VERDICTS = ("below", "met", "above")


def servqual_pairs(columns: Sequence[str], *, perception_prefix: str = "perc_",
                   expectation_prefix: str = "exp_",
                   dimension_pattern: str = r"^(?P<dimension>.+)_\d+$") -> pd.DataFrame:
    """Match perception items with their expectation items by name.

    ``perc_reliability_2`` pairs with ``exp_reliability_2``; the dimension is read
    from the rest of the name with ``dimension_pattern`` (the whole rest when it
    does not match).

    Returns
    -------
    DataFrame
        Columns ``item``, ``dimension``, ``perception``, ``expectation``.

    Examples
    --------
    >>> servqual_pairs(["perc_speed_1", "exp_speed_1", "perc_staff_1"])
              item dimension    perception  expectation
    0      speed_1     speed  perc_speed_1  exp_speed_1
    """
    names = [str(c) for c in columns]
    rows = []
    regex = re.compile(dimension_pattern)
    for c in names:
        if not c.startswith(perception_prefix):
            continue
        item = c[len(perception_prefix):]
        e = expectation_prefix + item
        if e in names:
            m = regex.match(item)
            rows.append({"item": item, "dimension": m.group("dimension") if m else item,
                         "perception": c, "expectation": e})
    if not rows:
        raise DataValidationError(
            f"no perception column {perception_prefix!r}... has a matching expectation column "
            f"{expectation_prefix!r}...; columns: {names[:20]}.")
    return pd.DataFrame(rows)


def _paired(d: np.ndarray, w: np.ndarray, alpha: float) -> dict:
    keep = ~np.isnan(d)
    d, w = d[keep], w[keep]
    n = d.size
    if n < 2:
        return {"n": n, "estimate": np.nan, "std_error": np.nan, "ci_low": np.nan, "ci_high": np.nan,
                "t": np.nan, "p_value": np.nan}
    sw = w / w.sum()
    mean = float(sw @ d)
    if np.allclose(w, w[0]):
        se = float(d.std(ddof=1) / np.sqrt(n))
        dof = n - 1
    else:  # linearization (sandwich) SE of a weighted mean
        se = float(np.sqrt(n / (n - 1) * np.sum(sw**2 * (d - mean) ** 2)))
        dof = n - 1
    t = mean / se if se > 0 else np.nan
    q = stats.t.ppf(0.5 + (1 - alpha) / 2, dof)
    return {"n": n, "estimate": mean, "std_error": se, "ci_low": mean - q * se, "ci_high": mean + q * se,
            "t": t, "p_value": float(2 * stats.t.sf(abs(t), dof)) if se > 0 else np.nan}


def servqual_gaps(data: pd.DataFrame, pairs: pd.DataFrame | Mapping[str, tuple[str, str]], *,
                  weight: str | None = None, alpha: float = 0.05,
                  scale: tuple[float, float] | None = None) -> pd.DataFrame:
    """Mean perception - expectation gap per item and per dimension, with paired tests.

    Parameters
    ----------
    data : DataFrame
        One row per respondent.
    pairs : DataFrame or mapping
        From :func:`servqual_pairs`, or ``{item: (perception_column, expectation_column)}``
        (then each item is its own dimension).
    weight : str, optional
        Survey weights (weighted means, linearization standard errors).
    alpha : float, default 0.05
        One minus the confidence level of the intervals.
    scale : (low, high), optional
        Declared rating scale; values outside it are an error.

    Returns
    -------
    DataFrame
        One row per item then one per dimension: ``level`` ("item"/"dimension"),
        ``name``, ``dimension``, then the gap as an estimate: ``estimate`` (mean of
        the respondents' P - E; a dimension's gap averages its items' gaps within
        each respondent first), ``std_error``, ``ci_low``, ``ci_high``, ``p_value``
        (paired t-test of no gap), then ``perception``, ``expectation`` (means),
        ``t`` and ``n`` (respondents with both answers; a dimension uses
        respondents with at least one pair).

    Examples
    --------
    >>> df = pd.DataFrame({"perc_a_1": [4, 5, 3, 4], "exp_a_1": [6, 6, 5, 6],
    ...                    "perc_a_2": [5, 5, 4, 6], "exp_a_2": [5, 6, 5, 6]})
    >>> servqual_gaps(df, servqual_pairs(df.columns))[["level", "name", "estimate"]]
           level name  estimate
    0       item  a_1 -1.750
    1       item  a_2 -0.500
    2  dimension    a -1.125
    """
    alpha = check_alpha(alpha, "servqual_gaps")
    if isinstance(pairs, Mapping):
        pairs = pd.DataFrame([{"item": k, "dimension": k, "perception": v[0], "expectation": v[1]}
                              for k, v in pairs.items()])
    if len(pairs) == 0:
        raise ParameterError("pairs is empty: give at least one perception/expectation pair.")
    cols = list(pairs["perception"]) + list(pairs["expectation"])
    block = numeric_block(data, cols, "SERVQUAL")
    check_scale(block, scale, "SERVQUAL")
    w = weight_vector(data, weight)
    rows, dim_gaps = [], {}
    for _, pr in pairs.iterrows():
        p, e = block[pr["perception"]].to_numpy(), block[pr["expectation"]].to_numpy()
        d = p - e
        both = ~np.isnan(d)
        sw = w[both] / w[both].sum() if both.any() else w
        rows.append({"level": "item", "name": pr["item"], "dimension": pr["dimension"],
                     "perception": float(sw @ p[both]) if both.any() else np.nan,
                     "expectation": float(sw @ e[both]) if both.any() else np.nan,
                     **_paired(d, w, alpha)})
        dim_gaps.setdefault(pr["dimension"], []).append((d, p, e))
    for dim, parts in dim_gaps.items():
        d = np.column_stack([x[0] for x in parts])
        count = (~np.isnan(d)).sum(axis=1)
        answered = count > 0
        score = np.where(answered, np.nansum(d, axis=1) / np.maximum(count, 1), np.nan)
        pm = np.column_stack([x[1] for x in parts])
        em = np.column_stack([x[2] for x in parts])
        sw = w[answered] / w[answered].sum()
        rows.append({"level": "dimension", "name": dim, "dimension": dim,
                     "perception": float(sw @ np.nanmean(pm[answered], axis=1)),
                     "expectation": float(sw @ np.nanmean(em[answered], axis=1)),
                     **_paired(score, w, alpha)})
    out = pd.DataFrame(rows)
    out.attrs.update({"alpha": alpha, "weight": weight})
    return out[["level", "name", "dimension", "estimate", "std_error", "ci_low", "ci_high", "p_value",
                "perception", "expectation", "t", "n"]]


def gap_verdicts(gaps: pd.DataFrame) -> pd.Series:
    """Below, meeting or above expectations, as each gap's interval says.

    ``below`` when the whole interval is below zero (significantly short of
    expectations at the table's level), ``above`` when it is wholly above zero,
    ``met`` otherwise. The one rule behind every label that speaks of expectations
    (the SERVQUAL table and the importance-performance quadrants).

    Parameters
    ----------
    gaps : DataFrame
        With ``ci_low`` and ``ci_high`` (e.g. rows of :func:`servqual_gaps`).

    Returns
    -------
    Series
        Named ``verdict``, on the index of ``gaps``; values from :data:`GAP_VERDICTS`.

    Examples
    --------
    >>> g = pd.DataFrame({"ci_low": [-0.8, -0.1, 0.2], "ci_high": [-0.2, 0.3, 0.5]}, index=["a", "b", "c"])
    >>> gap_verdicts(g).tolist()
    ['below', 'met', 'above']
    """
    below, above = gaps["ci_high"] < 0, gaps["ci_low"] > 0
    return pd.Series(np.select([below, above], ["below", "above"], "met"), index=gaps.index, name="verdict")
