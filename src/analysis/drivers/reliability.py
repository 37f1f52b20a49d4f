"""Scale quality: Cronbach's alpha, item analysis, construct scores.

A construct (say *reliability* of the service) is measured by several items; its
score is only as trustworthy as the items agree. Cronbach's alpha,

    alpha = k / (k - 1) * (1 - sum(item variances) / variance(sum of items)),

is the share of the sum score's variance that is common to the items (a lower
bound of reliability when items measure one thing). 0.7 is the usual floor for
group comparisons. The standardized alpha uses the correlation matrix instead
(``k r̄ / (1 + (k - 1) r̄)``, ``r̄`` the mean inter-item correlation), as if every
item had unit variance.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"q1": [1, 2, 3, 4, 5], "q2": [2, 2, 3, 5, 4], "q3": [1, 3, 3, 4, 5]})
>>> round(cronbach_alpha(df, ["q1", "q2", "q3"]), 3)
0.945
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.checks import Interval, validate_params
from analysis.drivers._data import check_scale, numeric_block, prepare, weighted_corr
from analysis.errors import AnalysisWarning, DataValidationError, ParameterError

__all__ = ["construct_scores", "cronbach_alpha", "group_items", "item_analysis", "reliability"]


def _weighted_cov(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weighted covariance with the unbiased (frequency-weight) divisor sum(w) - 1.

    Pairwise-complete when ``x`` holds NaN: each covariance uses the rows where both
    items are answered, with those rows' means (as pandas ``DataFrame.cov``, pingouin
    and R ``cov(use="pairwise")``); without NaN it is the ordinary covariance.
    """
    present = ~np.isnan(x)
    if present.all():
        d = x - w @ x / w.sum()
        return (d * w[:, None]).T @ d / (w.sum() - 1.0)
    k = x.shape[1]
    cov = np.empty((k, k))
    for i in range(k):
        for j in range(i, k):
            both = present[:, i] & present[:, j]
            cov[i, j] = cov[j, i] = _weighted_cov(x[np.ix_(both, [i, j])], w[both])[0, 1]
    return cov


def _alpha_from_cov(cov: np.ndarray) -> float:
    k = cov.shape[0]
    return float(k / (k - 1) * (1.0 - np.trace(cov) / cov.sum()))


def _items_block(data, items, weight, missing, scale):
    items = list(items)
    if len(items) < 2:
        raise ParameterError(f"a construct needs at least 2 items for alpha; got {items}.")
    check_scale(numeric_block(data, items, "item"), scale, "item")
    return prepare(data, items, weight=weight, missing=missing, role="item", min_rows=3)


def cronbach_alpha(data: pd.DataFrame, items: Sequence[str], *, weight: str | None = None,
                   standardized: bool = False, missing: str = "listwise") -> float:
    """Cronbach's alpha of ``items`` (raw, or standardized from correlations).

    Parameters
    ----------
    standardized : bool
        False: raw alpha from the covariances; True: from the correlations.
    missing : {"listwise", "pairwise"}
        ``pairwise`` keeps every answered pair: raw alpha then comes from pairwise
        covariances (pingouin's default, R ``psych::alpha(use="pairwise")``); on
        complete data both policies give the same alpha.

    Examples
    --------
    >>> df = pd.DataFrame({"q1": [1, 2, 3, 4, 5], "q2": [2, 2, 3, 5, 4], "q3": [1, 3, 3, 4, 5]})
    >>> round(cronbach_alpha(df, ["q1", "q2", "q3"], standardized=True), 3)
    0.946
    """
    prep = _items_block(data, items, weight, missing, None)
    if standardized:
        return _alpha_from_cov(weighted_corr(prep.values, prep.weights))
    return _alpha_from_cov(_weighted_cov(prep.values, prep.weights))


def item_analysis(data: pd.DataFrame, items: Sequence[str], *, weight: str | None = None,
                  missing: str = "listwise", scale: tuple[float, float] | None = None) -> pd.DataFrame:
    """Per-item statistics of one construct.

    Returns
    -------
    DataFrame
        Indexed by ``item``: ``mean``, ``sd``, ``item_total_corr`` (corrected:
        correlation of the item with the sum of the *other* items),
        ``alpha_if_dropped`` (alpha of the remaining items; higher than the
        construct's alpha flags an item that does not belong). ``attrs`` holds
        ``alpha``, ``alpha_standardized`` and ``n``.

    Examples
    --------
    >>> df = pd.DataFrame({"q1": [1, 2, 3, 4, 5], "q2": [2, 2, 3, 5, 4], "q3": [5, 1, 4, 2, 3]})
    >>> item_analysis(df, ["q1", "q2", "q3"])["alpha_if_dropped"].round(2).tolist()
    [-0.62, -0.86, 0.91]
    """
    items = list(items)
    prep = _items_block(data, items, weight, missing, scale)
    x, w = prep.values, prep.weights
    cov = _weighted_cov(x, w)
    corr = weighted_corr(x, w)
    rows = []
    for j, item in enumerate(items):
        rest = [i for i in range(len(items)) if i != j]
        xj = x[:, j]
        others = x[:, rest]
        present = ~np.isnan(xj) & ~np.isnan(others).any(axis=1)
        ww = w[present]
        total = others[present].sum(axis=1)
        c = _weighted_cov(np.column_stack([xj[present], total]), ww)
        r_it = c[0, 1] / np.sqrt(c[0, 0] * c[1, 1])
        sub = cov[np.ix_(rest, rest)]
        alpha_drop = _alpha_from_cov(sub) if len(rest) >= 2 else np.nan
        v = xj[~np.isnan(xj)]
        wv = w[~np.isnan(xj)]
        mean = wv @ v / wv.sum()
        rows.append({"item": item, "mean": mean,
                     "sd": float(np.sqrt(wv @ (v - mean) ** 2 / (wv.sum() - 1))),
                     "item_total_corr": float(r_it), "alpha_if_dropped": alpha_drop})
    out = pd.DataFrame(rows).set_index("item")
    out.attrs.update({"alpha": _alpha_from_cov(cov),
                      "alpha_standardized": _alpha_from_cov(corr), "n": int(len(x)),
                      "missing": missing})
    return out


def reliability(data: pd.DataFrame, constructs: Mapping[str, Sequence[str]], *,
                weight: str | None = None, threshold: float = 0.7, missing: str = "listwise",
                scale: tuple[float, float] | None = None) -> pd.DataFrame:
    """Reliability of every construct, warning about those below ``threshold``.

    Parameters
    ----------
    constructs : mapping
        Construct name -> its item columns.
    threshold : float
        Alpha below which a construct is flagged unreliable (AnalysisWarning).

    Returns
    -------
    DataFrame
        Indexed by ``construct``: ``n_items``, ``n``, ``alpha``,
        ``alpha_standardized``, ``min_item_total_corr``, ``weakest_item``,
        ``best_alpha_if_dropped`` and ``reliable`` (alpha >= threshold).

    Examples
    --------
    >>> df = pd.DataFrame({"q1": [1, 2, 3, 4, 5], "q2": [2, 2, 3, 5, 4], "q3": [1, 3, 3, 4, 5]})
    >>> reliability(df, {"service": ["q1", "q2", "q3"]})["alpha"].round(3).tolist()
    [0.945]
    """
    if not constructs:
        raise ParameterError("constructs must map at least one construct name to its items.")
    rows = []
    for name, items in constructs.items():
        table = item_analysis(data, items, weight=weight, missing=missing, scale=scale)
        weakest = table["item_total_corr"].idxmin()
        rows.append({"construct": name, "n_items": len(items), "n": table.attrs["n"],
                     "alpha": table.attrs["alpha"], "alpha_standardized": table.attrs["alpha_standardized"],
                     "min_item_total_corr": table["item_total_corr"].min(), "weakest_item": weakest,
                     "best_alpha_if_dropped": table["alpha_if_dropped"].max()})
    out = pd.DataFrame(rows).set_index("construct")
    out["reliable"] = out["alpha"] >= threshold
    weak = out.loc[~out["reliable"]]
    if len(weak):
        warnings.warn(
            "unreliable construct(s): "
            + "; ".join(f"{c} (alpha {r.alpha:.2f}, weakest item {r.weakest_item})" for c, r in weak.iterrows())
            + f". Alpha below {threshold:g} means the items do not measure one thing well enough: "
            "inspect item_analysis(...) and drop or regroup items before using the score.",
            AnalysisWarning, stacklevel=2)
    return out


@validate_params({"min_answered": [Interval(float, 0, 1, closed="right")]})
def construct_scores(data: pd.DataFrame, constructs: Mapping[str, Sequence[str]], *,
                     min_answered: float = 0.5) -> pd.DataFrame:
    """Construct scores: the mean of each respondent's answered items.

    Parameters
    ----------
    constructs : mapping
        Construct name -> its item columns.
    min_answered : float
        Share of a construct's items a respondent must have answered for a score;
        otherwise the score is missing.

    Returns
    -------
    DataFrame
        Same index as ``data``, one column per construct (on the items' scale).

    Examples
    --------
    >>> df = pd.DataFrame({"q1": [1, 2, None], "q2": [3, 4, 5]})
    >>> construct_scores(df, {"service": ["q1", "q2"]})["service"].tolist()
    [2.0, 3.0, 5.0]
    """
    out = {}
    for name, items in constructs.items():
        block = numeric_block(data, list(items), "item")
        answered = block.notna().mean(axis=1)
        out[name] = block.mean(axis=1).where(answered >= min_answered)
    if not out:
        raise ParameterError("constructs must map at least one construct name to its items.")
    return pd.DataFrame(out, index=data.index)


def group_items(columns: Sequence[str], pattern: str = r"^perc_(?P<construct>.+)_\d+$") -> dict[str, list[str]]:
    """Group item columns into constructs by a regular expression.

    ``pattern`` must have a named group ``construct``; columns that do not match are
    ignored. Constructs keep the order in which they first appear.

    Examples
    --------
    >>> group_items(["id", "perc_speed_1", "perc_speed_2", "perc_staff_1"])
    {'speed': ['perc_speed_1', 'perc_speed_2'], 'staff': ['perc_staff_1']}
    """
    regex = re.compile(pattern)
    if "construct" not in regex.groupindex:
        raise ParameterError(f"pattern {pattern!r} needs a named group (?P<construct>...).")
    groups: dict[str, list[str]] = {}
    for c in columns:
        m = regex.match(str(c))
        if m:
            groups.setdefault(m.group("construct"), []).append(str(c))
    if not groups:
        raise DataValidationError(f"no column matches the item pattern {pattern!r}; columns: {list(columns)}.")
    return groups
