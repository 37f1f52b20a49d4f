"""Exact LMG (Shapley value of R²) from a correlation matrix: subset R² and Shapley weights.

The R² of all 2^p subsets is obtained once, each from its parent subset by one
Cholesky-row update, and the Shapley weights are applied to the stored values;
dominance analysis reuses the same subset R² values.
"""

from __future__ import annotations

import math

import numpy as np

from analysis.errors import ParameterError

__all__ = ["MAX_EXACT_P", "lmg_from_corr", "subset_r2"]

#: Largest number of predictors for which exact LMG ran in under a minute on the
#: development machine, 2 cores shared with other jobs (``benchmarks/drivers_lmg.py
#: --search``): p = 20 in 1.2-5 s, 22 in 6-14 s, 23 in 42 s, 24 in 28 s when the
#: machine was idle but 64 s under load. Each extra predictor doubles the time.
MAX_EXACT_P = 23
_SINGULAR_TOL = 1e-12
_MAX_ELEMENTS = 1_500_000  # floats held per expansion step (~12 MB)


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
