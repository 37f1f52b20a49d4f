"""Relative importance of correlated drivers: LMG/Shapley, relative weights, dominance.

Survey ratings correlate (a customer happy with the staff tends to rate the waiting
time well too), so regression coefficients split the shared part of the explained
variance arbitrarily between them. Relative importance instead divides the model's
R² among the predictors:

* **LMG** (Lindeman, Merenda & Gold 1980), identical to the **Shapley value** of R²:
  each predictor's R² increment averaged over every order in which the predictors
  could enter the model. It is exact here, computed from the correlation matrix:
  the R² of all 2^p subsets is obtained once, each from its parent subset by one
  Cholesky-row update (``O(k p)`` per subset instead of a fresh regression), and the
  Shapley weights are applied to the stored R² values. Exact LMG is exponential in
  ``p``; ``MAX_EXACT_P`` is the largest ``p`` that ran in under a minute on the
  development machine (2 shared cores; see ``benchmarks/drivers_lmg.py``). Above it
  the Shapley value is estimated from random orderings, with its Monte Carlo error.
* **Relative weights** (Johnson 2000): regress the outcome on the closest orthogonal
  counterparts of the predictors and map the squared weights back. Cheap for any
  ``p`` and usually within a few percent of LMG.
* **Dominance analysis** (Budescu 1993; Azen & Budescu 2003): complete, conditional
  and general dominance from the same subset R² values (general dominance = LMG).

Bootstrap intervals resample respondents (with their survey weights) and recompute
everything on each replicate; the same seed gives identical intervals.

Examples
--------
>>> import numpy as np, pandas as pd
>>> rng = np.random.default_rng(1)
>>> x = rng.normal(size=(300, 3))
>>> df = pd.DataFrame(x, columns=["staff", "speed", "price"])
>>> df["overall"] = x @ [0.6, 0.3, 0.1] + rng.normal(size=300)
>>> imp = relative_importance(df, "overall", ["staff", "speed", "price"])
>>> imp["share"].round(2).tolist()
[0.84, 0.16, 0.01]
>>> bool(np.isclose(imp["importance"].sum(), imp.attrs["r2"]))
True
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.drivers._data import (
    check_scale,
    collinearity_message,
    numeric_block,
    prepare,
    weighted_corr,
)
from analysis.errors import AnalysisWarning, DataValidationError, NotFittedError, ParameterError

__all__ = [
    "MAX_EXACT_P",
    "METHODS",
    "DominanceResult",
    "RelativeImportance",
    "dominance_analysis",
    "importance_differences",
    "lmg_from_corr",
    "relative_importance",
    "relative_weights_from_corr",
    "subset_r2",
]

#: Largest number of predictors for which exact LMG ran in under a minute on the
#: development machine, 2 cores shared with other jobs (``benchmarks/drivers_lmg.py
#: --search``): p = 20 in 1.2-5 s, 22 in 6-14 s, 23 in 42 s, 24 in 28 s when the
#: machine was idle but 64 s under load. Each extra predictor doubles the time.
MAX_EXACT_P = 23
METHODS = ("lmg", "relative_weights", "shapley_sampled")
_SINGULAR_TOL = 1e-12
_MAX_ELEMENTS = 1_500_000  # floats held per expansion step (~12 MB)


# ----------------------------------------------------------------------------- engine
def _as_batch(corr: np.ndarray) -> tuple[np.ndarray, bool]:
    c = np.asarray(corr, dtype=float)
    if c.ndim == 2:
        return c[None], True
    if c.ndim != 3 or c.shape[1] != c.shape[2]:
        raise ParameterError(f"corr must be a square matrix or a stack of them; got shape {c.shape}.")
    return c, False


def subset_r2(corr: np.ndarray) -> np.ndarray:
    """R² of the last variable regressed on every subset of the others.

    Parameters
    ----------
    corr : ndarray, shape (q, q) or (B, q, q)
        Correlation matrix (or a stack of them) with the outcome in the last
        row/column and the ``p = q - 1`` predictors before it.

    Returns
    -------
    ndarray, shape (2**p,) or (B, 2**p)
        Entry ``m`` is the R² of the subset whose members are the set bits of ``m``
        (bit ``i`` = predictor ``i``); entry 0 is 0. Subsets on which the predictors
        are singular are NaN.

    Notes
    -----
    Subsets are enumerated as a tree (a subset's parent drops its highest-index
    member). Each subset keeps ``G = L⁻¹ R[S, :]``, the rows of the inverse
    Cholesky factor of its correlation block applied to every variable; adding
    predictor ``j`` appends one row, ``g = (R[j, :] - l'G) / sqrt(1 - l'l)`` with
    ``l = G[:, j]``, and raises R² by ``g[y]²``. Work is done breadth-first in
    batches of bounded size so memory stays small for any ``p``.

    Examples
    --------
    >>> r = np.array([[1.0, 0.5, 0.6], [0.5, 1.0, 0.7], [0.6, 0.7, 1.0]])
    >>> subset_r2(r).round(4).tolist()
    [0.0, 0.36, 0.49, 0.5733]
    """
    c, single = _as_batch(corr)
    b, q, _ = c.shape
    p = q - 1
    if p > 30:
        raise ParameterError(f"subset_r2 enumerates 2**p subsets; p = {p} is far too many.")
    out = np.full((b, 1 << p), np.nan)
    out[:, 0] = 0.0
    if p >= 1:
        stack = [(c[:, :p, None, :].copy(), c[:, :p, p] ** 2, 1 << np.arange(p), np.arange(p))]
        while stack:
            g, r2, masks, last = stack.pop()
            out[:, masks] = r2
            counts = p - 1 - last
            total = int(counts.sum())
            if total == 0:
                continue
            k = g.shape[2]
            per_child = b * (k + 1) * q
            target = max(1, _MAX_ELEMENTS // per_child)
            if total > target and len(last) > 1:
                # split the parents so that each piece expands to a bounded batch
                piece = (np.cumsum(counts) - counts) // target
                bounds = np.concatenate([[0], np.flatnonzero(np.diff(piece)) + 1, [len(last)]])
                if len(bounds) > 2:
                    for lo, hi in zip(bounds[:-1][::-1], bounds[1:][::-1], strict=True):
                        stack.append((g[:, lo:hi], r2[:, lo:hi], masks[lo:hi], last[lo:hi]))
                    continue
            par = np.repeat(np.arange(len(last)), counts)
            starts = np.cumsum(counts) - counts
            j = np.repeat(last + 1, counts) + (np.arange(total) - np.repeat(starts, counts))
            gp = g[:, par]  # (b, m, k, q)
            ell = np.take_along_axis(gp, j[None, :, None, None], axis=3)[..., 0]  # (b, m, k)
            d2 = 1.0 - np.einsum("bmk,bmk->bm", ell, ell)
            with np.errstate(invalid="ignore", divide="ignore"):
                d = np.sqrt(np.where(d2 > _SINGULAR_TOL, d2, np.nan))
                new = (c[:, j, :] - np.einsum("bmk,bmkq->bmq", ell, gp)) / d[..., None]
            child_r2 = r2[:, par] + new[..., p] ** 2
            child_g = np.concatenate([gp, new[:, :, None, :]], axis=2)
            stack.append((child_g, child_r2, masks[par] | (1 << j), j))
    return out[0] if single else out


def _shapley_weights(p: int) -> np.ndarray:
    return np.array([math.factorial(k) * math.factorial(p - k - 1) / math.factorial(p) for k in range(p)])


def _lmg_from_subsets(r2: np.ndarray, p: int) -> np.ndarray:
    """Shapley/LMG shares from subset R² values, shape (B, 2**p) -> (B, p)."""
    idx = np.arange(1 << p)
    size = np.bitwise_count(idx)
    w = _shapley_weights(p)
    out = np.empty((r2.shape[0], p))
    for i in range(p):
        bit = 1 << i
        s = idx[(idx & bit) == 0]
        out[:, i] = (r2[:, s | bit] - r2[:, s]) @ w[size[s]]
    return out


def _conditional_from_subsets(r2: np.ndarray, p: int) -> np.ndarray:
    """Average R² increment of each predictor by size of the subset it joins: (B, p, p)."""
    idx = np.arange(1 << p)
    size = np.bitwise_count(idx)
    out = np.empty((r2.shape[0], p, p))
    for i in range(p):
        bit = 1 << i
        s = idx[(idx & bit) == 0]
        onehot = np.zeros((s.size, p))
        onehot[np.arange(s.size), size[s]] = 1.0
        out[:, i, :] = (r2[:, s | bit] - r2[:, s]) @ onehot / onehot.sum(axis=0)
    return out


def lmg_from_corr(corr: np.ndarray) -> np.ndarray:
    """Exact LMG (Shapley) decomposition of R² from a correlation matrix.

    Parameters
    ----------
    corr : ndarray, shape (q, q) or (B, q, q)
        Correlations with the outcome last.

    Returns
    -------
    ndarray, shape (p,) or (B, p)
        Each predictor's share of R² (in R² units; they sum to the full-model R²).

    Examples
    --------
    >>> r = np.array([[1.0, 0.5, 0.6], [0.5, 1.0, 0.7], [0.6, 0.7, 1.0]])
    >>> lmg_from_corr(r).round(4).tolist()
    [0.2217, 0.3517]
    """
    c, single = _as_batch(corr)
    p = c.shape[1] - 1
    out = _lmg_from_subsets(subset_r2(c), p)
    return out[0] if single else out


def relative_weights_from_corr(corr: np.ndarray) -> np.ndarray:
    """Johnson's (2000) relative weights from a correlation matrix (outcome last).

    With ``Λ = R_xx^{1/2}`` (the correlations between the predictors and their
    closest orthonormal counterparts) and ``β = Λ⁻¹ r_xy`` (the outcome regressed on
    those counterparts), predictor ``j`` gets ``Σ_k Λ_jk² β_k²``; the weights sum to R².

    Examples
    --------
    >>> r = np.array([[1.0, 0.5, 0.6], [0.5, 1.0, 0.7], [0.6, 0.7, 1.0]])
    >>> relative_weights_from_corr(r).round(4).tolist()  # equal to LMG when p = 2
    [0.2217, 0.3517]
    """
    c, single = _as_batch(corr)
    p = c.shape[1] - 1
    rxx, rxy = c[:, :p, :p], c[:, :p, p]
    val, vec = np.linalg.eigh(rxx)
    val = np.where(val > _SINGULAR_TOL, val, np.nan)
    lam = (vec * np.sqrt(val)[:, None, :]) @ np.swapaxes(vec, 1, 2)
    beta = ((vec / np.sqrt(val)[:, None, :]) @ np.swapaxes(vec, 1, 2) @ rxy[..., None])[..., 0]
    out = (lam**2) @ (beta**2)[..., None]
    return out[0, :, 0] if single else out[..., 0]


def _shapley_sampled(c: np.ndarray, n_perm: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Shapley values of R² from random orderings: (B, p) means and Monte Carlo SEs.

    For an ordering, the last row of the Cholesky factor of the reordered correlation
    matrix (outcome last) holds the square roots of the successive R² increments.
    """
    b, q, _ = c.shape
    p = q - 1
    total = np.zeros((b, p))
    total_sq = np.zeros((b, p))
    done = 0
    step = max(1, min(n_perm, 200_000 // (q * q)))
    while done < n_perm:
        m = min(step, n_perm - done)
        perms = np.argsort(rng.random((m, p)), axis=1)
        order = np.concatenate([perms, np.full((m, 1), p)], axis=1)
        sub = c[:, order[:, :, None], order[:, None, :]]  # (b, m, q, q)
        chol = np.linalg.cholesky(sub)
        inc = chol[..., p, :p] ** 2  # increments in ordering positions
        contrib = np.empty_like(inc)
        np.put_along_axis(contrib, np.broadcast_to(perms, inc.shape), inc, axis=-1)
        total += contrib.sum(axis=1)
        total_sq += (contrib**2).sum(axis=1)
        done += m
    mean = total / n_perm
    var = np.maximum(total_sq / n_perm - mean**2, 0.0) * n_perm / max(n_perm - 1, 1)
    return mean, np.sqrt(var / n_perm)


# ------------------------------------------------------------------------- public API
def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ParameterError(f"method must be one of {METHODS}; got {method!r}.")


def _prepare_corr(data, outcome, predictors, weight, missing, scale=None):
    predictors = list(predictors)
    if not predictors:
        raise ParameterError("predictors must name at least one column.")
    if outcome in predictors:
        raise ParameterError(f"outcome {outcome!r} is also listed among the predictors.")
    prep = prepare(data, predictors + [outcome], weight=weight, missing=missing,
                   min_rows=len(predictors) + 2)
    check_scale(numeric_block(data, predictors, "rating"), scale, "rating")
    corr = weighted_corr(prep.values, prep.weights)
    if np.isnan(corr).any():
        raise DataValidationError(
            "some pair of columns has no respondents who answered both (pairwise deletion); "
            "use missing='listwise' or drop the sparse column."
        )
    message = collinearity_message(corr[:-1, :-1], predictors)
    if message:
        raise DataValidationError(message)
    if np.linalg.eigvalsh(corr)[0] < -1e-10:
        raise DataValidationError(
            "the pairwise-deletion correlation matrix is not positive definite (answers are "
            "missing in an inconsistent pattern); use missing='listwise'."
        )
    return prep, corr


def _statistic(method: str, corr: np.ndarray, n_perm: int, rng) -> tuple[np.ndarray, np.ndarray | None]:
    if method == "lmg":
        return lmg_from_corr(corr), None
    if method == "relative_weights":
        return relative_weights_from_corr(corr), None
    c, single = _as_batch(corr)
    mean, se = _shapley_sampled(c, n_perm, rng)
    return (mean[0], se[0]) if single else (mean, se)


def _bootstrap_corrs(prep, n_boot: int, rng: np.random.Generator, chunk: int):
    n = len(prep.values)
    for start in range(0, n_boot, chunk):
        m = min(chunk, n_boot - start)
        draws = rng.integers(0, n, size=(m, n))
        counts = np.bincount((draws + n * np.arange(m)[:, None]).ravel(), minlength=m * n).reshape(m, n)
        yield weighted_corr(prep.values, counts * prep.weights[None, :])


def _rank(values: np.ndarray) -> np.ndarray:
    """Rank 1 = largest, along the last axis."""
    return np.argsort(np.argsort(-values, axis=-1, kind="stable"), axis=-1, kind="stable") + 1


class RelativeImportance:
    """Relative importance of drivers with bootstrap intervals (scikit-learn style).

    Parameters
    ----------
    method : {"lmg", "relative_weights", "shapley_sampled"}
        ``"lmg"`` is exact up to ``MAX_EXACT_P`` predictors; above that it switches
        to ``"shapley_sampled"`` with an :class:`~analysis.errors.AnalysisWarning`.
    n_boot : int
        Bootstrap replicates for intervals (0 = none).
    ci : float
        Confidence level of the percentile intervals.
    seed : int or numpy.random.Generator, optional
        Randomness for the bootstrap and the sampled orderings.
    missing : {"listwise", "pairwise"}
        Missing-answer policy (stated in the output's ``attrs``).
    n_permutations : int
        Orderings drawn by ``"shapley_sampled"``.

    Attributes
    ----------
    importance_ : DataFrame
        See :func:`relative_importance`.
    r2_ : float
        R² of the full model.
    boot_ : ndarray, shape (n_valid_boot, p)
        Importance in each bootstrap replicate (in R² units).
    boot_r2_ : ndarray, shape (n_valid_boot,)

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> x = rng.normal(size=(200, 2))
    >>> df = pd.DataFrame({"a": x[:, 0], "b": x[:, 1], "y": x @ [1.0, 0.2] + rng.normal(size=200)})
    >>> ri = RelativeImportance(n_boot=200, seed=1).fit(df, "y", ["a", "b"])
    >>> ri.importance_.loc["a", "rank"], bool(ri.importance_.loc["a", "share_low"] > 0.6)
    (np.int64(1), True)
    """

    def __init__(self, method: str = "lmg", *, n_boot: int = 0, ci: float = 0.95,
                 seed: int | np.random.Generator | None = None, missing: str = "listwise",
                 n_permutations: int = 2000) -> None:
        self.method = method
        self.n_boot = n_boot
        self.ci = ci
        self.seed = seed
        self.missing = missing
        self.n_permutations = n_permutations

    def _check_params(self) -> None:
        _check_method(self.method)
        if not isinstance(self.n_boot, (int, np.integer)) or self.n_boot < 0:
            raise ParameterError(f"n_boot must be an int >= 0; got {self.n_boot!r}.")
        if 0 < self.n_boot < 50:
            raise ParameterError(f"n_boot must be 0 or at least 50 for percentile intervals; got {self.n_boot}.")
        if not 0 < self.ci < 1:
            raise ParameterError(f"ci must be in (0, 1); got {self.ci!r}.")
        if self.n_permutations < 10:
            raise ParameterError(f"n_permutations must be >= 10; got {self.n_permutations!r}.")

    def fit(self, data: pd.DataFrame, outcome: str, predictors: Sequence[str], *,
            weight: str | None = None, scale: tuple[float, float] | None = None) -> RelativeImportance:
        """Compute importances (and bootstrap intervals) for ``outcome`` on ``predictors``.

        ``scale`` = (low, high) checks that every predictor rating lies on that scale.

        Examples
        --------
        >>> df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6], "b": [2, 1, 4, 3, 6, 5],
        ...                    "y": [1, 3, 2, 5, 4, 6]})
        >>> RelativeImportance().fit(df, "y", ["a", "b"]).r2_.round(3)
        np.float64(0.981)
        """
        self._check_params()
        predictors = list(predictors)
        method = self.method
        if method == "lmg" and len(predictors) > MAX_EXACT_P:
            warnings.warn(
                f"exact LMG with {len(predictors)} predictors would take too long (limit "
                f"{MAX_EXACT_P}); estimating the Shapley values from {self.n_permutations} random "
                f"orderings instead (see the importance_se column).",
                AnalysisWarning, stacklevel=2,
            )
            method = "shapley_sampled"
        rng = np.random.default_rng(self.seed)
        prep, corr = _prepare_corr(data, outcome, predictors, weight, self.missing, scale)
        est, se = _statistic(method, corr, self.n_permutations, rng)
        r2 = float(corr[-1, :-1] @ np.linalg.solve(corr[:-1, :-1], corr[:-1, -1]))
        table = pd.DataFrame({"importance": est, "share": est / r2}, index=pd.Index(predictors, name="predictor"))
        if se is not None:
            table["importance_se"] = se
        table["rank"] = _rank(est[None, :])[0]
        boot = np.empty((0, len(predictors)))
        boot_r2 = np.empty(0)
        if self.n_boot:
            parts, parts_r2 = [], []
            chunk = max(1, min(self.n_boot, 2_000_000 // (len(prep.values) * len(predictors) + 1), 250))
            for c in _bootstrap_corrs(prep, self.n_boot, rng, chunk):
                bad = np.isnan(c).any(axis=(1, 2))
                c = np.where(bad[:, None, None], np.eye(c.shape[1]), c)
                val, _ = _statistic(method, c, max(200, self.n_permutations // 10), rng)
                rr = np.linalg.solve(c[:, :-1, :-1], c[:, :-1, -1:])[..., 0]
                r2b = np.einsum("bi,bi->b", c[:, -1, :-1], rr)
                val[bad] = np.nan
                parts.append(val)
                parts_r2.append(np.where(bad, np.nan, r2b))
            boot = np.concatenate(parts)
            boot_r2 = np.concatenate(parts_r2)
            keep = ~np.isnan(boot).any(axis=1) & ~np.isnan(boot_r2)
            if (~keep).any():
                warnings.warn(
                    f"{int((~keep).sum())} of {self.n_boot} bootstrap replicates were degenerate "
                    f"(a predictor constant or collinear in the resample) and were dropped.",
                    AnalysisWarning, stacklevel=2,
                )
            boot, boot_r2 = boot[keep], boot_r2[keep]
            a = (1 - self.ci) / 2
            shares = boot / boot_r2[:, None]
            ranks = _rank(boot)
            table["importance_low"], table["importance_high"] = np.quantile(boot, [a, 1 - a], axis=0)
            table["share_low"], table["share_high"] = np.quantile(shares, [a, 1 - a], axis=0)
            table["rank_low"], table["rank_high"] = np.quantile(ranks, [a, 1 - a], axis=0,
                                                                  method="inverted_cdf").astype(int)
        table.attrs.update({
            "method": method, "outcome": outcome, "r2": r2, "n": int(len(prep.values)),
            "n_total": prep.n_total, "n_complete": prep.n_complete, "missing": self.missing,
            "n_boot": int(len(boot)), "ci": self.ci, "weight": weight,
        })
        self.importance_ = table
        self.r2_ = np.float64(r2)
        self.boot_ = boot
        self.boot_r2_ = boot_r2
        self.corr_ = pd.DataFrame(corr, index=predictors + [outcome], columns=predictors + [outcome])
        return self

    def differences(self) -> pd.DataFrame:
        """Every pair's difference in importance with its bootstrap interval.

        Returns
        -------
        DataFrame
            One row per pair (``predictor_a`` listed before ``predictor_b`` in the
            fitted order): ``difference`` (importance a - b, R² units),
            ``difference_low``/``difference_high`` (percentile interval),
            ``prob_a_greater`` (share of replicates in which a > b) and
            ``significant`` (the interval excludes 0).

        Examples
        --------
        >>> rng = np.random.default_rng(0)
        >>> x = rng.normal(size=(200, 2))
        >>> df = pd.DataFrame({"a": x[:, 0], "b": x[:, 1], "y": x @ [1.0, 0.2] + rng.normal(size=200)})
        >>> d = RelativeImportance(n_boot=200, seed=1).fit(df, "y", ["a", "b"]).differences()
        >>> bool(d.loc[0, "significant"])
        True
        """
        if not hasattr(self, "importance_"):
            raise NotFittedError("call fit(...) before differences().")
        if len(self.boot_) == 0:
            raise ParameterError("differences() needs bootstrap replicates: fit with n_boot >= 50.")
        names = list(self.importance_.index)
        est = self.importance_["importance"].to_numpy()
        a = (1 - self.ci) / 2
        rows = []
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                d = self.boot_[:, i] - self.boot_[:, j]
                low, high = np.quantile(d, [a, 1 - a])
                rows.append({"predictor_a": names[i], "predictor_b": names[j],
                             "difference": est[i] - est[j], "difference_low": low,
                             "difference_high": high, "prob_a_greater": float(np.mean(d > 0)),
                             "significant": bool(low > 0 or high < 0)})
        return pd.DataFrame(rows)


def relative_importance(data: pd.DataFrame, outcome: str, predictors: Sequence[str],
                        method: str = "lmg", *, weight: str | None = None, n_boot: int = 0,
                        ci: float = 0.95, seed: int | np.random.Generator | None = None,
                        missing: str = "listwise", n_permutations: int = 2000,
                        scale: tuple[float, float] | None = None) -> pd.DataFrame:
    """Divide the R² of ``outcome`` on ``predictors`` among the predictors.

    Parameters
    ----------
    data : DataFrame
        One row per respondent.
    outcome : str
        Overall rating (satisfaction, recommendation).
    predictors : sequence of str
        Attribute or construct ratings.
    method : {"lmg", "relative_weights", "shapley_sampled"}
        Exact LMG/Shapley (default), Johnson's relative weights, or the Shapley
        value estimated from ``n_permutations`` random orderings.
    weight : str, optional
        Column of survey weights (weighted correlations).
    n_boot, ci, seed
        Bootstrap replicates (0 = no intervals), interval level, randomness.
    missing : {"listwise", "pairwise"}
        Drop respondents with any missing answer, or compute each correlation on the
        respondents who answered both.
    scale : (low, high), optional
        Rating scale; a predictor value outside it is an error.

    Returns
    -------
    DataFrame
        Indexed by ``predictor``: ``importance`` (R² units, sums to the model R²),
        ``share`` (sums to 1), ``rank`` (1 = most important); with
        ``method="shapley_sampled"`` also ``importance_se`` (Monte Carlo error); with
        ``n_boot`` also ``importance_low/high``, ``share_low/high`` and
        ``rank_low/high`` (percentile intervals). ``attrs`` holds ``method``, ``r2``,
        ``n`` (respondents used), ``n_total``, ``missing``, ``n_boot``, ``ci``.

    Examples
    --------
    >>> df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6], "b": [2, 1, 4, 3, 6, 5],
    ...                    "y": [1, 3, 2, 5, 4, 6]})
    >>> relative_importance(df, "y", ["a", "b"])["share"].round(3).tolist()
    [0.78, 0.22]
    """
    model = RelativeImportance(method, n_boot=n_boot, ci=ci, seed=seed, missing=missing,
                               n_permutations=n_permutations)
    return model.fit(data, outcome, predictors, weight=weight, scale=scale).importance_


def importance_differences(data: pd.DataFrame, outcome: str, predictors: Sequence[str],
                           method: str = "lmg", *, weight: str | None = None, n_boot: int = 1000,
                           ci: float = 0.95, seed: int | np.random.Generator | None = None,
                           missing: str = "listwise") -> pd.DataFrame:
    """Bootstrap intervals for the difference in importance of every pair of predictors.

    See :meth:`RelativeImportance.differences` for the columns.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> x = rng.normal(size=(200, 2))
    >>> df = pd.DataFrame({"a": x[:, 0], "b": x[:, 1], "y": x @ [1.0, 0.2] + rng.normal(size=200)})
    >>> importance_differences(df, "y", ["a", "b"], n_boot=200, seed=3)[["predictor_a", "significant"]]
      predictor_a  significant
    0           a         True
    """
    return RelativeImportance(method, n_boot=n_boot, ci=ci, seed=seed, missing=missing).fit(
        data, outcome, predictors, weight=weight).differences()


@dataclass(frozen=True)
class DominanceResult:
    """Dominance analysis (Budescu 1993; Azen & Budescu 2003).

    Attributes
    ----------
    general : DataFrame
        Indexed by predictor: ``general_dominance`` (= LMG, R² units) and ``share``.
    conditional : DataFrame
        Predictor x model size ``k`` (number of other predictors already in the model):
        the average R² increment of adding the predictor to a model of that size.
    pairs : DataFrame
        One row per pair ``a``/``b`` with ``complete``, ``conditional`` and
        ``general``: the name of the dominating predictor, or ``""`` when that kind of
        dominance is not established.
    r2 : float
        Full-model R².
    """

    general: pd.DataFrame
    conditional: pd.DataFrame
    pairs: pd.DataFrame
    r2: float


def _dominance_from_corr(corr: np.ndarray, names: Sequence[str]) -> DominanceResult:
    p = len(names)
    r2 = subset_r2(corr)[None, :]
    gen = _lmg_from_subsets(r2, p)[0]
    cond = _conditional_from_subsets(r2, p)[0]
    idx = np.arange(1 << p)
    rows = []
    for i in range(p):
        for j in range(i + 1, p):
            bi, bj = 1 << i, 1 << j
            s = idx[(idx & (bi | bj)) == 0]
            diff = r2[0, s | bi] - r2[0, s | bj]
            complete = names[i] if np.all(diff > 0) else names[j] if np.all(diff < 0) else ""
            cdiff = cond[i] - cond[j]
            conditional = names[i] if np.all(cdiff > 0) else names[j] if np.all(cdiff < 0) else ""
            general = names[i] if gen[i] > gen[j] else names[j] if gen[j] > gen[i] else ""
            rows.append({"a": names[i], "b": names[j], "complete": complete,
                         "conditional": conditional, "general": general})
    total = float(r2[0, -1])
    return DominanceResult(
        general=pd.DataFrame({"general_dominance": gen, "share": gen / total},
                             index=pd.Index(list(names), name="predictor")),
        conditional=pd.DataFrame(cond, index=pd.Index(list(names), name="predictor"),
                                 columns=pd.Index(range(p), name="k")),
        pairs=pd.DataFrame(rows, columns=["a", "b", "complete", "conditional", "general"]),
        r2=total,
    )


def dominance_analysis(data: pd.DataFrame, outcome: str, predictors: Sequence[str], *,
                       weight: str | None = None, missing: str = "listwise") -> DominanceResult:
    """Complete, conditional and general dominance of every pair of predictors.

    Predictor a *completely* dominates b when adding a raises R² more than adding b
    to every subset of the other predictors; *conditionally* when its average
    increment is larger at every model size; *generally* when its LMG share is larger.
    Each level implies the next. Limited to ``MAX_EXACT_P`` predictors.

    Returns
    -------
    DominanceResult

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> x = rng.normal(size=(400, 3))
    >>> df = pd.DataFrame(x, columns=["a", "b", "c"])
    >>> df["y"] = x @ [1.0, 0.5, 0.1] + rng.normal(size=400)
    >>> dominance_analysis(df, "y", ["a", "b", "c"]).pairs
       a  b complete conditional general
    0  a  b        a           a       a
    1  a  c        a           a       a
    2  b  c        b           b       b
    """
    predictors = list(predictors)
    if len(predictors) > MAX_EXACT_P:
        raise ParameterError(
            f"dominance analysis needs all 2**p subsets; p = {len(predictors)} exceeds "
            f"{MAX_EXACT_P}. Use relative_importance(..., method='relative_weights')."
        )
    _, corr = _prepare_corr(data, outcome, predictors, weight, missing)
    return _dominance_from_corr(corr, predictors)
