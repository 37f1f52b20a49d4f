"""One shape for results.

Every table of estimates in the package has the columns :data:`ESTIMATE_COLUMNS`
(``estimate``, ``std_error``, ``ci_low``, ``ci_high``, ``p_value``), in that order,
followed by what is specific to the method; a column a method cannot fill is
``NaN`` (a p-value of a variance parameter, say), never missing. Every model and
result object has ``summary()`` as a method returning a DataFrame and a
``__repr__``; omnibus tests are one-row DataFrames. The confidence level is given
everywhere as ``alpha`` (intervals are ``1 - alpha`` intervals).

Examples
--------
>>> import numpy as np
>>> from analysis.results import estimate_table
>>> t = estimate_table(["a", "b"], [1.0, 2.0], [0.5, 0.5], alpha=0.05)
>>> list(t.columns)
['estimate', 'std_error', 'ci_low', 'ci_high', 'p_value']
>>> round(float(t.loc["a", "ci_low"]), 4), round(float(t.loc["b", "p_value"]), 6)
(0.02, 6.3e-05)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from analysis.checks import check_alpha

__all__ = ["ESTIMATE_COLUMNS", "estimate_table", "order_estimate_columns", "ResultMixin"]

#: the columns every estimate table starts with
ESTIMATE_COLUMNS = ("estimate", "std_error", "ci_low", "ci_high", "p_value")


def estimate_table(
    index: Sequence | pd.Index,
    estimate: Sequence[float],
    std_error: Sequence[float],
    *,
    alpha: float = 0.05,
    p_value: Sequence[float] | None = None,
    ci_low: Sequence[float] | None = None,
    ci_high: Sequence[float] | None = None,
    df: float | None = None,
    index_name: str | None = "parameter",
    **extra: Sequence,
) -> pd.DataFrame:
    """A table of estimates in the package's one shape.

    Intervals and p-values not given are normal-theory (Wald) values, or Student-t
    with ``df`` degrees of freedom: ``estimate +/- q * std_error`` and the two-sided
    p-value of ``estimate / std_error``.

    Parameters
    ----------
    index : sequence
        Row labels (parameter, term or driver names).
    estimate, std_error : sequence of float
        Point estimates and standard errors.
    alpha : float, default 0.05
        One minus the confidence level of the intervals.
    p_value, ci_low, ci_high : sequence of float, optional
        Given values replace the Wald ones (e.g. bootstrap or log-scale intervals).
    df : float, optional
        Degrees of freedom for t-based intervals and p-values.
    index_name : str, default "parameter"
        Name of the index.
    **extra : sequence
        Further columns specific to the method, added after the standard ones.

    Returns
    -------
    DataFrame
        Columns ``estimate, std_error, ci_low, ci_high, p_value`` then ``extra``.
    """
    from scipy import stats  # every result module imports this one; SciPy loads where intervals are computed

    alpha = check_alpha(alpha, "estimate_table")
    est = np.asarray(estimate, dtype=float)
    se = np.asarray(std_error, dtype=float)
    dist = stats.t(df) if df is not None else stats.norm()
    q = dist.ppf(1 - alpha / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        wald_p = 2 * dist.sf(np.abs(est / se))
    out = pd.DataFrame(
        {
            "estimate": est,
            "std_error": se,
            "ci_low": est - q * se if ci_low is None else np.asarray(ci_low, dtype=float),
            "ci_high": est + q * se if ci_high is None else np.asarray(ci_high, dtype=float),
            "p_value": wald_p if p_value is None else np.asarray(p_value, dtype=float),
        },
        index=pd.Index(index, name=index_name),
    )
    for name, values in extra.items():
        out[name] = list(values) if not isinstance(values, (np.ndarray, pd.Series)) else np.asarray(values)
    return out


def order_estimate_columns(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the standard columns first (missing ones added as NaN).

    Examples
    --------
    >>> order_estimate_columns(pd.DataFrame({"n": [3], "estimate": [1.0]})).columns.tolist()
    ['estimate', 'std_error', 'ci_low', 'ci_high', 'p_value', 'n']
    """
    out = table.copy()
    for col in ESTIMATE_COLUMNS:
        if col not in out.columns:
            out[col] = np.nan
    rest = [c for c in out.columns if c not in ESTIMATE_COLUMNS]
    return out[list(ESTIMATE_COLUMNS) + rest]


class ResultMixin:
    """``__repr__`` for result objects and fitted models: the class and its ``summary()``.

    A class using it defines ``summary()`` returning a DataFrame; unfitted models
    (whose ``summary`` raises) show their settings instead.
    """

    def summary(self) -> pd.DataFrame:  # pragma: no cover - overridden
        raise NotImplementedError

    def _repr_settings(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if not k.startswith("_") and not k.endswith("_")}

    def __repr__(self) -> str:
        name = type(self).__name__
        try:
            table = self.summary()
        except Exception:  # noqa: BLE001 - not fitted, or nothing to summarise yet
            settings = ", ".join(f"{k}={v!r}" for k, v in self._repr_settings().items()
                                 if not isinstance(v, (pd.DataFrame, pd.Series, np.ndarray)))
            return f"{name}({settings})"
        with pd.option_context("display.max_rows", 20, "display.width", 100):
            return f"{name}\n{table.round(6).to_string()}"
