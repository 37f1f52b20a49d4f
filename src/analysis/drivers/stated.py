"""Derived versus stated importance.

*Stated* importance is what respondents say matters ("How important is ... to
you?"); *derived* importance is what statistically moves their overall
judgement (relative importance, regression, PLS total effects). The two often
disagree: attributes everyone calls important but that do not separate satisfied
from dissatisfied customers behave like *basic expectations* (must-be
qualities); attributes that move satisfaction although few name them are
*hidden drivers*. :func:`stated_vs_derived` sets the two rankings side by side
with Spearman's rank correlation between them.

Examples
--------
>>> import pandas as pd
>>> derived = pd.Series({"speed": 0.5, "staff": 0.3, "price": 0.2})
>>> stated = pd.Series({"speed": 6.1, "staff": 5.2, "price": 6.5})
>>> stated_vs_derived(derived, stated)[["derived_rank", "stated_rank"]].to_dict("list")
{'derived_rank': [1.0, 2.0, 3.0], 'stated_rank': [2.0, 3.0, 1.0]}
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from scipy import stats

from analysis.drivers._data import numeric_block, weight_vector
from analysis.errors import DataValidationError, ParameterError

__all__ = ["IMPORTANCE_CLASSES", "stated_vs_derived"]

IMPORTANCE_CLASSES = ("key_driver", "hidden_driver", "basic_expectation", "minor")


def _as_series(values, name: str) -> pd.Series:
    if isinstance(values, pd.DataFrame):
        for col in ("share", "importance", "total_effect", name):
            if col in values.columns:
                return values[col].astype(float)
        raise ParameterError(f"{name} frame needs a 'share', 'importance' or 'total_effect' column; "
                             f"got {list(values.columns)}.")
    if isinstance(values, pd.Series):
        return values.astype(float)
    raise ParameterError(f"{name} must be a pandas Series or DataFrame; got {type(values).__name__}.")


def stated_vs_derived(derived: pd.Series | pd.DataFrame, stated: pd.Series | pd.DataFrame | Mapping[str, str], *,
                      data: pd.DataFrame | None = None, weight: str | None = None) -> pd.DataFrame:
    """Compare derived with stated importance: ranks, rank gaps, classes and Spearman's rho.

    Parameters
    ----------
    derived : Series or DataFrame
        Derived importance per attribute (larger = more important), or the output
        of :func:`~analysis.drivers.relative_importance` / :func:`~analysis.drivers.ipma`
        (its ``share``, ``importance`` or ``total_effect`` column).
    stated : Series, DataFrame or mapping
        Stated importance per attribute (e.g. mean rating of "how important"), or a
        mapping ``{attribute: stated-importance column}`` whose (weighted) means are
        taken from ``data``.
    data : DataFrame, optional
        The survey, needed when ``stated`` is a mapping.
    weight : str, optional
        Survey-weight column of ``data``.

    Returns
    -------
    DataFrame
        Indexed by ``attribute`` in the order of ``derived``: ``derived``,
        ``stated``, ``derived_rank`` and ``stated_rank`` (1 = most important,
        ties share the average rank), ``rank_gap`` (stated rank minus derived
        rank; positive = more important than respondents say) and ``class``:
        ``key_driver`` (both at or above the median rank), ``hidden_driver``
        (derived high, stated low), ``basic_expectation`` (stated high, derived
        low) or ``minor``. ``attrs`` hold ``spearman_rho``, ``p_value`` (two-sided,
        from :func:`scipy.stats.spearmanr`) and ``n``.

    Examples
    --------
    >>> d = pd.Series({"a": 0.4, "b": 0.3, "c": 0.2, "d": 0.1})
    >>> s = pd.Series({"a": 6.0, "b": 5.0, "c": 4.0, "d": 3.0})
    >>> stated_vs_derived(d, s).attrs["spearman_rho"]
    1.0
    """
    der = _as_series(derived, "derived")
    if isinstance(stated, Mapping) and not isinstance(stated, pd.Series):
        if data is None:
            raise ParameterError("stated is a mapping of attribute -> column, so pass the survey as data=.")
        cols = list(stated.values())
        block = numeric_block(data, cols, "stated-importance")
        w = weight_vector(data, weight)
        means = {}
        for attr, col in stated.items():
            v = block[col].to_numpy()
            keep = ~np.isnan(v)
            if not keep.any():
                raise DataValidationError(f"stated-importance column {col!r} has no answers.")
            means[attr] = float(w[keep] @ v[keep] / w[keep].sum())
        sta = pd.Series(means)
    else:
        sta = _as_series(stated, "stated")
    missing = [a for a in der.index if a not in sta.index]
    if missing:
        raise ParameterError(f"no stated importance for attribute(s) {missing}; stated has {list(sta.index)}.")
    if der.isna().any() or sta.loc[der.index].isna().any():
        raise DataValidationError("derived and stated importance must not contain missing values.")
    if len(der) < 3:
        raise ParameterError(f"comparing rankings needs at least 3 attributes; got {len(der)}.")
    out = pd.DataFrame({"derived": der, "stated": sta.loc[der.index]})
    out.index.name = "attribute"
    out["derived_rank"] = out["derived"].rank(ascending=False, method="average")
    out["stated_rank"] = out["stated"].rank(ascending=False, method="average")
    out["rank_gap"] = out["stated_rank"] - out["derived_rank"]
    mid = (len(out) + 1) / 2
    hi_d, hi_s = out["derived_rank"] <= mid, out["stated_rank"] <= mid
    out["class"] = np.select([hi_d & hi_s, hi_d & ~hi_s, ~hi_d & hi_s], list(IMPORTANCE_CLASSES[:3]), "minor")
    if out["derived"].nunique() == 1 or out["stated"].nunique() == 1:
        rho, p = np.nan, np.nan
    else:
        res = stats.spearmanr(out["derived"], out["stated"])
        rho, p = float(res.statistic), float(res.pvalue)
    out.attrs.update({"spearman_rho": rho, "p_value": p, "n": len(out)})
    return out

