"""Input checks and weighted moments shared by the drivers modules.

Surveys reach these functions already validated by :mod:`analysis.schemas`; the
checks here are the ones only an analysis can make (a column it was asked to use
is missing or not numeric, a rating is constant, two ratings are collinear, too
few complete answers) and each raises a message that says what to change.
"""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.checks import shown
from analysis.errors import AnalysisWarning, DataValidationError, ParameterError
from analysis.schemas import number_hint

MISSING_POLICIES = ("listwise", "pairwise")


def _rows(index: Sequence[int], values: Sequence[object], k: int = 5) -> str:
    pairs = [f"row {int(i) + 1}: {shown(v)}" for i, v in zip(index[:k], values[:k], strict=False)]
    return ", ".join(pairs)


def check_columns(data: pd.DataFrame, columns: Sequence[str], role: str) -> None:
    """Raise when a column named for ``role`` is missing from ``data``."""
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(f"data must be a pandas DataFrame; got {type(data).__name__}.")
    missing = [c for c in columns if c not in data.columns]
    if missing:
        hints = []
        for c in missing:
            close = difflib.get_close_matches(str(c), [str(x) for x in data.columns], n=1)
            hints.append(f"{c!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        raise DataValidationError(
            f"{role} column(s) {', '.join(hints)} not found in the survey; "
            f"available columns: {list(map(str, data.columns))}."
        )
    duplicated = sorted({c for c in columns if list(columns).count(c) > 1})
    if duplicated:
        raise ParameterError(f"{role} column(s) {duplicated} are listed more than once.")


def numeric_block(data: pd.DataFrame, columns: Sequence[str], role: str) -> pd.DataFrame:
    """The columns as float64; raise naming the first non-numeric values."""
    check_columns(data, columns, role)
    out = {}
    for c in columns:
        col = data[c]
        if col.dtype == bool:
            out[c] = col.astype("float64")
            continue
        converted = pd.to_numeric(col, errors="coerce")
        bad = converted.isna() & col.notna()
        if bad.any():
            pos = np.flatnonzero(bad.to_numpy())
            raise DataValidationError(
                f"{role} column {c!r} must hold numbers; {int(bad.sum())} value(s) are not "
                f"numeric ({_rows(pos, col.iloc[pos[:5]].tolist())}). "
                f"{number_hint(col.iloc[pos[:200]].tolist(), 'survey', c)}."
            )
        out[c] = converted.astype("float64")
    return pd.DataFrame(out, index=data.index)


def check_scale(block: pd.DataFrame, scale: tuple[float, float] | None, role: str) -> None:
    """Raise when a rating lies outside the declared scale ``(low, high)``."""
    if scale is None:
        return
    lo, hi = scale
    if not lo < hi:
        raise ParameterError(f"scale must be (low, high) with low < high; got {shown(scale)}.")
    for c in block.columns:
        v = block[c].to_numpy()
        bad = np.flatnonzero(~np.isnan(v) & ((v < lo) | (v > hi)))
        if bad.size:
            raise DataValidationError(
                f"{role} column {c!r} has {bad.size} value(s) outside the declared scale "
                f"{lo:g}-{hi:g} ({_rows(bad, v[bad].tolist())}). Fix the values, map them to "
                f"missing, or declare the right scale."
            )


def weight_vector(data: pd.DataFrame, weight: str | None) -> np.ndarray:
    """Survey weights as float64 (ones when ``weight`` is None); raise on bad weights."""
    if weight is None:
        return np.ones(len(data))
    w = numeric_block(data, [weight], "weight")[weight].to_numpy()
    bad = np.flatnonzero(np.isnan(w) | (w < 0) | ~np.isfinite(w))
    if bad.size:
        raise DataValidationError(
            f"weight column {weight!r} must hold finite numbers >= 0; {bad.size} row(s) break "
            f"this ({_rows(bad, w[bad].tolist())})."
        )
    if w.sum() <= 0:
        raise DataValidationError(f"weight column {weight!r} sums to zero.")
    return w


@dataclass(frozen=True)
class Prepared:
    """Numeric analysis matrix after the missing-data policy."""

    values: np.ndarray  # (n, q), NaN kept only under the pairwise policy
    weights: np.ndarray  # (n,)
    columns: list[str]
    n_total: int
    n_complete: int
    missing: str


def prepare(
    data: pd.DataFrame,
    columns: Sequence[str],
    *,
    weight: str | None = None,
    missing: str = "listwise",
    role: str = "rating",
    min_rows: int | None = None,
) -> Prepared:
    """Select numeric ``columns``, apply the missing-data policy and check the result.

    ``listwise`` drops every row with a missing answer in any of ``columns`` (with an
    :class:`~analysis.errors.AnalysisWarning` saying how many); ``pairwise`` keeps
    them and lets each correlation use the rows where both answers exist.
    """
    if missing not in MISSING_POLICIES:
        raise ParameterError(f"missing must be one of {MISSING_POLICIES}; got {missing!r}.")
    block = numeric_block(data, list(columns), role)
    w = weight_vector(data, weight)
    values = block.to_numpy()
    complete = ~np.isnan(values).any(axis=1)
    n_total, n_complete = len(values), int(complete.sum())
    if missing == "listwise":
        if n_complete < n_total:
            per_col = {c: int(block[c].isna().sum()) for c in block.columns if block[c].isna().any()}
            warnings.warn(
                f"{n_total - n_complete} of {n_total} respondents have a missing answer "
                f"(missing per column: {per_col}) and were dropped (listwise deletion); pass "
                f"missing='pairwise' to use every available pair of answers.",
                AnalysisWarning,
                stacklevel=3,
            )
        values, w = values[complete], w[complete]
    need = min_rows if min_rows is not None else 3
    n_used = len(values) if missing == "listwise" else int((~np.isnan(values)).sum(axis=0).min())
    if n_used < need:
        raise DataValidationError(
            f"only {n_used} usable respondents for {len(columns)} columns {list(columns)}; "
            f"this analysis needs at least {need} (more respondents than predictors + 1)."
        )
    for j, c in enumerate(columns):
        v = values[:, j]
        v = v[~np.isnan(v)]
        if v.size and np.ptp(v) == 0:
            raise DataValidationError(
                f"{role} column {c!r} has the same value ({v[0]:g}) for every used respondent, "
                f"so it cannot explain or be explained by anything; drop it from the analysis."
            )
    return Prepared(values, w, list(columns), n_total, n_complete, missing)


def weighted_corr(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted Pearson correlations for a batch of weight vectors, pairwise-complete.

    ``values`` is (n, q) and may hold NaN; ``weights`` is (n,) or (B, n). Returns
    (q, q) or (B, q, q). Each correlation uses the rows where both variables are
    present (identical to listwise when nothing is missing).
    """
    single = weights.ndim == 1
    wt = np.atleast_2d(weights)
    present = ~np.isnan(values)
    centre = np.nanmean(values, axis=0) if present.any() else 0.0  # guards against cancellation
    x = np.where(present, values - centre, 0.0)
    m = present.astype(float)
    n, q = x.shape

    def outer(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return (a[:, :, None] * b[:, None, :]).reshape(n, q * q)

    s1 = (wt @ outer(m, m)).reshape(-1, q, q)
    sx = (wt @ outer(x, m)).reshape(-1, q, q)  # sum of x_i over rows with i, j present
    sxx = (wt @ outer(x * x, m)).reshape(-1, q, q)
    sxy = (wt @ outer(x, x)).reshape(-1, q, q)
    sy = np.swapaxes(sx, 1, 2)
    syy = np.swapaxes(sxx, 1, 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        cov = sxy - sx * sy / s1
        vx = sxx - sx * sx / s1
        vy = syy - sy * sy / s1
        r = cov / np.sqrt(vx * vy)
    idx = np.arange(q)
    r[:, idx, idx] = 1.0
    r = np.clip((r + np.swapaxes(r, 1, 2)) / 2, -1.0, 1.0)
    return r[0] if single else r


def collinearity_message(corr: np.ndarray, names: Sequence[str], tol: float = 1e-10) -> str | None:
    """Describe an exact (or numerically exact) linear dependency among predictors."""
    eigval, eigvec = np.linalg.eigh(corr)
    if eigval[0] > tol * max(1.0, eigval[-1]):
        return None
    v = eigvec[:, 0]
    involved = [names[i] for i in np.flatnonzero(np.abs(v) > 1e-3)]
    return (
        f"predictors {involved} are perfectly collinear (one is a linear combination of the "
        f"others; smallest eigenvalue of their correlation matrix {eigval[0]:.2e}). Their "
        f"separate effects cannot be told apart: drop one of them or combine them into a "
        f"construct score."
    )


def percentile_tails(alpha: float) -> tuple[float, float]:
    """Lower and upper quantiles of a ``1 - alpha`` percentile interval.

    Computed from the level ``1 - alpha`` (as the intervals were when the level was the
    parameter), so the quantile positions, and every interval, stay the same to the bit.

    Examples
    --------
    >>> percentile_tails(0.05)
    (0.025000000000000022, 0.975)
    """
    level = 1 - alpha
    low = (1 - level) / 2
    return low, 1 - low
